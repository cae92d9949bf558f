/** Which cause each solution answers. */
import { referencedCauseNumber } from './heading-forms';
import type { Work } from './section-tree';

/**
 * The cause a solution belongs to, in order of evidence:
 * 0. the solution itself, when a fallback rule found it to be a cause too (`## Error 2200`);
 * 1. the nearest enclosing cause section (`### Solution 1` under `## Cause 2`);
 * 2. an explicit reference ("Resolution for cause 2") or, among siblings, the preceding cause with the same number;
 * 3. among siblings where causes and solutions alternate (never two causes in a row), the nearest preceding cause;
 * 4. the only cause of the article, if it comes before the solution.
 * Built once per article: sibling groups and their cause/solution sequences are computed up front.
 */
export function causeLinker(work: Work[], childrenOf: Map<number, Work[]>, isCause: (w: Work) => boolean, isSolution: (w: Work) => boolean) {
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
