/** Rule `fix-sentence`: "To resolve this issue, …", "As a workaround, …". */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { collapse, plainText } from '../../markdown/plain-text';
import type { SectionRule } from './rule';
import { SENTENCE_SPLIT, sectionParagraphs } from './text';

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

export const fixSentenceRule: SectionRule = {
  name: 'fix-sentence',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: false,
  description:
    'The first section with a paragraph (or a bullet paragraph, outside update lists) that opens "To resolve this issue, …" / "To work around this problem, …" / "As a workaround, …" / "You can safely ignore this event" (`FIX_SENTENCE_FORMS`), or has such a sentence at the start of a source line (a lazy continuation glues it to the bullet above), or says "A temporary workaround is to …" after a first sentence, is a solution; then the intro (also when headings follow it); the problem section itself only when no other section has one.',
  apply(ctx) {
    ctx.bySentence(hasFixSentence, 'fix-sentence');
  },
};
