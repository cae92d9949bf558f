import type { List, Nodes, Root, RootContent } from 'mdast';
import type { SectionRole } from '../model/article';
import { classifyHeading, isWeakForm, referencedCauseNumber, type HeadingClass } from './heading-forms';
import {
  causeSentence,
  detailsMethods,
  hasFixSentence,
  hasInstructionSentence,
  hasOrderedList,
  hasProcedure,
  isImperativeHeading,
  isKbTipsHeading,
  isNotAFix,
  isReproductionHeading,
  labelledColumns,
  labelledKinds,
  namesTask,
  procedureHeadingForm,
  pseudoHeading,
  statesProblem,
  type DetailsMethod,
  type FallbackRuleName,
  type FoundAs,
} from './fallback-rules';
import { collapse, plainText, truncateWords } from '../markdown/plain-text';

export interface SectionDraft {
  anchor: string;
  title: string;
  depth: number;
  role: SectionRole;
  /** Anchor of the nearest enclosing (shallower) heading's section; null at top level and for the intro. */
  parent: string | null;
  /** The section's OWN content, without its heading and without subsections. */
  nodes: RootContent[];
  /** 1-based line of the heading, when the tree has positions. */
  line?: number;
  /** Author-written anchors in the heading (`## <a id="err4"></a>Title`), so old links still land. */
  aliases?: string[];
}

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

export const INTRO_ANCHOR = 'intro';
export const SUMMARY_MAX = 300;
export const MAX_STEPS = 50;

/** A section while building, with what the linking rules need. */
interface Work extends SectionDraft {
  cls: HeadingClass;
  index: number;
  parentIndex: number | null;
  /** Opened by a bold paragraph (fallback rule `pseudo-heading`), not by a heading. */
  pseudo: boolean;
}

/** Split an article's mdast into sections and find its problem, causes, solutions and summary. */
export function buildSections(tree: Root, slug: (text: string) => string, opts: BuildSectionsOptions = {}): SectionModel {
  const children: RootContent[] = Array.isArray(tree?.children) ? tree.children : [];
  const anchors = uniqueAnchors(slug);
  let title: string | null = null;
  const intro: RootContent[] = [];
  const work: Work[] = [];
  const stack: Work[] = [];

  const open = (text: string, depth: number, cls: HeadingClass, line: number | undefined, pseudo: boolean): Work => {
    if (work.length === 0 && !isBlank(intro)) anchors.reserve(INTRO_ANCHOR); // intro is complete now
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : null;
    const section: Work = {
      anchor: anchors.next(text),
      title: text,
      depth,
      role: cls.role,
      parent: parent ? parent.anchor : null,
      nodes: [],
      cls,
      index: work.length,
      parentIndex: parent ? parent.index : null,
      pseudo,
    };
    if (line !== undefined) section.line = line;
    work.push(section);
    stack.push(section);
    return section;
  };

  for (const node of children) {
    if (node.type === 'heading') {
      const text = plainText(node);
      if (node.depth === 1 && title === null) {
        title = text;
        continue;
      }
      // A second H1 is a top-level section.
      const section = open(text, Math.min(Math.max(node.depth, 2), 6), classifyHeading(text), node.position?.start.line, false);
      const aliases = headingAliases(node).filter((a) => a !== section.anchor);
      if (aliases.length) section.aliases = aliases;
      continue;
    }
    const pseudo = pseudoHeading(node);
    if (pseudo) {
      // One level below the enclosing real heading, so that consecutive labels are siblings.
      const host = [...stack].reverse().find((w) => !w.pseudo);
      const section = open(pseudo.title, Math.min((host?.depth ?? 1) + 1, 6), classifyHeading(pseudo.title), node.position?.start.line, true);
      if (pseudo.rest) section.nodes.push(pseudo.rest);
      continue;
    }
    (work.length ? work[work.length - 1].nodes : intro).push(node);
  }

  const sections: SectionDraft[] = [];
  let introDraft: SectionDraft | null = null;
  if (!isBlank(intro)) {
    introDraft = { anchor: INTRO_ANCHOR, title: '', depth: 1, role: 'intro', parent: null, nodes: intro };
    sections.push(introDraft);
  }
  for (const w of work) sections.push(toDraft(w));

  const problem = pickPreferred(work, 'problem');
  const childrenOf = indexChildren(work);
  const moreInformation = pickPreferred(work.filter((w) => w.parentIndex === null), 'more-information') ?? pickPreferred(work, 'more-information');
  const found = findCausesAndSolutions(work, childrenOf, problem, moreInformation, introDraft, opts.troubleshooting === true, title);

  return {
    title,
    sections,
    problem: problem?.anchor ?? null,
    causes: found.causes,
    solutions: found.solutions,
    moreInformation: moreInformation?.anchor ?? null,
    headings: work.filter((w) => w.depth <= 3).map((w) => ({ depth: w.depth, text: w.title, anchor: w.anchor })),
    summary: summaryOf(problem, introDraft, work, childrenOf),
    inferred: [...new Set(found.fallbacks.map((f) => f.anchor))],
    fallbacks: found.fallbacks,
  };
}

type Fallback = SectionModel['fallbacks'][number];

/**
 * Causes and solutions: first from the heading forms, then from the fallback rules of
 * `fallback-rules.ts` in their priority order. Each list comes out in document order; the intro,
 * which is no heading's section, counts as coming first.
 */
function findCausesAndSolutions(
  work: Work[],
  childrenOf: Map<number, Work[]>,
  problem: Work | null,
  moreInformation: Work | null,
  intro: SectionDraft | null,
  troubleshooting: boolean,
  title: string | null,
) {
  /** Solutions and a cause found in the intro (headingless articles, or a fix before the first heading). */
  const introSolutions: Array<{ rule: FallbackRuleName; steps: string[]; title?: string }> = [];
  let introCause: FallbackRuleName | null = null;
  const fallbacks: Fallback[] = [];
  const position = new Map(work.map((w) => [w.anchor, w.index]));
  const causes = new Set<Work>();
  const solutions = new Set<Work>();
  const solutionSteps = new Map<Work, string[]>();
  const methods = new Map<Work, DetailsMethod[]>();
  const add = (set: Set<Work>, w: Work, as: FoundAs, rule: FallbackRuleName | null) => {
    if (set.has(w)) return;
    set.add(w);
    if (rule) fallbacks.push({ anchor: w.anchor, as, rule });
  };

  // Heading forms. A pseudo-heading section is one of them but found by a fallback rule, unless it
  // only splits a real heading of the same role (`**Cause 1:**` under `## Cause`).
  const byRule = (w: Work): FallbackRuleName | null => {
    if (!w.pseudo) return null;
    for (let p = w.parentIndex; p !== null; p = work[p].parentIndex) if (!work[p].pseudo && work[p].role === w.role) return null;
    return 'pseudo-heading';
  };
  for (const w of work) {
    if (w.role === 'cause' && !isEmptyContainer(w, childrenOf, 'cause')) add(causes, w, 'cause', byRule(w));
    if (w.role === 'solution' && !isEmptyContainer(w, childrenOf, 'solution')) add(solutions, w, 'solution', byRule(w));
  }

  // Label paragraphs: `## Error 2200` with "Explanation: …" and "Action: …".
  for (const w of work) {
    if (w.role === 'cause' || w.role === 'solution') continue;
    const kinds = labelledKinds(w.nodes);
    if (kinds.has('cause')) add(causes, w, 'cause', 'label-paragraph');
    if (kinds.has('solution')) add(solutions, w, 'solution', 'label-paragraph');
    const columns = labelledColumns(w.nodes);
    if (columns.has('cause')) add(causes, w, 'cause', 'label-column');
    if (columns.has('solution')) add(solutions, w, 'solution', 'label-column');
  }
  // The same in the intro: a headingless catalog ("|Error code|Mitigation steps|" right under the title).
  if (intro) {
    const kinds = labelledKinds(intro.nodes);
    const columns = labelledColumns(intro.nodes);
    const rule = (as: FoundAs): FallbackRuleName => (kinds.has(as) ? 'label-paragraph' : 'label-column');
    if (kinds.has('cause') || columns.has('cause')) introCause = rule('cause');
    if (kinds.has('solution') || columns.has('solution')) introSolutions.push({ rule: rule('solution'), steps: [] });
  }

  // A "Summary" is no statement of a problem; Symptoms, Issue, Error… are.
  const problemStated = () => statesProblem(title, problem !== null && !isWeakForm(problem.cls.form), [...(intro?.nodes ?? []), ...(problem?.nodes ?? [])]);
  // The instruction rules also read articles whose title names a task ("Enable installer logging").
  const asksForAction = () => problemStated() || namesTask(title);
  const noSolution = () => solutions.size === 0 && introSolutions.length === 0;
  // Cause sentences: only where the headings and labels found nothing. A section (not references
  // (a Status saying "by design" is the explanation),
  // repro or verification steps, a Step), then the intro, then a Summary; a Symptoms section stays
  // the problem only.
  const sentenceCauses = new Set<Work>();
  if (troubleshooting && causes.size === 0 && solutions.size === 0 && introCause === null && introSolutions.length === 0) {
    const stated = problemStated();
    const candidates = work.filter((w) => w !== problem && !(isReferenceForm(w) && w.cls.form !== 'status') && !isReproductionHeading(w.title) && procedureHeadingForm(w.title) !== 'step');
    const hits = new Map<Work | 'intro', ReturnType<typeof causeSentence>>();
    for (const w of candidates) hits.set(w, causeSentence(w.nodes, stated));
    if (intro) hits.set('intro', causeSentence(intro.nodes, stated));
    if (problem && isWeakForm(problem.cls.form)) hits.set(problem, causeSentence(problem.nodes, stated));
    const here = candidates.find((w) => hits.get(w) === 'here') ?? (hits.get('intro') === 'here' ? 'intro' : problem && hits.get(problem) === 'here' ? problem : null);
    // Only a "This article discusses a by-design behavior" line: the KB's explanation section is the cause.
    const described = [...hits.values()].includes('described');
    const explanation = moreInformation?.cls.form === 'more-information' ? moreInformation : null;
    const pick = here ?? (described ? (explanation ?? (intro ? 'intro' : null)) : null);
    if (pick === 'intro') introCause = 'cause-sentence';
    else if (pick) {
      add(causes, pick, 'cause', 'cause-sentence');
      sentenceCauses.add(pick);
    }
  }

  if (troubleshooting && noSolution()) {
    // Sections that cannot be the fix: the problem, causes, reference lists, repro steps, background.
    // A section a cause sentence found may explain and fix at once (a by-design KB with a workaround).
    const excluded = (w: Work) => w === problem || (causes.has(w) && !sentenceCauses.has(w)) || isReferenceForm(w) || isNotAFix(w.title);
    const inferSolution = (w: Work, rule: FallbackRuleName) => {
      for (let p = w.parentIndex; p !== null; p = work[p].parentIndex) if (solutions.has(work[p])) return; // already inside one
      add(solutions, w, 'solution', rule);
    };
    const inferIntro = (rule: FallbackRuleName) => introSolutions.push({ rule, steps: listItems(firstOrderedList(intro!.nodes)) });
    /** A sentence rule's section: another section first, then the intro, then the problem itself. */
    const bySentence = (test: (nodes: RootContent[]) => boolean, rule: FallbackRuleName) => {
      const hit = work.find((w) => !excluded(w) && test(w.nodes));
      if (hit) inferSolution(hit, rule);
      else if (intro && test(intro.nodes)) inferIntro(rule);
      else if (problem && (!causes.has(problem) || sentenceCauses.has(problem)) && test(problem.nodes)) inferSolution(problem, rule);
    };

    for (const w of procedureSections(work, childrenOf, solutionSteps, problem)) if (!excluded(w)) inferSolution(w, 'procedure-headings');

    if (noSolution()) {
      for (const w of [...work.filter((x) => !excluded(x)), ...(problem && (!causes.has(problem) || sentenceCauses.has(problem)) ? [problem] : [])]) {
        const found = detailsMethods(w.nodes);
        if (!found.length) continue;
        methods.set(w, found);
        inferSolution(w, 'details-methods');
      }
      if (noSolution() && intro) for (const m of detailsMethods(intro.nodes)) introSolutions.push({ rule: 'details-methods', title: m.title, steps: listItems(m.list) });
    }

    if (noSolution()) bySentence(hasFixSentence, 'fix-sentence');

    if (noSolution()) {
      const tips = (w: Work) => w.parentIndex === null && isKbTipsHeading(w.title);
      const kb = moreInformation?.cls.form === 'more-information' ? moreInformation : work.find((w) => (w.parentIndex === null && !excluded(w) && w.role !== 'more-information') || tips(w));
      if (kb && (!excluded(kb) || tips(kb)) && hasProcedure([kb, ...descendants(kb, childrenOf)].flatMap((d) => d.nodes))) inferSolution(kb, 'kb-more-information');
    }

    if (noSolution()) {
      // A "Summary" often is the whole how-to; a real problem section describes the problem only.
      const weak = problem !== null && isWeakForm(problem.cls.form);
      const from = problem ? problem.index + (weak ? 0 : 1) : 0;
      const first = work.find((w) => w.index >= from && (w === problem || !excluded(w)) && hasOrderedList(w.nodes));
      if (first) inferSolution(first, 'first-ordered-list');
      // The intro comes before a strong problem heading only as a preface, never as the fix.
      // With headings after it, only in an article that states a problem or names a task ("How X works" intros list steps too).
      else if (intro && (problem === null || weak) && (work.length === 0 || asksForAction()) && hasOrderedList(intro.nodes)) inferIntro('first-ordered-list');
    }

    if (noSolution() && asksForAction()) for (const w of work) if (!excluded(w) && isImperativeHeading(w.title) && !isBlank(w.nodes)) inferSolution(w, 'imperative-heading');

    if (noSolution() && asksForAction()) bySentence(hasInstructionSentence, 'instruction-sentence');
  }

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

/** References, See also, Related articles…: lists of links, never a fix. */
function isReferenceForm(w: Work): boolean {
  return w.role === 'more-information' && w.cls.form !== 'more-information';
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

function toDraft(w: Work): SectionDraft {
  const d: SectionDraft = { anchor: w.anchor, title: w.title, depth: w.depth, role: w.role, parent: w.parent, nodes: w.nodes };
  if (w.line !== undefined) d.line = w.line;
  if (w.aliases) d.aliases = w.aliases;
  return d;
}

/** Ids and names of raw `<a>` anchors inside a heading; only characters safe in an id. */
function headingAliases(heading: RootContent): string[] {
  const out: string[] = [];
  const visit = (n: { type: string; value?: unknown; children?: unknown }) => {
    if (n.type === 'html' && typeof n.value === 'string') {
      for (const m of n.value.matchAll(/<a\s[^>]*?\b(?:id|name)\s*=\s*["']?([A-Za-z0-9_:.-]+)/gi)) if (!out.includes(m[1])) out.push(m[1]);
    }
    if (Array.isArray(n.children)) for (const c of n.children) visit(c as typeof n);
  };
  visit(heading as unknown as { type: string });
  return out;
}

/**
 * Anchors from the article's slugger, called once per heading in order. If a slug function that
 * does not dedupe repeats itself (or a heading slugs to the reserved `intro`), we ask again, then
 * add a suffix, so anchors stay unique whatever the slug function does.
 */
function uniqueAnchors(slug: (text: string) => string) {
  const used = new Set<string>();
  const call = (text: string): string => {
    try {
      return String(slug(text) ?? '') || 'section';
    } catch {
      return 'section';
    }
  };
  return {
    next(text: string): string {
      // An empty heading slugs as 'section' so repeats become section-1, not a bare '-1'.
      if (!/[\p{L}\p{N}]/u.test(text)) text = 'section';
      let a = call(text);
      for (let i = 0; used.has(a) && i < 3; i++) a = call(text);
      const base = a;
      for (let i = 1; used.has(a); i++) a = `${base}-${i}`;
      used.add(a);
      return a;
    },
    reserve(anchor: string): void {
      used.add(anchor);
    },
  };
}

/** Content that renders to nothing: no nodes, or only HTML comments and empty anchors. */
function isBlank(nodes: RootContent[]): boolean {
  return nodes.every((n) => n.type === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*|<a\s[^>]*>\s*<\/a>\s*)*$/i.test(n.value));
}

function indexChildren(work: Work[]): Map<number, Work[]> {
  const map = new Map<number, Work[]>();
  for (const w of work) {
    if (w.parentIndex === null) continue;
    const list = map.get(w.parentIndex) ?? [];
    list.push(w);
    map.set(w.parentIndex, list);
  }
  return map;
}

function descendants(w: Work, childrenOf: Map<number, Work[]>): Work[] {
  const out: Work[] = [];
  const todo = [...(childrenOf.get(w.index) ?? [])].reverse();
  while (todo.length) {
    const c = todo.pop()!;
    out.push(c);
    const kids = childrenOf.get(c.index);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) todo.push(kids[i]);
  }
  return out;
}

/** A `## Resolution` with no text of its own that only groups `### Method 1`, `### Method 2` is not itself listed. */
function isEmptyContainer(w: Work, childrenOf: Map<number, Work[]>, role: SectionRole): boolean {
  if (!isBlank(w.nodes)) return false;
  return descendants(w, childrenOf).some((d) => d.role === role);
}

/** First section of `role`, preferring strong forms (Symptoms over Summary, More information over Status), then real headings over bold ones. */
function pickPreferred(work: Work[], role: SectionRole): Work | null {
  const all = work.filter((w) => w.role === role);
  const strong = all.filter((w) => !isWeakForm(w.cls.form));
  return strong.find((w) => !w.pseudo) ?? strong[0] ?? all.find((w) => !w.pseudo) ?? all[0] ?? null;
}

/**
 * The cause a solution belongs to, in order of evidence:
 * 0. the solution itself, when a fallback rule found it to be a cause too (`## Error 2200`);
 * 1. the nearest enclosing cause section (`### Solution 1` under `## Cause 2`);
 * 2. an explicit reference ("Resolution for cause 2") or, among siblings, the preceding cause with the same number;
 * 3. among siblings where causes and solutions alternate (never two causes in a row), the nearest preceding cause;
 * 4. the only cause of the article, if it comes before the solution.
 * Built once per article: sibling groups and their cause/solution sequences are computed up front.
 */
function causeLinker(work: Work[], childrenOf: Map<number, Work[]>, isCause: (w: Work) => boolean, isSolution: (w: Work) => boolean) {
  const causes = work.filter(isCause);
  const groups = new Map<number | null, { seq: Work[]; alternating: boolean }>();
  const group = (parent: number | null) => {
    let g = groups.get(parent);
    if (!g) {
      const siblings = parent === null ? work.filter((w) => w.parentIndex === null) : childrenOf.get(parent) ?? [];
      const seq = siblings.filter((w) => isCause(w) || isSolution(w));
      g = { seq, alternating: seq.every((w, i) => !(isCause(w) && seq[i + 1] !== undefined && isCause(seq[i + 1]))) };
      groups.set(parent, g);
    }
    return g;
  };

  return (s: Work): string | null => {
    if (isCause(s)) return s.anchor;
    for (let p = s.parentIndex; p !== null; p = work[p].parentIndex) {
      if (isCause(work[p])) return work[p].anchor;
    }

    const ref = referencedCauseNumber(s.title);
    if (ref !== null) {
      const hit = causes.find((c) => c.cls.number === ref);
      if (hit) return hit.anchor;
    }

    const { seq, alternating } = group(s.parentIndex);
    const at = seq.indexOf(s);
    const previousCause = (test: (c: Work) => boolean): Work | undefined => {
      for (let i = at - 1; i >= 0; i--) if (isCause(seq[i]) && test(seq[i])) return seq[i];
      return undefined;
    };
    if (s.cls.number !== undefined && ref === null) {
      const same = previousCause((c) => c.cls.number === s.cls.number);
      if (same) return same.anchor;
    }
    if (alternating) {
      const prev = previousCause(() => true);
      if (prev) return prev.anchor;
    }

    if (causes.length === 1 && causes[0].index < s.index) return causes[0].anchor;
    return null;
  };
}

/** Items of the first ordered list in the section's own content, else in its non-solution subsections. */
function stepsOf(s: Work, childrenOf: Map<number, Work[]>, isSolution: (w: Work) => boolean): string[] {
  let list = firstOrderedList(s.nodes);
  if (!list) {
    for (const d of descendants(s, childrenOf)) {
      if (isSolution(d)) continue; // a nested Method has steps of its own
      list = firstOrderedList(d.nodes);
      if (list) break;
    }
  }
  return listItems(list);
}

function listItems(list: List | null): string[] {
  if (!list) return [];
  return list.children
    .map((item) => plainText(item))
    .filter((t) => t.length > 0)
    .slice(0, MAX_STEPS);
}

function firstOrderedList(nodes: RootContent[]): List | null {
  for (const n of nodes) if (n.type === 'list' && n.ordered) return n;
  return null;
}

/** Lines that are article metadata, not a description of the problem. */
const METADATA_LINE = /^\W*(?:applies to|original kb number|original product version|kb number|article id)\b/i;

function summaryOf(problem: Work | null, intro: SectionDraft | null, work: Work[], childrenOf: Map<number, Work[]>): string {
  const candidates: RootContent[][] = [];
  if (problem) {
    candidates.push(problem.nodes);
    for (const d of descendants(problem, childrenOf)) candidates.push(d.nodes);
  }
  if (intro) candidates.push(intro.nodes);
  // Last resort so that every article gets some summary: the first paragraph anywhere.
  for (const w of work) candidates.push(w.nodes);
  for (const nodes of candidates) {
    const text = firstParagraphText(nodes);
    if (text) return truncateWords(text, SUMMARY_MAX);
  }
  return '';
}

function firstParagraphText(nodes: RootContent[]): string {
  for (const n of nodes) {
    if (n.type !== 'paragraph') continue; // blockquotes (alerts), lists, code, tables are not summaries
    const lines = paragraphLines(n)
      .map(collapse)
      .filter((l) => l && !METADATA_LINE.test(l));
    const text = collapse(lines.join(' '));
    if (/[\p{L}\p{N}]/u.test(text)) return text;
  }
  return '';
}

/** The paragraph's text split at its source line breaks (metadata lines share one paragraph). */
function paragraphLines(p: Nodes): string[] {
  const parts: string[] = [''];
  const walk = (n: Nodes): void => {
    if (n.type === 'break') parts.push('');
    else if (n.type === 'text' || n.type === 'inlineCode') {
      const segs = n.value.split('\n');
      parts[parts.length - 1] += segs[0];
      for (const seg of segs.slice(1)) parts.push(seg);
    } else if (n.type === 'html' || n.type === 'image' || n.type === 'imageReference') {
      if (n.type === 'html' && /^<br\s*\/?>$/i.test(n.value.trim())) parts.push('');
    } else if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(p);
  return parts;
}
