/**
 * Related articles, computed once at build time from the terms the article index is built from:
 * each article's most telling terms (error identifiers first, then rare words of its title,
 * headings, problem and messages) are looked up in the other articles' same fields, and articles
 * in the same support area count a little more. "More like this", without the body's noise. An
 * article that shares too little with any other gets articles of its own area, else those sharing a term.
 */
import { FIELDS, TERM_IDENTIFIER, TERM_PAIR, type CompactTerms } from './article-terms';
import { idf } from './format';

export const RELATED = {
  /** Most related articles per article. */
  limit: 5,
  /** Telling terms taken from each article. */
  terms: 12,
  /** Terms in more than this share of articles (but never fewer than minDfCap), or more than maxDf of them, tell nothing (and cost the most). */
  maxDfShare: 0.05,
  minDfCap: 10,
  maxDf: 500,
  /** Weight of each field when choosing an article's telling terms (FIELDS order; body not used). */
  fieldWeight: [3, 2, 2, 2, 0],
  identifierWeight: 2,
  /** Added to the score of an article in the same first support area, as a share of the best shared term's weight. */
  sameArea: 0.5,
  /** A related article shares at least this many telling terms, or one error identifier. */
  minShared: 2,
};

export interface RelatedInput {
  url: string;
  /** The article's first support area, joined; '' when none. */
  area: string;
  /** Articles that are one article published twice share a group key; they never relate to each other. */
  copyKey: string;
  terms: Pick<CompactTerms, 'hashes' | 'flags' | 'counts'>;
}

/** For each input, in order, the URLs of its related articles, best first. */
export function relatedArticles(inputs: readonly RelatedInput[]): string[][] {
  const n = inputs.length;
  // Ids in place of strings: articles are compared by copy group and area millions of times.
  const idOf = (values: string[]) => { const ids = new Map<string, number>(); return values.map((v) => ids.get(v) ?? (ids.set(v, ids.size), ids.size - 1)); };
  const group = idOf(inputs.map((a) => a.copyKey));
  const area = idOf(inputs.map((a) => a.area));
  // Each article's terms in its strong fields (weighted by field) and the postings over them: term hash → articles.
  const strong: Array<{ hashes: number[]; fieldWeights: number[]; identifiers: boolean[] }> = [];
  const postings = new Map<number, number[]>();
  inputs.forEach((a, doc) => {
    const t = a.terms;
    const mine = { hashes: [] as number[], fieldWeights: [] as number[], identifiers: [] as boolean[] };
    for (let i = 0; i < t.hashes.length; i++) {
      if (t.flags[i] & TERM_PAIR) continue;
      let w = 0;
      for (let f = 0; f < FIELDS.length; f++) w += RELATED.fieldWeight[f] * Math.min(t.counts[i * FIELDS.length + f], 3);
      if (w === 0) continue;
      mine.hashes.push(t.hashes[i]);
      mine.fieldWeights.push(w);
      mine.identifiers.push((t.flags[i] & TERM_IDENTIFIER) !== 0);
      const list = postings.get(t.hashes[i]);
      if (list) list.push(doc);
      else postings.set(t.hashes[i], [doc]);
    }
    strong.push(mine);
  });
  // The first articles of each area, for an article that shares too little with any other.
  const byArea = new Map<number, number[]>();
  inputs.forEach((_, doc) => {
    const list = byArea.get(area[doc]);
    if (!list) byArea.set(area[doc], [doc]);
    else if (list.length <= RELATED.limit) list.push(doc);
  });
  const maxDf = Math.min(RELATED.maxDf, Math.max(RELATED.minDfCap, Math.floor(n * RELATED.maxDfShare)));
  const score = new Float64Array(n);
  const shared = new Int32Array(n);
  return inputs.map((a, doc) => {
    const mine = strong[doc];
    const chosen: Array<{ hash: number; weight: number; identifier: boolean }> = [];
    for (let i = 0; i < mine.hashes.length; i++) {
      const df = postings.get(mine.hashes[i])!.length;
      if (df < 2 || df > maxDf) continue;
      chosen.push({ hash: mine.hashes[i], weight: mine.fieldWeights[i] * idf(df, n) * (mine.identifiers[i] ? RELATED.identifierWeight : 1), identifier: mine.identifiers[i] });
    }
    chosen.sort((x, y) => y.weight - x.weight || x.hash - y.hash);
    const touched: number[] = [];
    for (const { hash, weight, identifier } of chosen.slice(0, RELATED.terms)) {
      for (const other of postings.get(hash)!) {
        if (group[other] === group[doc]) continue;
        if (shared[other] === 0) touched.push(other);
        score[other] += weight;
        shared[other] += identifier ? RELATED.minShared : 1;
      }
    }
    const bonus = (chosen[0]?.weight ?? 0) * RELATED.sameArea;
    const sameArea = (other: number) => a.area !== '' && area[other] === area[doc];
    const ranked = touched
      .filter((other) => shared[other] >= RELATED.minShared)
      .map((other) => [other, score[other] + (sameArea(other) ? bonus : 0)] as const)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    // Nothing shares enough: the articles of the same area that share most, then the area's first,
    // then any article that shares a telling term.
    const byScore = (x: number, y: number) => score[y] - score[x] || x - y;
    const fallback = () => [...touched.filter(sameArea).sort(byScore), ...(a.area ? (byArea.get(area[doc]) ?? []) : []), ...[...touched].sort(byScore)];
    const order = ranked.length ? ranked.map(([o]) => o) : fallback();
    for (const other of touched) { score[other] = 0; shared[other] = 0; }
    const out: string[] = [];
    const groups = new Set<number>([group[doc]]);
    for (const other of order) {
      if (groups.has(group[other])) continue;
      groups.add(group[other]);
      out.push(inputs[other].url);
      if (out.length === RELATED.limit) break;
    }
    return out;
  });
}
