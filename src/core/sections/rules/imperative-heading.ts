/** Rule `imperative-heading`: a heading that is the fix ("Clear the license cache"). */
import { normalizeHeading } from '../heading-forms';
import { isBlank } from '../section-tree';
import { isNotAFix } from './article-signals';
import type { SectionRule } from './rule';

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

export const imperativeHeadingRule: SectionRule = {
  name: 'imperative-heading',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: false,
  description:
    'In an article that states a problem or whose title names a task, each section whose heading is a fix verb and its object ("Increase the backlog limit", "Clear the license cache") and that has content is a solution. Read before instruction sentences: a heading that names the fix says more than an aside such as "To locate the Temp folder, type …" in an overview section.',
  apply(ctx) {
    if (!ctx.asksForAction()) return;
    for (const w of ctx.work) if (!ctx.excluded(w) && isImperativeHeading(w.title) && !isBlank(w.nodes)) ctx.inferSolution(w, 'imperative-heading');
  },
};
