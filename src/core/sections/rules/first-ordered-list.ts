/** Rule `first-ordered-list`: the first numbered procedure after the problem. */
import { hasOrderedList } from './procedures';
import type { SectionRule } from './rule';

export const firstOrderedListRule: SectionRule = {
  name: 'first-ordered-list',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: false,
  description:
    'The first section from a weak problem (Summary) on, or after a strong one, that holds an ordered list (or steps nested under a bullet that leads into them: "- To run it for one user:" then "1. … 2. …") is a solution; else the intro when it holds one (with headings after it, only in an article that states a problem or names a task).',
  apply(ctx) {
    const { work, problem, intro } = ctx;
    // A "Summary" often is the whole how-to; a real problem section describes the problem only.
    const weak = ctx.isWeakProblem();
    const from = problem ? problem.index + (weak ? 0 : 1) : 0;
    const first = work.find((w) => w.index >= from && (w === problem || !ctx.excluded(w)) && hasOrderedList(w.nodes));
    if (first) ctx.inferSolution(first, 'first-ordered-list');
    // The intro comes before a strong problem heading only as a preface, never as the fix.
    // With headings after it, only in an article that states a problem or names a task ("How X works" intros list steps too).
    else if (intro && (problem === null || weak) && (work.length === 0 || ctx.asksForAction()) && hasOrderedList(intro.nodes)) ctx.inferIntro('first-ordered-list');
  },
};
