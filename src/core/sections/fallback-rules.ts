/**
 * Fallback rules: find causes and solutions that the author wrote without one of the heading forms
 * of `heading-forms.ts` (bold pseudo-headings, `Explanation:` / `Action:` catalogs, `Step 1`
 * procedures, old KB "Summary + More information" articles). Everything they find is reported as
 * inferred so that the page can say so.
 *
 * Each rule is a module of `rules/` (its node tests, its gates, what it does); this table orders
 * them, and `runSectionRules` runs it.
 */
import { causeSentenceRule } from './rules/cause-sentence';
import { detailsMethodsRule } from './rules/details-methods';
import { firstOrderedListRule } from './rules/first-ordered-list';
import { fixSentenceRule } from './rules/fix-sentence';
import { imperativeHeadingRule } from './rules/imperative-heading';
import { instructionSentenceRule } from './rules/instruction-sentence';
import { kbMoreInformationRule } from './rules/kb-more-information';
import { labelColumnRule } from './rules/label-column';
import { labelParagraphRule } from './rules/label-paragraph';
import { procedureHeadingsRule } from './rules/procedure-headings';
import { pseudoHeadingRule } from './rules/pseudo-heading';
import type { RuleContext, SectionRule } from './rules/rule';

export type { FallbackRuleName, FoundAs, SectionRule } from './rules/rule';

/** The rules, in priority order. */
export const FALLBACK_RULES: readonly SectionRule[] = [
  pseudoHeadingRule,
  labelParagraphRule,
  labelColumnRule,
  causeSentenceRule,
  procedureHeadingsRule,
  detailsMethodsRule,
  fixSentenceRule,
  kbMoreInformationRule,
  firstOrderedListRule,
  imperativeHeadingRule,
  instructionSentenceRule,
];

/** Whether a rule's gates let it run on the article as found so far. */
export function ruleApplies(rule: SectionRule, ctx: RuleContext): boolean {
  if (rule.troubleshootingOnly && !ctx.troubleshooting) return false;
  if (rule.onlyWithoutSolution && !ctx.noSolution()) return false;
  if (rule.onlyWithoutCause && ctx.hasCause()) return false;
  return true;
}

/**
 * Causes and solutions of the heading forms (sections headed `## Cause`, `## Resolution`…), then
 * of each fallback rule in turn whose gates let it run.
 */
export function runSectionRules(ctx: RuleContext, rules: readonly SectionRule[] = FALLBACK_RULES): void {
  for (const w of ctx.work) if (!ctx.isPseudoFound(w)) ctx.addHeadingForm(w, null);
  for (const rule of rules) if (ruleApplies(rule, ctx)) rule.apply(ctx);
}
