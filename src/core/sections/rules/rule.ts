/**
 * What a section rule is, and what it reads and writes while the rules run: the article's
 * sections and the causes and solutions found so far.
 */
import type { List, RootContent } from 'mdast';
import type { SectionDraft, Work } from '../section-tree';

export type { Work };

export type FoundAs = 'cause' | 'solution';

export type FallbackRuleName =
  | 'pseudo-heading'
  | 'label-paragraph'
  | 'label-column'
  | 'cause-sentence'
  | 'procedure-headings'
  | 'details-methods'
  | 'fix-sentence'
  | 'kb-more-information'
  | 'first-ordered-list'
  | 'imperative-heading'
  | 'instruction-sentence';

/** A method in a `<details>` block: a solution without a heading of its own. */
export interface DetailsMethod {
  /** Plain text of the `<summary>`. */
  title: string;
  /** The first ordered list inside the block, for the steps. */
  list: List | null;
}

/** A solution found in the intro (headingless articles, or a fix before the first heading). */
export interface IntroSolution {
  rule: FallbackRuleName;
  steps: string[];
  title?: string;
}

/** What a fallback rule found. */
export interface Fallback {
  anchor: string;
  as: FoundAs;
  rule: FallbackRuleName;
}

/** The article as the rules read it, what they found so far, and the moves they share. */
export interface RuleContext {
  readonly work: Work[];
  readonly childrenOf: Map<number, Work[]>;
  readonly problem: Work | null;
  readonly moreInformation: Work | null;
  readonly intro: SectionDraft | null;
  readonly troubleshooting: boolean;
  readonly title: string | null;
  readonly causes: Set<Work>;
  readonly solutions: Set<Work>;
  /** Causes a cause sentence found: such a section may explain and fix at once. */
  readonly sentenceCauses: Set<Work>;
  readonly introSolutions: IntroSolution[];
  introCause: FallbackRuleName | null;
  /** Steps of a solution that are not its first ordered list (the titles of its `Step N` headings). */
  readonly solutionSteps: Map<Work, string[]>;
  readonly methods: Map<Work, DetailsMethod[]>;
  readonly fallbacks: Fallback[];

  /** Adds a section to the causes or the solutions, once; `rule` null for a heading form. */
  add(set: Set<Work>, w: Work, as: FoundAs, rule: FallbackRuleName | null): void;
  /** Adds a section by its heading's role (cause or solution), unless it only groups sections of that role. */
  addHeadingForm(w: Work, rule: FallbackRuleName | null): void;
  /** A section opened by a pseudo-heading that does not merely split a real heading of the same role. */
  isPseudoFound(w: Work): boolean;
  /** Adds the sections, and the intro, whose labels `read` says are a cause or a solution. */
  addLabelled(rule: FallbackRuleName, read: (nodes: RootContent[]) => Set<FoundAs>): void;
  hasCause(): boolean;
  noSolution(): boolean;
  /** The article states a problem (a strong problem section, a problem title, a quoted error…). */
  problemStated(): boolean;
  /** The article states a problem or its title names a task. */
  asksForAction(): boolean;
  /** The problem section is a weak form (a Summary). */
  isWeakProblem(): boolean;
  /** References, See also, Related articles…: lists of links, never a fix. */
  isReferenceForm(w: Work): boolean;
  /** Sections that cannot be the fix: the problem, causes, reference lists, repro steps, background. */
  excluded(w: Work): boolean;
  inferSolution(w: Work, rule: FallbackRuleName): void;
  inferIntro(rule: FallbackRuleName): void;
  /** A sentence rule's section: another section first, then the intro, then the problem itself. */
  bySentence(test: (nodes: RootContent[]) => boolean, rule: FallbackRuleName): void;
}

/** One fallback rule: when it may run (its gates), what it finds, and how. */
export interface SectionRule {
  name: FallbackRuleName;
  /** Only for articles whose front matter says they are troubleshooting articles. */
  troubleshootingOnly: boolean;
  /** Only when the rules before found no solution in the article (for a cause rule: the heading forms and labels). */
  onlyWithoutSolution: boolean;
  /** Only when no cause was found by a heading form or a rule before. */
  onlyWithoutCause: boolean;
  description: string;
  apply(ctx: RuleContext): void;
}
