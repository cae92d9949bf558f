/**
 * An article's sections and what they are: its problem, causes (heading forms first, then the
 * fallback rules), solutions with their steps and the cause each answers, and its summary.
 */
import type { Root } from 'mdast';
import { causeLinker } from './cause-links';
import { runSectionRules } from './fallback-rules';
import { INTRO_ANCHOR, outlineOf } from './outline';
import { createRuleContext } from './rule-context';
import type { FallbackRuleName, FoundAs, RuleContext } from './rules/rule';
import { indexChildren, pickPreferred, type SectionDraft, type Work } from './section-tree';
import { listItems, MAX_STEPS, stepsOf } from './steps';
import { SUMMARY_MAX, summaryOf } from './summary';

export { INTRO_ANCHOR, MAX_STEPS, SUMMARY_MAX };
export type { SectionDraft };

export interface SectionModel {
  /** Text of the first H1 (which is not a section). */
  title: string | null;
  /** Document order; `intro` (depth 1) holds content before the first heading and is omitted if empty. */
  sections: SectionDraft[];
  problem: string | null;
  causes: string[];
  /**
   * `title` is set only for a solution without a heading of its own (a `<details>` method), whose
   * anchor is then the enclosing section's; several such solutions may share that anchor.
   */
  solutions: Array<{ anchor: string; cause: string | null; steps: string[]; title?: string }>;
  moreInformation: string | null;
  /** Depth 2–3 headings for the page TOC. */
  headings: Array<{ depth: number; text: string; anchor: string }>;
  /** Plain text, one paragraph, at most SUMMARY_MAX characters. */
  summary: string;
  /** Anchors of the causes and solutions found by a fallback rule rather than a heading form. */
  inferred: string[];
  /** What each fallback rule found, in document order (for reports and labels). */
  fallbacks: Array<{ anchor: string; as: FoundAs; rule: FallbackRuleName }>;
}

export interface BuildSectionsOptions {
  /** The article is a troubleshooting article (front matter); enables the procedure fallbacks. */
  troubleshooting?: boolean;
}

/** Split an article's mdast into sections and find its problem, causes, solutions and summary. */
export function buildSections(tree: Root, slug: (text: string) => string, opts: BuildSectionsOptions = {}): SectionModel {
  const { title, intro, work, sections } = outlineOf(tree, slug);
  const problem = pickPreferred(work, 'problem');
  const childrenOf = indexChildren(work);
  const moreInformation = pickPreferred(work.filter((w) => w.parentIndex === null), 'more-information') ?? pickPreferred(work, 'more-information');
  const ctx = createRuleContext({ work, childrenOf, problem, moreInformation, intro, troubleshooting: opts.troubleshooting === true, title });
  runSectionRules(ctx);
  const found = linkSolutions(ctx.work, childrenOf, ctx);

  return {
    title,
    sections,
    problem: problem?.anchor ?? null,
    causes: found.causes,
    solutions: found.solutions,
    moreInformation: moreInformation?.anchor ?? null,
    headings: work.filter((w) => w.depth <= 3).map((w) => ({ depth: w.depth, text: w.title, anchor: w.anchor })),
    summary: summaryOf(problem, intro, work, childrenOf),
    inferred: [...new Set(found.fallbacks.map((f) => f.anchor))],
    fallbacks: found.fallbacks,
  };
}

/**
 * The model's causes and solutions from what the rules found: each list in document order (the
 * intro, which is no heading's section, first), each solution with its steps and its cause.
 */
function linkSolutions(work: Work[], childrenOf: Map<number, Work[]>, ctx: RuleContext) {
  const { causes, solutions, solutionSteps, methods, introSolutions, introCause, intro, fallbacks } = ctx;
  const position = new Map(work.map((w) => [w.anchor, w.index]));
  const isCause = (w: Work) => causes.has(w);
  const isSolution = (w: Work) => solutions.has(w);
  const ordered = [...solutions].sort((a, b) => a.index - b.index);
  const linkedCause = causeLinker(work, childrenOf, isCause, isSolution);
  const found: SectionModel['solutions'] = [];
  // Intro solutions come first in document order; the intro is their cause when it is the cause.
  const introCauseAnchor = introCause && intro ? intro.anchor : null;
  for (const s of introSolutions) {
    found.push({ anchor: intro!.anchor, cause: introCauseAnchor, steps: s.steps, ...(s.title ? { title: s.title } : {}) });
  }
  if (introSolutions.length) fallbacks.push({ anchor: intro!.anchor, as: 'solution', rule: introSolutions[0].rule });
  if (introCause && intro) fallbacks.push({ anchor: intro.anchor, as: 'cause', rule: introCause });
  if (intro) position.set(intro.anchor, -1);
  for (const w of ordered) {
    const cause = linkedCause(w) ?? (introCauseAnchor && causes.size === 0 ? introCauseAnchor : null);
    const ms = methods.get(w);
    if (ms) for (const m of ms) found.push({ anchor: w.anchor, cause, steps: listItems(m.list), title: m.title });
    else found.push({ anchor: w.anchor, cause, steps: solutionSteps.get(w) ?? stepsOf(w, childrenOf, isSolution) });
  }
  const causeAnchors = [...causes].sort((a, b) => a.index - b.index).map((c) => c.anchor);
  if (introCauseAnchor) causeAnchors.unshift(introCauseAnchor);
  return {
    causes: causeAnchors,
    solutions: found,
    fallbacks: fallbacks.sort((a, b) => position.get(a.anchor)! - position.get(b.anchor)!),
  };
}
