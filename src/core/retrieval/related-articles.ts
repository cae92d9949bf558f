/**
 * Related articles, computed once at build time from the terms the article index is built from:
 * each article's most telling terms (error identifiers first, then rare words of its title,
 * headings, problem and messages) are looked up in the other articles' same fields, and articles
 * in the same support area count a little more. "More like this", without the body's noise. An
 * article that shares too little with any other gets articles of its own area.
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
  const strongField = (t: RelatedInput['terms'], i: number) => {
    let w = 0;
    for (let f = 0; f < FIELDS.length; f++) w += RELATED.fieldWeight[f] * Math.min(t.counts[i * FIELDS.length + f], 3);
    return w;
  };
  // Postings over strong fields only: term hash → articles.
  const postings = new Map<number, number[]>();
  inputs.forEach((a, doc) => {
    const t = a.terms;
    for (let i = 0; i < t.hashes.length; i++) {
      if (t.flags[i] & TERM_PAIR || strongField(t, i) === 0) continue;
      const list = postings.get(t.hashes[i]);
      if (list) list.push(doc);
      else postings.set(t.hashes[i], [doc]);
    }
  });
  // The first articles of each area, for an article that shares too little with any other.
  const byArea = new Map<string, number[]>();
  inputs.forEach((a, doc) => {
    const list = byArea.get(a.area);
    if (!list) byArea.set(a.area, [doc]);
    else if (list.length <= RELATED.limit) list.push(doc);
  });
  const maxDf = Math.min(RELATED.maxDf, Math.max(RELATED.minDfCap, Math.floor(n * RELATED.maxDfShare)));
  return inputs.map((a, doc) => {
    const t = a.terms;
    const chosen: Array<{ hash: number; weight: number; identifier: boolean }> = [];
    for (let i = 0; i < t.hashes.length; i++) {
      const df = postings.get(t.hashes[i])?.length ?? 0;
      if (df < 2 || df > maxDf) continue;
      const field = strongField(t, i);
      if (!field) continue;
      const identifier = (t.flags[i] & TERM_IDENTIFIER) !== 0;
      chosen.push({ hash: t.hashes[i], weight: field * idf(df, n) * (identifier ? RELATED.identifierWeight : 1), identifier });
    }
    chosen.sort((x, y) => y.weight - x.weight || x.hash - y.hash);
    const scores = new Map<number, { score: number; shared: number }>();
    for (const { hash, weight, identifier } of chosen.slice(0, RELATED.terms)) {
      for (const other of postings.get(hash)!) {
        if (other === doc || inputs[other].copyKey === a.copyKey) continue;
        const s = scores.get(other) ?? { score: 0, shared: 0 };
        s.score += weight;
        s.shared += identifier ? RELATED.minShared : 1;
        scores.set(other, s);
      }
    }
    const bonus = (chosen[0]?.weight ?? 0) * RELATED.sameArea;
    const ranked = [...scores]
      .filter(([, s]) => s.shared >= RELATED.minShared)
      .map(([other, s]) => [other, s.score + (a.area && inputs[other].area === a.area ? bonus : 0)] as const)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    // Nothing shares enough: the articles of the same area that share most, then the area's first.
    const fallback = () => [
      ...[...scores].filter(([other]) => a.area && inputs[other].area === a.area).sort((x, y) => y[1].score - x[1].score || x[0] - y[0]).map(([other]) => other),
      ...(byArea.get(a.area) ?? []),
    ];
    const out: string[] = [];
    const groups = new Set<string>([a.copyKey]);
    for (const other of ranked.length ? ranked.map(([o]) => o) : a.area ? fallback() : []) {
      if (groups.has(inputs[other].copyKey)) continue;
      groups.add(inputs[other].copyKey);
      out.push(inputs[other].url);
      if (out.length === RELATED.limit) break;
    }
    return out;
  });
}
