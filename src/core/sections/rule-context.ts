/** The state the section rules share while they run over one article, and the moves they make on it. */
import type { RootContent } from 'mdast';
import { isWeakForm } from './heading-forms';
import { isNotAFix, namesTask, statesProblem } from './rules/article-signals';
import type { DetailsMethod, Fallback, FallbackRuleName, IntroSolution, RuleContext } from './rules/rule';
import { isEmptyContainer, type SectionDraft, type Work } from './section-tree';
import { firstOrderedList, listItems } from './steps';

export interface RuleInput {
  work: Work[];
  childrenOf: Map<number, Work[]>;
  problem: Work | null;
  moreInformation: Work | null;
  intro: SectionDraft | null;
  troubleshooting: boolean;
  title: string | null;
}

export function createRuleContext(input: RuleInput): RuleContext {
  const { work, childrenOf, problem, intro, title } = input;
  const causes = new Set<Work>();
  const solutions = new Set<Work>();
  const sentenceCauses = new Set<Work>();
  const introSolutions: IntroSolution[] = [];
  const fallbacks: Fallback[] = [];
  const ctx: RuleContext = {
    ...input,
    causes,
    solutions,
    sentenceCauses,
    introSolutions,
    introCause: null,
    solutionSteps: new Map<Work, string[]>(),
    methods: new Map<Work, DetailsMethod[]>(),
    fallbacks,
    add(set, w, as, rule) {
      if (set.has(w)) return;
      set.add(w);
      if (rule) fallbacks.push({ anchor: w.anchor, as, rule });
    },
    addHeadingForm(w, rule) {
      if (w.role === 'cause' && !isEmptyContainer(w, childrenOf, 'cause')) ctx.add(causes, w, 'cause', rule);
      if (w.role === 'solution' && !isEmptyContainer(w, childrenOf, 'solution')) ctx.add(solutions, w, 'solution', rule);
    },
    isPseudoFound(w) {
      if (!w.pseudo) return false;
      for (let p = w.parentIndex; p !== null; p = work[p].parentIndex) if (!work[p].pseudo && work[p].role === w.role) return false;
      return true;
    },
    addLabelled(rule, read) {
      for (const w of work) {
        if (w.role === 'cause' || w.role === 'solution') continue;
        const found = read(w.nodes);
        if (found.has('cause')) ctx.add(causes, w, 'cause', rule);
        if (found.has('solution')) ctx.add(solutions, w, 'solution', rule);
      }
      // The same in the intro: a headingless catalog ("|Error code|Mitigation steps|" right under the title).
      if (!intro) return;
      const found = read(intro.nodes);
      if (found.has('cause') && ctx.introCause === null) ctx.introCause = rule;
      if (found.has('solution') && introSolutions.length === 0) introSolutions.push({ rule, steps: [] });
    },
    hasCause: () => causes.size > 0 || ctx.introCause !== null,
    noSolution: () => solutions.size === 0 && introSolutions.length === 0,
    // A "Summary" is no statement of a problem; Symptoms, Issue, Error… are.
    problemStated: () => statesProblem(title, problem !== null && !isWeakForm(problem.cls.form), [...(intro?.nodes ?? []), ...(problem?.nodes ?? [])]),
    // The instruction rules also read articles whose title names a task ("Enable installer logging").
    asksForAction: () => ctx.problemStated() || namesTask(title),
    isWeakProblem: () => problem !== null && isWeakForm(problem.cls.form),
    isReferenceForm: (w) => w.role === 'more-information' && w.cls.form !== 'more-information',
    // A section a cause sentence found may explain and fix at once (a by-design KB with a workaround).
    excluded: (w) => w === problem || (causes.has(w) && !sentenceCauses.has(w)) || ctx.isReferenceForm(w) || isNotAFix(w.title),
    inferSolution(w, rule) {
      for (let p = w.parentIndex; p !== null; p = work[p].parentIndex) if (solutions.has(work[p])) return; // already inside one
      ctx.add(solutions, w, 'solution', rule);
    },
    inferIntro(rule) {
      introSolutions.push({ rule, steps: listItems(firstOrderedList(intro!.nodes)) });
    },
    bySentence(test: (nodes: RootContent[]) => boolean, rule: FallbackRuleName) {
      const hit = work.find((w) => !ctx.excluded(w) && test(w.nodes));
      if (hit) ctx.inferSolution(hit, rule);
      else if (intro && test(intro.nodes)) ctx.inferIntro(rule);
      else if (problem && (!causes.has(problem) || sentenceCauses.has(problem)) && test(problem.nodes)) ctx.inferSolution(problem, rule);
    },
  };
  return ctx;
}

