/**
 * Fallback rules: find causes and solutions that the author wrote without one of the heading forms
 * of `heading-forms.ts` (bold pseudo-headings, `Explanation:` / `Action:` catalogs, `Step 1`
 * procedures, old KB "Summary + More information" articles). Everything they find is reported as
 * inferred so that the page can say so.
 *
 * `buildSections` applies the rules in the order of `FALLBACK_RULES`; this module holds the tables
 * and the node tests, and knows nothing about section building.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { classifyHeading, normalizeHeading, type HeadingRole } from './heading-forms';
import { collapse, plainText } from '../markdown/plain-text';

export type FallbackRuleName =
  | 'pseudo-heading'
  | 'label-paragraph'
  | 'label-column'
  | 'cause-sentence'
  | 'procedure-headings'
  | 'details-methods'
  | 'fix-sentence'
  | 'kb-more-information'
  | 'first-ordered-list'
  | 'imperative-heading'
  | 'instruction-sentence';

export interface FallbackRule {
  name: FallbackRuleName;
  /** Only for articles whose front matter says they are troubleshooting articles. */
  troubleshootingOnly: boolean;
  /** Only when the rules before found no solution in the article (for a cause rule: the heading forms and labels). */
  onlyWithoutSolution: boolean;
  /** Only when no cause was found by a heading form or a rule before. */
  onlyWithoutCause: boolean;
  description: string;
}

/** The rules, in priority order. */
export const FALLBACK_RULES: readonly FallbackRule[] = [
  {
    name: 'pseudo-heading',
    troubleshootingOnly: false,
    onlyWithoutSolution: false,
    onlyWithoutCause: false,
    description: 'A paragraph that is only bold/italic text matching a heading form (`**Resolution**`), or that starts with a bold label and a colon (`**Cause:** …`), opens a section one level below the enclosing one.',
  },
  {
    name: 'label-paragraph',
    troubleshootingOnly: false,
    onlyWithoutSolution: false,
    onlyWithoutCause: false,
    description: 'A section (or the intro) holding `Explanation:` / `Cause:` paragraphs is a cause, one holding `Action:` / `User Action:` / `Suggested actions:` / `Resolution:` paragraphs a solution (error and event catalogs); the labels may open the bullets of a top-level list, except a bare `Action:` (rule listings).',
  },
  {
    name: 'label-column',
    troubleshootingOnly: false,
    onlyWithoutSolution: false,
    onlyWithoutCause: false,
    description: 'A section (or the intro) holding a table with a Cause / Possible cause column is a cause, one with a Mitigation / Mitigation steps / Resolution / Solution / Workaround column of sentences a solution (code tables).',
  },
  {
    name: 'cause-sentence',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: true,
    description: 'The first section with a sentence that opens "This issue occurs because / when …", says the behavior is by design or expected, names the root cause or the likely reason for the issue, introduces a list of reasons, says something "can lead to this error", or (in an article that states a problem) a limitation ("X allows only one …", "X doesn\'t support …") is a cause; the sentence may stand in a bullet (not the by-design and limitation forms, nor bullets of an update list); a Symptoms/Issue section is never taken (it stays the problem), a Summary only last. A "by-design behavior" named only in the intro\'s "This article discusses …" line points to the More information section.',
  },
  {
    name: 'procedure-headings',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: false,
    description: 'A run of `Step N` headings (their common parent, or each step when at top level or under the problem) or `How to …` / `To fix …` headings are solutions.',
  },
  {
    name: 'details-methods',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: false,
    description: 'Each `<details><summary>Method</summary> … </details>` block that holds steps or a link to a fix is a solution titled by its summary, anchored at the enclosing section (the block has no anchor of its own).',
  },
  {
    name: 'fix-sentence',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: false,
    description: 'The first section with a paragraph (or a bullet paragraph, outside update lists) that opens "To resolve this issue, …" / "To work around this problem, …" / "As a workaround, …" / "You can safely ignore this event" (`FIX_SENTENCE_FORMS`), or has such a sentence at the start of a source line (a lazy continuation glues it to the bullet above), or says "A temporary workaround is to …" after a first sentence, is a solution; then the intro (also when headings follow it); the problem section itself only when no other section has one.',
  },
  {
    name: 'kb-more-information',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: false,
    description: 'In the "Summary + More information" KB shape, the More information section is a solution when it holds a procedure; in the community KB shape ("Summary + Tips", or Tips alone) the top-level Tips section is read the same way.',
  },
  {
    name: 'first-ordered-list',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: false,
    description: 'The first section from a weak problem (Summary) on, or after a strong one, that holds an ordered list (or steps nested under a bullet that leads into them: "- To run it for one user:" then "1. … 2. …") is a solution; else the intro when it holds one (with headings after it, only in an article that states a problem or names a task).',
  },
  {
    name: 'imperative-heading',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: false,
    description: 'In an article that states a problem or whose title names a task, each section whose heading is a fix verb and its object ("Increase the backlog limit", "Clear the license cache") and that has content is a solution. Read before instruction sentences: a heading that names the fix says more than an aside such as "To locate the Temp folder, type …" in an overview section.',
  },
  {
    name: 'instruction-sentence',
    troubleshootingOnly: true,
    onlyWithoutSolution: true,
    onlyWithoutCause: false,
    description: 'In an article that states a problem (a strong problem heading, a problem-worded title, a quoted error, or a "This article helps you resolve …" line) or whose title names a task ("How to re-register …", "Enable … logging"), the first section with a paragraph that opens "To <do X>, use / run / select / …" (or holds such a sentence after its first one), with a condition naming a problem and an instruction ("If the files are missing, ask …"), or with a fix verb and its object ("Restart the server to …") is a solution.',
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

/**
 * The paragraphs a section's sentence and label rules read: its top-level paragraphs and, when
 * `items` is set, the paragraphs directly inside its top-level list items (catalogs and known-issue
 * lists put "Suggested actions:" and "To resolve this issue, …" in bullets). Nested lists stay out.
 */
export function sectionParagraphs(nodes: RootContent[], items: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push(n);
    else if (items && n.type === 'list') {
      for (const item of n.children) {
        // A bullet that opens with a link is an entry of an update or article list: it describes
        // what another page fixes, not this article's problem.
        const first = item.children[0];
        if (first?.type === 'paragraph' && first.children[0]?.type === 'link') continue;
        for (const c of item.children) if (c.type === 'paragraph') out.push(c);
      }
    }
  }
  return out;
}

const BARE_ACTION = /^actions?\s*:/i;

/** What the label paragraphs among `nodes` (top level and top-level list items) say the section holds. */
export function labelledKinds(nodes: RootContent[]): Set<FoundAs> {
  const found = new Set<FoundAs>();
  const top = new Set(nodes);
  for (const n of sectionParagraphs(nodes, true)) {
    const text = plainText(n);
    // A bare "Action:" bullet describes a rule (firewall and policy listings: "- Action: Allow").
    if (!top.has(n) && BARE_ACTION.test(text)) continue;
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
  { name: 'mitigation', as: 'solution', pattern: /^(?:mitigations?|resolutions?|solutions?|workarounds?|fix(?:es)?|remediation|(?:mitigation|resolution|remediation|solution|fix) steps|(?:recommended|suggested|user|corrective) actions?)$/ },
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

/**
 * Headings that are an instruction to fix something: a fix verb, then its object. Verbs that also
 * head set-up and reference sections (Use, Run, Download, Install, Create, Add) are left out.
 */
const IMPERATIVE_HEADING = new RegExp(
  String.raw`^(?:(?:increase|decrease|edit|disable|enable|remove|reinstall|re-?register|clear|clean|delete|modify|expand|uninstall|rename|re-?create|renew|re-?enable|unblock) (?!(?:in|of|and|or|list|mode|history|options?)\b)` +
    // Verbs that are also nouns ("Update list", "Change log") only with a determiner after them.
    String.raw`|(?:update|change|upgrade|repair|restore|reset|restart|rebuild|recover|replace|raise|lower|grant|assign|apply|allow|stop|turn (?:on|off)|free up) (?:the|a|an|your|all|any|this|these|that|each) )\S.*$`,
);

/** Whether a heading is an instruction to fix something ("Increase the RPC backlog limit"). */
export function isImperativeHeading(title: string): boolean {
  return IMPERATIVE_HEADING.test(normalizeHeading(title)) && !isNotAFix(title);
}

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

/**
 * Community-written KB articles (the MVP "Summary + Tips" shape, or Tips alone under a "How to …"
 * title) put the whole procedure under a top-level `## Tips`, where Microsoft-written KB articles say
 * More information. The KB rule reads such a section although Tips elsewhere is a side note.
 */
const KB_TIPS_HEADING = /^tips?$/;

export function isKbTipsHeading(title: string): boolean {
  return KB_TIPS_HEADING.test(normalizeHeading(title));
}

export function isNotAFix(title: string): boolean {
  const norm = normalizeHeading(title);
  return NOT_A_FIX_HEADINGS.some((re) => re.test(norm));
}

// ---------------------------------------------------------------------------------------------
// Fix sentences

export interface FixSentenceForm {
  name: 'to-resolve' | 'as-a-workaround' | 'workaround-is' | 'safe-to-ignore';
  /**
   * Matched against the start of a paragraph and of each of its source lines that opens with a
   * capital: a fix sentence written on the line right after a bullet joins that bullet's paragraph.
   */
  pattern: RegExp;
  /**
   * Also after a first sentence ("This is a known issue. A temporary workaround is to …"). Only for
   * forms that cannot describe something else: mid-paragraph, "To fix this issue, the feature
   * balances …" describes what a feature is for.
   */
  anySentence: boolean;
}

const FIX_OBJECT = String.raw`(?:this|these|the|that|such) (?:issues?|problems?|errors?|behaviou?rs?|failures?|conditions?|limitations?|crash(?:es)?|events?|warnings?|messages?)`;

/** Sentences that open a fix or the guidance that stands for one. */
export const FIX_SENTENCE_FORMS: readonly FixSentenceForm[] = [
  // "To resolve this issue, …", "To work around these problems, …", "To fix the error, …".
  { name: 'to-resolve', pattern: new RegExp(String.raw`^(?:to (?:resolve|fix|solve|correct|avoid|prevent|mitigate|recover from|work around|workaround) ${FIX_OBJECT}\b|to work around this\b)`, 'i'), anySentence: false },
  // "As a workaround, …", "One way to work around it is to …".
  { name: 'as-a-workaround', pattern: /^(?:as a (?:workaround|temporary fix|resolution)\b|(?:one|another|the only) way to (?:work around|resolve|fix|avoid) (?:this|it|these|the (?:issue|problem|error))\b)/i, anySentence: false },
  // "A temporary workaround is to …", "The workaround in the meantime is to use …".
  { name: 'workaround-is', pattern: new RegExp(String.raw`^(?:an?|the|one) (?:temporary |possible |simple |known )?workaround(?: (?:for|to) ${FIX_OBJECT})?(?: in the meantime)? (?:is|would be)\b`, 'i'), anySentence: true },
  // "You can safely ignore this event.": the KB's resolution for a harmless message.
  { name: 'safe-to-ignore', pattern: new RegExp(String.raw`^(?:you can (?:safely )?ignore ${FIX_OBJECT}|${FIX_OBJECT} (?:can|may) (?:be safely|safely be) ignored)\b`, 'i'), anySentence: false },
];

/**
 * Whether a paragraph among `nodes` (top level or in a top-level list item) opens with a fix
 * sentence, has one at the start of a source line, or (for `anySentence` forms) after a first sentence.
 */
export function hasFixSentence(nodes: RootContent[]): boolean {
  return sectionParagraphs(nodes, true).some((n) => {
    const text = plainText(n);
    const lines = toString(n).split('\n').map(collapse).filter((l) => /^[A-Z]/.test(l));
    const sentences = text.split(SENTENCE_SPLIT).slice(1);
    return FIX_SENTENCE_FORMS.some((f) => f.pattern.test(text) || lines.some((l) => f.pattern.test(l)) || (f.anySentence && sentences.some((x) => f.pattern.test(x))));
  });
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

// ---------------------------------------------------------------------------------------------
// Details methods

export interface DetailsMethod {
  /** Plain text of the `<summary>`. */
  title: string;
  /** The first ordered list inside the block, for the steps. */
  list: List | null;
}

const DETAILS_OPEN = /<details\b/gi;
const DETAILS_CLOSE = /<\/details\s*>/gi;
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i;
/** Summaries of blocks that hide output or examples, not a method. */
const NOT_A_METHOD_SUMMARY = /^(?:(?:sample|example|expected|full|more|show|view|see|click|expand|details?|output|logs?|screenshots?|code)\b|(?:why|what) )/i;

const countOf = (re: RegExp, text: string) => text.match(re)?.length ?? 0;
const decodeEntities = (s: string) => s.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');

/**
 * The `<details>` blocks among `nodes` (top level) whose content is a method: an ordered list of
 * steps, a lead-in to a procedure, or a link to the fix. In mdast the block is an html node that
 * opens it (with the summary), the markdown content as siblings, and an html node that closes it.
 */
export function detailsMethods(nodes: RootContent[]): DetailsMethod[] {
  const out: DetailsMethod[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const open = nodes[i];
    if (open.type !== 'html' || countOf(DETAILS_OPEN, open.value) === 0) continue;
    // A block opened and closed in the same html node has no markdown content to read.
    if (countOf(DETAILS_OPEN, open.value) <= countOf(DETAILS_CLOSE, open.value)) continue;
    let summary = SUMMARY.exec(open.value)?.[1];
    let depth = countOf(DETAILS_OPEN, open.value) - countOf(DETAILS_CLOSE, open.value);
    const content: RootContent[] = [];
    let j = i + 1;
    for (; j < nodes.length && depth > 0; j++) {
      const n = nodes[j];
      if (n.type === 'html') {
        summary ??= SUMMARY.exec(n.value)?.[1];
        depth += countOf(DETAILS_OPEN, n.value) - countOf(DETAILS_CLOSE, n.value);
        if (depth <= 0) break;
        continue;
      }
      content.push(n);
    }
    i = j;
    const title = collapse(decodeEntities((summary ?? '').replace(/<[^>]*>/g, ' ')));
    if (!title || NOT_A_METHOD_SUMMARY.test(title) || isNotAFix(title)) continue;
    if (!hasProcedure(content) && !hasLink(content)) continue;
    out.push({ title, list: content.find((n): n is List => n.type === 'list' && n.ordered === true) ?? null });
  }
  return out;
}

function hasLink(nodes: RootContent[]): boolean {
  const walk = (n: RootContent | PhrasingContent): boolean => n.type === 'link' || n.type === 'linkReference' || ('children' in n && (n.children as Array<RootContent | PhrasingContent>).some(walk));
  return nodes.some((n) => n.type !== 'code' && walk(n));
}

// ---------------------------------------------------------------------------------------------
// Instruction sentences

/**
 * "To add a second adapter, use the Add-X cmdlet.": a purpose clause, then an imperative. The verbs
 * are the ones fixes start with; "To do this, …" and "To learn more, see …" are not fixes.
 */
const INSTRUCTION_SENTENCE = /^to (?!do this\b|learn\b|read\b|find\b|get started\b|understand\b|know\b|see\b|view more\b|reproduce\b|determine\b|identify\b|check\b|verify\b|confirm\b|diagnose\b|investigate\b|analy[sz]e\b|gather\b|collect\b|capture\b|test\b)(?:[^,.;:]|[.:](?=\S)){3,160}, (?:you (?:can|must|should|need to) )?(?:use|run|select|click|open|set|install|enable|disable|add|remove|delete|create|change|update|upgrade|restart|reboot|configure|download|apply|follow|type|go to|sign in|sign out|make sure|ensure|assign|grant|modify|edit|rename|move|reinstall|reset|clear|turn (?:on|off)|switch|contact|call|upload|re-?register|re-?create|uninstall|start)\b/i;

/** "Restart the server to …", "Use the X cmdlet to …": a paragraph that opens with a fix verb and its object. */
const IMPERATIVE_SENTENCE = /^(?:use|run|restart|reboot|install|reinstall|uninstall|update|upgrade|apply|enable|disable|set|configure|change|remove|delete|add|create|contact|download|assign|grant|modify|reset|clear|make sure|ensure) (?:the|a|an|your|this|these|that|all|each|any|one|only|it|them)\b/i;

/**
 * "If the files are missing from the cache, ask the vendor …": a condition that names a problem, then
 * an imperative (or "you can / must …" and a verb).
 */
const IF_PROBLEM_INSTRUCTION = /^if (?=[^,]{0,160}?\b(?:missing|fails?|failed|can't|cannot|can not|unable|doesn't|does not|don't|isn't|is not|aren't|won't|errors?|not (?:working|responding|available|present|visible|shown|displayed))\b)[^,]{3,160}, (?:you (?:can|must|should|need to|may need to) )?(?:be sure|make sure|ensure|ask|contact|use|run|restart|reboot|reinstall|install|update|upgrade|enable|disable|remove|delete|check|verify|set|change|configure|sign in|open|select|try|apply|download|reset|clear|start|stop|turn (?:on|off)|grant|assign|add|create)\b/i;

/**
 * Whether a top-level paragraph among `nodes` opens with an instruction sentence (or a condition
 * naming a problem and an instruction), or holds one that
 * opens with its purpose clause after a first sentence ("This is a known issue. To monitor X, use Y.").
 */
export function hasInstructionSentence(nodes: RootContent[]): boolean {
  return nodes.some((n) => {
    if (n.type !== 'paragraph') return false;
    const text = plainText(n);
    return INSTRUCTION_SENTENCE.test(text) || IMPERATIVE_SENTENCE.test(text) || IF_PROBLEM_INSTRUCTION.test(text) || text.split(SENTENCE_SPLIT).slice(1).some((s) => INSTRUCTION_SENTENCE.test(s));
  });
}

/** H1 titles that name a problem: an error, a failure, something missing or not working. */
const PROBLEM_TITLE = /\b(?:errors?|fails?|failed|failures?|fail to|can't|cannot|can not|couldn't|unable|doesn't|does not|don't|do not|isn't|is not|aren't|won't|not (?:working|responding|available|displayed|shown|visible|found|supported|allowed|installed|started|updated)|missing|hangs?|crash(?:es)?|stops?|slow|incorrect(?:ly)?|wrong|unexpected(?:ly)?|known issues?|denied|blocked|invalid|disappears?|lost|stuck|freezes?|times? out|timeout)\b/i;

/** Lines that say the article is about a problem: "This article helps you resolve …", "You encounter one of the following issues:". */
const PROBLEM_DESCRIPTION_LINE = /^this article (?:helps? (?:you )?(?:to )?(?:resolve|fix|solve|work around)|provides (?:an? |the )?(?:solutions?|resolutions?|workarounds?|fix(?:es)?|mitigations?) (?:to|for)\b.{0,80}?\b(?:issues?|problems?|errors?|fail(?:s|ed|ures?)?|crash(?:es)?|hangs?|unable|can't|cannot|doesn't|does not|isn't|not)\b|(?:describes|discusses) (?:an?|the) (?:known )?(?:issues?|problems?|errors?)\b)|^you (?:may |might )?(?:encounter|experience|notice|receive|get|see) (?:one (?:or more )?of )?the following (?:issues|problems|errors|symptoms)\b/i;

/**
 * H1 titles that name a task for the reader: "How to re-register the client", "Enable installer
 * logging", "Redeploy the VM to a new node". In an article tagged troubleshooting, the steps of such
 * a task are what a support engineer follows, so the instruction rules treat the title like a stated
 * problem. "How to tell / check / determine …" and "How to use X to troubleshoot …" titles read a
 * state rather than change it (their first instruction is often a download link or an aside), and
 * "Use X" titles are tool references (switches, syntax), so none of them names a task here.
 */
const TASK_TITLE = new RegExp(
  String.raw`^(?:how (?:to|do i|can i) (?!(?:tell|check|determine|verify|find out|know|identify|see|understand|get|obtain|troubleshoot|diagnose)\b)(?!.*\bto (?:troubleshoot|diagnose|check|verify|test|identify|determine)\b)` +
    String.raw`|(?:enable|disable|re-?enable|re-?register|redeploy|remove|delete|clear|reset|restore|recover|repair|rebuild|reinstall|modify|change|configure|prevent|log off|turn (?:on|off)|give|grant|export|increase|decrease|restart)\s)`,
  'i',
);

/** Whether an H1 title names a task for the reader to carry out. */
export function namesTask(title: string | null): boolean {
  return title !== null && TASK_TITLE.test(collapse(title));
}

/** Whether an article with this title and these problem-statement nodes states a problem. */
export function statesProblem(title: string | null, hasProblemSection: boolean, nodes: RootContent[]): boolean {
  // A quoted error (`> [!NOTE]` alerts are notes, not quotes), or the description line saying so.
  return hasProblemSection || (title !== null && PROBLEM_TITLE.test(title)) || nodes.some((n) => (n.type === 'blockquote' && !/^\s*\[!\w+\]/.test(plainText(n))) || (n.type === 'paragraph' && PROBLEM_DESCRIPTION_LINE.test(plainText(n))));
}

// ---------------------------------------------------------------------------------------------
// Cause sentences

export interface CauseSentenceForm {
  name: 'occurs-because' | 'by-design' | 'root-cause' | 'likely-reason' | 'reasons-list' | 'leads-to' | 'limitation';
  /** Matched against each sentence of a paragraph. */
  pattern: RegExp;
  /** Only in articles that state a problem (a limitation sentence alone is plain documentation). */
  needsProblem: boolean;
  /**
   * Also in the bullets of a list. Only forms that name the problem they explain: "This is by
   * design." or "X supports only Y" closing a bullet of a settings list is no cause.
   */
  inListItems: boolean;
}

const SUBJECT = '(?:this|the|these|that|such) (?:issues?|problems?|behaviou?rs?|errors?|failures?|conditions?|symptoms?|crash(?:es)?|warnings?|messages?)';

export const CAUSE_SENTENCE_FORMS: readonly CauseSentenceForm[] = [
  { name: 'occurs-because', pattern: new RegExp(`^${SUBJECT} (?:(?:can|may|might|will|typically|usually|generally) )?(?:occurs?|happens?|is caused|are caused|is triggered|results?|is expected to occur|exists?)(?: only)? (?:because|if|when|due to|by|from|after|on)\\b`, 'i'), needsProblem: false, inListItems: true },
  { name: 'occurs-because', pattern: /^(?:this|it) (?:occurs|happens) (?:because|when|if)\b/i, needsProblem: false, inListItems: true },
  { name: 'by-design', pattern: /(?:\b(?:is|are|was)|['’]s) (?:by[- ]design|(?:an? )?expected behaviou?r|(?:the )?intended behaviou?r|working as (?:designed|intended))\b|\bby[- ]design behaviou?r\b|\b(?:works|behaves) as (?:designed|intended)\b/i, needsProblem: false, inListItems: false },
  { name: 'root-cause', pattern: /^the (?:root |underlying |most common )?(?:cause|reason) (?:of|for) (?:this|the|these) .{0,80}?\b(?:is|are)\b/i, needsProblem: false, inListItems: true },
  // "A possible reason you might see this issue is …", "…, but the most common reason is …".
  { name: 'likely-reason', pattern: new RegExp(String.raw`^(?:an?|one|the) (?:possible|likely|probable|common|known|usual|main) (?:reason|cause)\b.{0,60}?\b${SUBJECT}\b.{0,40}?\b(?:is|are|was)\b|\b(?:reasons?|causes?|causing) (?:for |of )?${SUBJECT}.*\bthe most (?:common|likely|usual) (?:reason|cause) (?:is|was)\b`, 'i'), needsProblem: false, inListItems: true },
  // "The following are some reasons why X can be out of balance:" before the list of reasons.
  { name: 'reasons-list', pattern: /^(?:the following (?:are|is a list of) (?:some |several )?(?:of the )?(?:possible |common |known |likely )?(?:reasons|causes)\b|(?:this|the) (?:issue|problem|error|behaviou?r) (?:can|may|might) be caused by (?:one|any) of the following\b)/i, needsProblem: false, inListItems: true },
  // "There are two known scenarios that can lead to this result.", "A stale cache can cause this error."
  { name: 'leads-to', pattern: /\b(?:can|may|might|could|will|is known to) (?:lead to|cause|result in|trigger) (?:this|these) (?:results?|behaviou?rs?|issues?|problems?|errors?|symptoms?|failures?|conditions?|events?)\b/i, needsProblem: false, inListItems: true },
  { name: 'limitation', pattern: /\b(?:allows? only|supports? only|only (?:supports?|allows?)|(?:doesn't|does not|don't|do not|isn't|is not|aren't|are not|can't|cannot) (?:support(?:ed)?|allow(?:ed)?)\b)/i, needsProblem: true, inListItems: false },
];

const SENTENCE_SPLIT = /(?<=[.!?])\s+(?=[A-Z"“])/;
/** The intro's description line: "This article discusses a by-design behavior where …". */
const DESCRIPTION_LINE = /^this (?:article|topic) (?:describes|discusses|explains|introduces|provides|lists|helps)\b/i;

export type CauseSentenceHit = 'here' | 'described';

/**
 * Whether a top-level paragraph among `nodes` holds a cause sentence: `here` when the cause is
 * explained in these nodes, `described` when only a "This article discusses a by-design behavior"
 * line names it (the explanation is elsewhere), null when neither.
 */
export function causeSentence(nodes: RootContent[], problemStated: boolean): CauseSentenceHit | null {
  let hit: CauseSentenceHit | null = null;
  const top = new Set(nodes);
  for (const n of sectionParagraphs(nodes, true)) {
    const inItem = !top.has(n);
    for (const sentence of plainText(n).split(SENTENCE_SPLIT)) {
      const form = CAUSE_SENTENCE_FORMS.find((f) => (problemStated || !f.needsProblem) && (!inItem || f.inListItems) && f.pattern.test(sentence));
      if (!form) continue;
      if (!DESCRIPTION_LINE.test(sentence)) return 'here';
      hit = 'described';
    }
  }
  return hit;
}

/** Headings of repro sections, which state the problem and never explain it. */
export function isReproductionHeading(title: string): boolean {
  return NOT_A_FIX_HEADINGS[0].test(normalizeHeading(title));
}
