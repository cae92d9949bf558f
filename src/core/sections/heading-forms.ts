/**
 * The known heading forms of troubleshooting articles and the section role each one gives.
 *
 * Headings are matched after `normalizeHeading` (lower-case, whitespace collapsed, emphasis
 * markers, leading outline numbers and trailing punctuation removed). Rows are tried in order and
 * the first match wins, so specific rows come before general ones.
 */

export type HeadingRole = 'problem' | 'cause' | 'solution' | 'more-information' | 'other';

export interface HeadingForm {
  /** Stable row name, reported as `form` by `classifyHeading`. */
  name: string;
  role: HeadingRole;
  /** Matched against the normalized heading text. A named group `n` captures a number (Cause 2 → 2). */
  pattern: RegExp;
  /** A weak form only wins when no strong form of the same role exists in the article (Summary, Status). */
  weak?: boolean;
}

export interface HeadingClass {
  role: HeadingRole;
  /** Name of the matching row, or `other`. */
  form: string;
  /** The heading's own number when the form is numbered (`Resolution 2: …` → 2). */
  number?: number;
}

// Building blocks for the patterns below.
const NUM = String.raw`(?<n>\d+)[a-z]?`; // 2, 2a
const LABEL = String.raw`\s*[:\-–—.]\s*.+`; // ": Restart the service", " - Use the portal"
const TAIL = String.raw`(?:\b.*)?`; // anything after a numbered keyword ("Symptom 1 for Scenario 2")

/** `keyword` alone, numbered (with any tail), `keyword for/of/to …`, and `keyword: label`. */
function family(base: string, role: HeadingRole, kw: string): HeadingForm[] {
  return [
    { name: base, role, pattern: new RegExp(`^(?:the )?${kw}$`) },
    { name: `${base}-numbered`, role, pattern: new RegExp(`^${kw} (?:#\\s*)?${NUM}${TAIL}$`) },
    { name: `${base}-for`, role, pattern: new RegExp(`^${kw} (?:for|of|to|in|when) .+$`) },
    { name: `${base}-labelled`, role, pattern: new RegExp(`^${kw}${LABEL}$`) },
  ];
}

/** Heading tails that name a topic about fixing rather than the fix itself ("Troubleshooting tools"). */
const NOT_ACTION = String.raw`(?:tools?|methods?|methodology|information|overview|options|process|example|concepts?|resources|logs?|data|scenarios)`;

const re = (source: string) => new RegExp(`^(?:${source})$`);

export const HEADING_FORMS: readonly HeadingForm[] = [
  // Combined headings first: they hold the actionable part, so they count as solutions.
  { name: 'cause-and-resolution', role: 'solution', pattern: re(String.raw`causes? and (?:resolutions?|solutions?|workarounds?|fix(?:es)?|mitigations?)`) },
  { name: 'x-and-solutions', role: 'solution', pattern: re(String.raw`.+ (?:and|&) (?:solutions?|resolutions?|workarounds?|fixes|mitigations?)`) },
  { name: 'x-and-cause', role: 'cause', pattern: re(String.raw`.+ (?:and|&) causes?`) },

  // Problem
  ...family('symptom', 'problem', 'symptoms?'),
  ...family('problem', 'problem', 'problems?'),
  { name: 'problem-description', role: 'problem', pattern: re(String.raw`(?:problem|issue|error) (?:description|statement|summary|details|overview)`) },
  ...family('issue', 'problem', 'issues?'),
  { name: 'error-messages', role: 'problem', pattern: re(String.raw`(?:the )?error messages?(?: (?:that )?you (?:receive|see|get))?`) },
  { name: 'error-numbered', role: 'problem', pattern: re(String.raw`error(?: message)? ${NUM}${TAIL}`) },
  { name: 'summary', role: 'problem', pattern: re('summary'), weak: true },

  // Cause
  ...family('cause', 'cause', 'causes?'),
  { name: 'root-cause', role: 'cause', pattern: re(String.raw`(?:the )?root[- ]?causes?(?: analysis)?`) },
  { name: 'likely-causes', role: 'cause', pattern: re(String.raw`(?:possible|common|known|probable|potential|likely|other) (?:causes?|reasons?)(?: (?:for|of) .+)?`) },
  ...family('reason', 'cause', 'reasons?'),
  { name: 'why-this-happens', role: 'cause', pattern: re(String.raw`why (?:this|it|the (?:issue|problem|error|behavior)) (?:happens|occurs|happened|occurred)`) },
  { name: 'why-question', role: 'cause', pattern: /^why (?:do|does|did|am|is|are|was|were|can't|cannot) .*\?$/ },

  // Solution
  ...family('resolution', 'solution', 'resolutions?'),
  ...family('solution', 'solution', 'solutions?'),
  ...family('workaround', 'solution', 'workarounds?'),
  ...family('mitigation', 'solution', 'mitigations?'),
  { name: 'fix', role: 'solution', pattern: re(String.raw`(?:the )?fix(?:es)?|fix ${NUM}${TAIL}|fix${LABEL}|fix it for me`) },
  { name: 'how-to-fix', role: 'solution', pattern: re(String.raw`(?:how )?to (?:fix|resolve|solve|work around|mitigate) (?:this|the) (?:issue|problem|error|behavior)s?`) },
  { name: 'method-numbered', role: 'solution', pattern: re(String.raw`method ${NUM}${TAIL}`) },
  { name: 'option-numbered', role: 'solution', pattern: re(String.raw`option ${NUM}${TAIL}`) },
  { name: 'resolving-steps', role: 'solution', pattern: re(String.raw`(?:resolving|solving|resolution|solution|repair|fix|mitigation) steps`) },
  { name: 'troubleshooting-steps', role: 'solution', pattern: re(String.raw`(?:(?:quick|basic|advanced|general|additional|detailed|common|more|online|offline) )?troubleshoot(?:ing)?(?: steps?| checklist| workflow| procedures?| guide| tips)?`) },
  { name: 'troubleshoot-topic', role: 'solution', pattern: re(String.raw`troubleshoot(?:ing)?${LABEL}|troubleshoot(?:ing)? (?!steps? \d)(?!.*\b${NOT_ACTION}$).+`) },
  { name: 'fix-imperative', role: 'solution', pattern: re(String.raw`(?:how )?(?:to )?(?:fix|resolve|repair|solve|mitigate|work around|recover from) (?!.*\b${NOT_ACTION}$).+`) },
  { name: 'recommendations', role: 'solution', pattern: re(String.raw`(?:our )?recommendations?|recommended (?:actions?|steps|solutions?)|recovery(?: steps)?`) },
  { name: 'steps-to-resolve', role: 'solution', pattern: re(String.raw`steps to (?:resolve|fix|solve|mitigate|work around)(?: .+)?`) },

  // More information
  { name: 'more-information', role: 'more-information', pattern: re(String.raw`(?:for )?more info(?:rmation)?|additional info(?:rmation)?|further information`) },
  { name: 'references', role: 'more-information', pattern: re('references?') },
  { name: 'see-also', role: 'more-information', pattern: re('see also') },
  { name: 'resources', role: 'more-information', pattern: re(String.raw`(?:additional |related |more |other )?resources`) },
  { name: 'related', role: 'more-information', pattern: re(String.raw`related (?:articles?|content|topics?|links|information|documentation)`) },
  { name: 'learn-more', role: 'more-information', pattern: re('learn more') },
  { name: 'status', role: 'more-information', pattern: re('status'), weak: true },
];

/** Lower-case, trim and strip decoration so that `**Cause 2:** ` and `cause 2` compare equal. */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b\u00a0]/g, ' ')
    .replace(/[*_`~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(?:\d+[.)]|[ivx]+\.)\s+/, '') // outline numbering: "2. Cause"
    .replace(/[\s:.。]+$/, '') // trailing colon or period
    .trim();
}

const OTHER: HeadingClass = { role: 'other', form: 'other' };

/** Classify one heading's plain text through `HEADING_FORMS`. */
export function classifyHeading(text: string): HeadingClass {
  const norm = normalizeHeading(text);
  if (!norm) return OTHER;
  for (const row of HEADING_FORMS) {
    const m = row.pattern.exec(norm);
    if (!m) continue;
    const n = m.groups?.n;
    return n === undefined ? { role: row.role, form: row.name } : { role: row.role, form: row.name, number: Number(n) };
  }
  return OTHER;
}

/** Whether the row named `form` is weak (see `HeadingForm.weak`). */
export function isWeakForm(form: string): boolean {
  return HEADING_FORMS.some((row) => row.name === form && row.weak === true);
}

/** The cause number a solution heading names explicitly: "Resolution for cause 2" → 2. */
export function referencedCauseNumber(text: string): number | null {
  const m = /\b(?:for|of|to) (?:cause|reason) #?\s*(\d+)\b/.exec(normalizeHeading(text));
  return m ? Number(m[1]) : null;
}
