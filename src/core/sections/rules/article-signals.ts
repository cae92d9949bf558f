/**
 * What the rules ask of a whole article or a heading: does the article state a problem, does its
 * title name a task, and is a heading one that never holds the fix.
 */
import type { RootContent } from 'mdast';
import { normalizeHeading } from '../heading-forms';
import { collapse, plainText } from '../../markdown/plain-text';

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

/** Headings of repro sections, which state the problem and never explain it. */
export function isReproductionHeading(title: string): boolean {
  return NOT_A_FIX_HEADINGS[0].test(normalizeHeading(title));
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
