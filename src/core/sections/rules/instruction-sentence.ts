/** Rule `instruction-sentence`: "To add a second adapter, use …" and other instructions in prose. */
import type { RootContent } from 'mdast';
import { plainText } from '../../markdown/plain-text';
import type { SectionRule } from './rule';
import { SENTENCE_SPLIT } from './text';

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

export const instructionSentenceRule: SectionRule = {
  name: 'instruction-sentence',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: false,
  description:
    'In an article that states a problem (a strong problem heading, a problem-worded title, a quoted error, or a "This article helps you resolve …" line) or whose title names a task ("How to re-register …", "Enable … logging"), the first section with a paragraph that opens "To <do X>, use / run / select / …" (or holds such a sentence after its first one), with a condition naming a problem and an instruction ("If the files are missing, ask …"), or with a fix verb and its object ("Restart the server to …") is a solution.',
  apply(ctx) {
    if (ctx.asksForAction()) ctx.bySentence(hasInstructionSentence, 'instruction-sentence');
  },
};
