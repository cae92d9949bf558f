/** Rule `pseudo-heading`: a bold paragraph that stands for a heading. */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { classifyHeading, type HeadingRole } from '../heading-forms';
import { collapse, plainText } from '../../markdown/plain-text';
import type { SectionRule } from './rule';
import { wordCount } from './text';

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

/**
 * The outline opens a section for each pseudo-heading; here the ones with a cause or solution
 * role are taken, unless they only split a real heading of the same role (`**Cause 1:**` under
 * `## Cause`), which the heading forms already count.
 */
export const pseudoHeadingRule: SectionRule = {
  name: 'pseudo-heading',
  troubleshootingOnly: false,
  onlyWithoutSolution: false,
  onlyWithoutCause: false,
  description:
    'A paragraph that is only bold/italic text matching a heading form (`**Resolution**`), or that starts with a bold label and a colon (`**Cause:** …`), opens a section one level below the enclosing one.',
  apply(ctx) {
    for (const w of ctx.work) if (ctx.isPseudoFound(w)) ctx.addHeadingForm(w, 'pseudo-heading');
  },
};
