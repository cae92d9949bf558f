/**
 * Fallback rules: find causes and solutions that the author wrote without one of the heading forms
 * of `heading-forms.ts` (bold pseudo-headings, `Explanation:` / `Action:` catalogs, `Step 1`
 * procedures, old KB "Summary + More information" articles). Everything they find is reported as
 * inferred so that the page can say so.
 *
 * `buildSections` applies the rules in the order of `FALLBACK_RULES`; this module holds the tables
 * and the node tests, and knows nothing about section building.
 */
import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { classifyHeading, normalizeHeading, type HeadingRole } from './heading-forms';
import { collapse, plainText } from './plain-text';

export type FallbackRuleName = 'pseudo-heading' | 'label-paragraph' | 'label-column' | 'procedure-headings' | 'fix-sentence' | 'kb-more-information' | 'first-ordered-list';

export interface FallbackRule {
  name: FallbackRuleName;
  /** Only for articles whose front matter says they are troubleshooting articles. */
  troubleshootingOnly: boolean;
  /** Only when the rules before found no solution in the article. */
  onlyWithoutSolution: boolean;
  description: string;
}

/** The rules, in priority order. */
export const FALLBACK_RULES: readonly FallbackRule[] = [
  {
    name: 'pseudo-heading',
    troubleshootingOnly: false,
    onlyWithoutSolution: false,
    description: 'A paragraph that is only bold/italic text matching a heading form (`**Resolution**`), or that starts with a bold label and a colon (`**Cause:** …`), opens a section one level below the enclosing one.',
  },
  {
    name: 'label-paragraph',
    troubleshootingOnly: false,
    onlyWithoutSolution: false,
    description: 'A section holding `Explanation:` / `Cause:` paragraphs is a cause, one holding `Action:` / `User Action:` / `Resolution:` paragraphs a solution (error and event catalogs).',
  },
  {
    name: 'label-column',
    troubleshootingOnly: false,
    onlyWithoutSolution: false,
    description: 'A section holding a table with a Cause / Possible cause column is a cause, one with a Mitigation / Resolution / Solution / Workaround column of sentences a solution (code tables).',
  },
  {
    name: 'procedure-headings',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    description: 'A run of `Step N` headings (their common parent, or each step when at top level or under the problem) or `How to …` / `To fix …` headings are solutions.',
  },
  {
    name: 'fix-sentence',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    description: 'The first section with a paragraph that opens "To resolve this issue, …" / "To work around this problem, …" is a solution; the problem section itself only when no other section has one.',
  },
  {
    name: 'kb-more-information',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    description: 'In the "Summary + More information" KB shape, the More information section is a solution when it holds a procedure.',
  },
  {
    name: 'first-ordered-list',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    description: 'Last resort: the first section from a weak problem (Summary) on, or after a strong one, that holds an ordered list is a solution; in an article without headings, the intro.',
  },
];

// ---------------------------------------------------------------------------------------------
// Rule 1: pseudo-headings

export interface PseudoHeading {
  /** Heading text, trailing colon removed. */
  title: string;
  role: HeadingRole;
  /** The rest of the paragraph after a leading label (`**Cause:** rest`), or null for a label alone. */
  rest: Paragraph | null;
}

/** A bold line longer than this is a sentence in bold, not a heading. */
const PSEUDO_HEADING_MAX_WORDS = 12;
/** A label that opens a paragraph is a keyword with at most a number: `Cause 2:`, `Resolution:`. */
const LEADING_LABEL_MAX_WORDS = 4;
/** Roles a leading label may open; `**Note:**`, `**Status:**` and the like stay text. */
const LEADING_LABEL_ROLES: ReadonlySet<HeadingRole> = new Set(['problem', 'cause', 'solution']);

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const isEmphasis = (n: PhrasingContent) => n.type === 'strong' || n.type === 'emphasis';
const isSpace = (n: PhrasingContent) => n.type === 'text' && !n.value.trim();
const isBreak = (n: PhrasingContent) => n.type === 'break' || (n.type === 'html' && /^<br\s*\/?>$/i.test(n.value.trim()));

/**
 * The heading a top-level paragraph stands for, or null. Recognized:
 * - the whole paragraph is bold or italic text of a heading form: `**Resolution**`, `**Workaround:**`;
 * - it starts with a bold/italic label of a problem, cause or solution form and a colon
 *   (inside or after the emphasis): `**Cause 1:** The port is closed.`, `**Solution**: Restart.`
 */
export function pseudoHeading(node: RootContent): PseudoHeading | null {
  if (node.type !== 'paragraph') return null;
  const kids = node.children.filter((c) => !(c.type === 'html' && /^<a\s[^>]*>\s*<\/a>$|^<\/?a\b[^>]*>$/i.test(c.value.trim())));
  const first = kids.findIndex((c) => !isSpace(c));
  if (first < 0 || !isEmphasis(kids[first])) return null;
  const label = collapse(plainText(kids[first]));
  let after = kids.slice(first + 1);

  // Label alone (a colon after the emphasis may follow).
  const restText = collapse(after.map((c) => plainText(c)).join(''));
  if (restText === '' || restText === ':') {
    if (wordCount(label) > PSEUDO_HEADING_MAX_WORDS) return null;
    const role = classifyHeading(label).role;
    return role === 'other' ? null : { title: cleanTitle(label), role, rest: null };
  }

  // Label, colon, text.
  let colon = /:$/.test(label);
  if (!colon && after[0]?.type === 'text' && /^\s*:/.test(after[0].value)) {
    colon = true;
    after = [{ ...after[0], value: after[0].value.replace(/^\s*:/, '') }, ...after.slice(1)];
  }
  if (!colon || wordCount(label) > LEADING_LABEL_MAX_WORDS) return null;
  const role = classifyHeading(label).role;
  if (!LEADING_LABEL_ROLES.has(role)) return null;
  // Drop the space or line break between the label and the text.
  while (after.length && (isSpace(after[0]) || isBreak(after[0]))) after = after.slice(1);
  if (after[0]?.type === 'text') after = [{ ...after[0], value: after[0].value.replace(/^\s+/, '') }, ...after.slice(1)];
  const rest: Paragraph = { type: 'paragraph', children: after };
  if (node.position) rest.position = node.position;
  return { title: cleanTitle(label), role, rest };
}

function cleanTitle(label: string): string {
  return label.replace(/\s*[:：]\s*$/, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Rule 2: label paragraphs

export type FoundAs = 'cause' | 'solution';

export interface LabelForm {
  name: string;
  as: FoundAs;
  /** Matched against the start of the paragraph's plain text. */
  pattern: RegExp;
}

/** Labels that open a paragraph in error and event catalogs (`Explanation: …`, `User Action: …`). */
export const LABEL_FORMS: readonly LabelForm[] = [
  { name: 'explanation', as: 'cause', pattern: /^explanation\s*:/i },
  { name: 'cause', as: 'cause', pattern: /^(?:possible |probable |root )?causes?\s*:/i },
  { name: 'reason', as: 'cause', pattern: /^reasons?\s*:/i },
  { name: 'user-action', as: 'solution', pattern: /^(?:user |recommended |corrective |suggested )?actions?\s*:/i },
  { name: 'resolution', as: 'solution', pattern: /^(?:resolutions?|solutions?|fix|workaround)\s*:/i },
];

/** What the label paragraphs among `nodes` (top level only) say the section holds. */
export function labelledKinds(nodes: RootContent[]): Set<FoundAs> {
  const found = new Set<FoundAs>();
  for (const n of nodes) {
    if (n.type !== 'paragraph') continue;
    const text = plainText(n);
    for (const form of LABEL_FORMS) if (form.pattern.test(text)) found.add(form.as);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Rule 2b: label columns

export interface LabelColumnForm {
  name: string;
  as: FoundAs;
  /** Matched against the whole normalized header cell. */
  pattern: RegExp;
}

/**
 * Header cells of code and event tables. A bare "Action" is left out on purpose: firewall and
 * timeline tables use it for Allow/Deny and events.
 */
export const LABEL_COLUMN_FORMS: readonly LabelColumnForm[] = [
  { name: 'cause', as: 'cause', pattern: /^(?:(?:possible|probable|likely|root) )?causes?$|^reasons?$/ },
  { name: 'mitigation', as: 'solution', pattern: /^(?:mitigations?|resolutions?|solutions?|workarounds?|fix(?:es)?|remediation|resolution steps|(?:recommended|suggested|user|corrective) actions?)$/ },
];

/** A column of single words ("Allow", "1080p") is data, not a cause or a fix. */
const LABEL_COLUMN_MIN_WORDS = 3;

/** What the tables among `nodes` (top level only) say the section holds, through their header cells. */
export function labelledColumns(nodes: RootContent[]): Set<FoundAs> {
  const found = new Set<FoundAs>();
  for (const n of nodes) {
    if (n.type !== 'table' || n.children.length < 2) continue;
    const header = n.children[0].children.map((c) => normalizeHeading(plainText(c)));
    const body = n.children.slice(1);
    header.forEach((cell, col) => {
      const form = LABEL_COLUMN_FORMS.find((f) => f.pattern.test(cell));
      if (!form) return;
      const words = body.map((row) => (row.children[col] ? wordCount(plainText(row.children[col])) : 0));
      if (words.reduce((a, b) => a + b, 0) / words.length >= LABEL_COLUMN_MIN_WORDS) found.add(form.as);
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Rule 3: procedure headings

export interface ProcedureHeadingForm {
  name: 'step' | 'how-to' | 'to-fix';
  pattern: RegExp;
}

/** Matched against `normalizeHeading` text. */
export const PROCEDURE_HEADING_FORMS: readonly ProcedureHeadingForm[] = [
  { name: 'step', pattern: /^step \d+[a-z]?(?:\b.*)?$/ },
  { name: 'how-to', pattern: /^how (?:to|do i|can i) .+$/ },
  { name: 'to-fix', pattern: /^to (?:fix|resolve|repair|correct|work around|recover|restore|solve|mitigate|troubleshoot|avoid|prevent) .+$/ },
];

export function procedureHeadingForm(title: string): ProcedureHeadingForm['name'] | null {
  const norm = normalizeHeading(title);
  return PROCEDURE_HEADING_FORMS.find((f) => f.pattern.test(norm))?.name ?? null;
}

/**
 * Headings of sections that the content rules (procedure, fix sentence, More information, ordered
 * list) must never take for the fix, whatever they hold: reproducing or verifying the issue,
 * background, and what comes after.
 */
export const NOT_A_FIX_HEADINGS: readonly RegExp[] = [
  /\breproduc(?:e|ing|tion)\b|\brepro\b/,
  /^(?:verify|verifying|confirm|confirming|identify|identifying|check(?:ing)? for) (?:the|this|that|if|whether) (?:issue|problem|error)/,
  /^(?:prerequisites?|requirements?|system requirements|before you (?:begin|start)|overview|introduction|background|terminology|glossary|scope|next steps?|data collection|collect data|summary)$/,
  /^(?:how|why) .*\bworks?\??$|^what (?:is|are) /,
  /^(?:additional|more|further) information .+|^(?:tips?|samples?|examples?|sample code)\b/,
  /\b(?:tools?|utilities|concepts?|terminology)$/,
  /^how (?:to|do i|can i) (?:tell|check|determine|verify|find out|know|identify|see) (?:whether|if|which|what)\b/,
];

export function isNotAFix(title: string): boolean {
  const norm = normalizeHeading(title);
  return NOT_A_FIX_HEADINGS.some((re) => re.test(norm));
}

// ---------------------------------------------------------------------------------------------
// Fix sentences

/** "To resolve this issue, …", "To work around these problems, …", "To fix the error, …". */
const FIX_SENTENCE = /^(?:to (?:resolve|fix|solve|correct|avoid|prevent|mitigate|recover from|work around|workaround) (?:this|these|the|that) (?:issues?|problems?|errors?|behaviou?rs?|failures?|conditions?|limitations?|crash(?:es)?)\b|to work around this\b)/i;

/** Whether a top-level paragraph among `nodes` opens with a fix sentence. */
export function hasFixSentence(nodes: RootContent[]): boolean {
  return nodes.some((n) => n.type === 'paragraph' && FIX_SENTENCE.test(plainText(n)));
}

// ---------------------------------------------------------------------------------------------
// Rules 4 and 5: procedures in content

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
 * (a list of hotfixes) and lists introduced as repro steps do not count.
 */
export function hasOrderedList(nodes: RootContent[]): boolean {
  const lists: List[] = [];
  nodes.forEach((n, i) => {
    if (n.type !== 'list' || !n.ordered || isLinkList(n)) return;
    const lead = nodes.slice(Math.max(0, i - LEAD_LOOKBACK), i).filter((p) => p.type === 'paragraph');
    if (lead.some((p) => REPRO_LEAD.test(plainText(p)))) return;
    lists.push(n);
  });
  return lists.length >= 2 || lists.some((l) => l.children.length >= 2);
}

/** Most items are nothing but a link (and maybe a short note after it). */
function isLinkList(list: List): boolean {
  const linkOnly = list.children.filter((item) => {
    const p = item.children[0];
    return item.children.length === 1 && p?.type === 'paragraph' && p.children[0]?.type === 'link';
  });
  return linkOnly.length * 2 > list.children.length;
}
