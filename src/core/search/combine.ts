/**
 * One result list from the two engines. Confident fingerprint matches come first;
 * then full-text results; for pasted errors the less certain fingerprint matches are
 * blended into the full-text order by reciprocal-rank fusion, so either engine can
 * lift an article the other found.
 */
import type { QueryKind } from './query-kind';

export type HitOrigin = 'lookup-confident' | 'lookup' | 'fulltext';

export interface Ranked {
  url: string;
}

/** RRF constant: the usual 60 flattens rank differences too much for ten results. */
const RRF_K = 10;

/** Reciprocal-rank fusion of several ranked lists of urls; ties keep first-seen order. */
export function fuseRankings(lists: string[][]): string[] {
  const score = new Map<string, number>();
  const first = new Map<string, number>();
  let seen = 0;
  for (const list of lists) {
    const dedup = [...new Set(list)];
    dedup.forEach((url, rank) => {
      score.set(url, (score.get(url) ?? 0) + 1 / (RRF_K + rank + 1));
      if (!first.has(url)) first.set(url, seen++);
    });
  }
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || first.get(a)! - first.get(b)!);
}

export interface Combined<L extends Ranked, F extends Ranked> {
  url: string;
  origin: HitOrigin;
  lookup: L | null;
  fulltext: F | null;
}

/** Merges lookup and full-text results (each best first) into one list without duplicates. */
export function combineResults<L extends Ranked & { confident: boolean }, F extends Ranked>(
  kind: QueryKind,
  lookup: L[],
  fulltext: F[],
): Combined<L, F>[] {
  const byUrlL = new Map<string, L>();
  for (const l of lookup) if (!byUrlL.has(l.url)) byUrlL.set(l.url, l);
  const byUrlF = new Map<string, F>();
  for (const f of fulltext) if (!byUrlF.has(f.url)) byUrlF.set(f.url, f);
  const confident = [...byUrlL.values()].filter((l) => l.confident).map((l) => l.url);
  const taken = new Set(confident);
  const rest =
    kind === 'error'
      ? fuseRankings([[...byUrlF.keys()], [...byUrlL.values()].filter((l) => !l.confident).map((l) => l.url)])
      : [...byUrlF.keys(), ...byUrlL.keys()];
  const order = [...confident, ...rest.filter((u) => !taken.has(u))];
  return [...new Set(order)].map((url) => {
    const l = byUrlL.get(url) ?? null;
    return {
      url,
      origin: l?.confident ? 'lookup-confident' : byUrlF.has(url) ? 'fulltext' : 'lookup',
      lookup: l,
      fulltext: byUrlF.get(url) ?? null,
    };
  });
}

/**
 * The engine's order (retrieval engine, every query kind), with the full-text hit of the same
 * article attached for its excerpt; full-text hits the engine did not return follow.
 */
export function rankByEngine<L extends Ranked & { confident: boolean }, F extends Ranked>(engine: L[], fulltext: F[]): Combined<L, F>[] {
  const byUrlF = new Map<string, F>();
  for (const f of fulltext) if (!byUrlF.has(f.url)) byUrlF.set(f.url, f);
  const seen = new Set<string>();
  const out: Combined<L, F>[] = [];
  for (const l of engine) {
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    out.push({ url: l.url, origin: l.confident ? 'lookup-confident' : 'lookup', lookup: l, fulltext: byUrlF.get(l.url) ?? null });
  }
  for (const [url, f] of byUrlF) if (!seen.has(url)) { seen.add(url); out.push({ url, origin: 'fulltext', lookup: null, fulltext: f }); }
  return out;
}
