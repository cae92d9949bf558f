/** Whether content holds a procedure: ordered steps, or a sentence that leads into them. */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { plainText } from '../../markdown/plain-text';

/** Sentences that announce a procedure ("To do this, follow these steps:"). */
const PROCEDURE_LEAD = /\b(?:follow(?:ing)? these steps|the following steps|do the following|use (?:one of )?the following (?:methods?|procedures?|steps)|to do this,)/i;

/** Whether the nodes hold a procedure: an ordered list of steps, or a lead-in sentence to one. */
export function hasProcedure(nodes: RootContent[]): boolean {
  return hasOrderedList(nodes) || nodes.some((n) => n.type === 'paragraph' && PROCEDURE_LEAD.test(plainText(n)));
}

/** Text just before a list that says the list reproduces the problem rather than fixing it. */
const REPRO_LEAD = /\brepro(?:duc\w*)?\b|steps to recreate/i;
/** How many paragraphs before a list may hold its lead-in ("Repro steps:" then a bold caption). */
const LEAD_LOOKBACK = 2;

/**
 * An ordered list of steps at the top level of `nodes`: at least two items, or two ordered lists
 * (steps split by an unindented code block parse as one-item lists). Lists that only hold links
 * (a list of hotfixes) and lists introduced as repro steps do not count. Steps nested in a bullet
 * whose text leads into them ("- To run it for one user:" or "- Method 1 … follow these steps:",
 * then "1. … 2. …") count too: articles that give one procedure per variant write them that way.
 * A bullet that merely ends in a colon does not lead into steps (notes and option lists nest
 * numbered sub-lists too).
 */
export function hasOrderedList(nodes: RootContent[]): boolean {
  const lists: List[] = [];
  nodes.forEach((n, i) => {
    if (n.type !== 'list' || !n.ordered || isLinkList(n)) return;
    const lead = nodes.slice(Math.max(0, i - LEAD_LOOKBACK), i).filter((p) => p.type === 'paragraph');
    if (lead.some((p) => REPRO_LEAD.test(plainText(p)))) return;
    lists.push(n);
  });
  return lists.length >= 2 || lists.some((l) => l.children.length >= 2) || nodes.some((n) => n.type === 'list' && !n.ordered && n.children.some(hasLedSteps));
}

/** A purpose clause that ends in a colon: "To run it when any user signs in:". */
const STEPS_PURPOSE = /^to [a-z][^.;]{3,160}:$/i;

/** A list item whose paragraphs lead into an ordered list of two or more steps nested in it. */
function hasLedSteps(item: ListItem): boolean {
  return item.children.some((c, i) => {
    if (c.type !== 'list' || !c.ordered || c.children.length < 2 || isLinkList(c)) return false;
    const lead = item.children.slice(0, i).filter((p): p is Paragraph => p.type === 'paragraph').map((p) => plainText(p));
    return lead.length > 0 && !lead.some((t) => REPRO_LEAD.test(t)) && (STEPS_PURPOSE.test(lead[lead.length - 1]) || lead.some((t) => PROCEDURE_LEAD.test(t)));
  });
}

/** Most items are nothing but a link (and maybe a short note after it). */
function isLinkList(list: List): boolean {
  const linkOnly = list.children.filter((item) => {
    const p = item.children[0];
    return item.children.length === 1 && p?.type === 'paragraph' && p.children[0]?.type === 'link';
  });
  return linkOnly.length * 2 > list.children.length;
}
