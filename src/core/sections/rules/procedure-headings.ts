/** Rule `procedure-headings`: `Step N`, `How to …` and `To fix …` headings. */
import { normalizeHeading } from '../heading-forms';
import type { SectionRule, Work } from './rule';

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

export function procedureHeadingForm(title: string): ProcedureHeadingForm['name'] | null {
  const norm = normalizeHeading(title);
  return PROCEDURE_HEADING_FORMS.find((f) => f.pattern.test(norm))?.name ?? null;
}

/**
 * Sections that procedure headings make solutions: the common parent of a run of `Step N`
 * headings (whose steps are then the step titles), each step of a top-level run, and each
 * `How to …` / `To fix …` section.
 */
function procedureSections(work: Work[], childrenOf: Map<number, Work[]>, stepsFor: Map<Work, string[]>, problem: Work | null): Work[] {
  const out: Work[] = [];
  const parentsDone = new Set<number>();
  for (const w of work) {
    const form = procedureHeadingForm(w.title);
    if (!form) continue;
    if (form !== 'step') {
      out.push(w);
      continue;
    }
    // Steps at top level, or under an `## Issue 1` (which must stay the problem), are solutions each.
    if (w.parentIndex === null || work[w.parentIndex] === problem || work[w.parentIndex].role === 'problem') {
      out.push(w);
      continue;
    }
    if (parentsDone.has(w.parentIndex)) continue;
    parentsDone.add(w.parentIndex);
    const parent = work[w.parentIndex];
    const steps = (childrenOf.get(parent.index) ?? []).filter((c) => procedureHeadingForm(c.title) === 'step');
    if (!stepsFor.has(parent)) stepsFor.set(parent, steps.map((c) => c.title));
    out.push(parent);
  }
  return out.sort((a, b) => a.index - b.index);
}

export const procedureHeadingsRule: SectionRule = {
  name: 'procedure-headings',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: false,
  description:
    'A run of `Step N` headings (their common parent, or each step when at top level or under the problem) or `How to …` / `To fix …` headings are solutions.',
  apply(ctx) {
    for (const w of procedureSections(ctx.work, ctx.childrenOf, ctx.solutionSteps, ctx.problem)) if (!ctx.excluded(w)) ctx.inferSolution(w, 'procedure-headings');
  },
};
