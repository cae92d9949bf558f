/**
 * Builds the article index: BM25F impacts per (term, article), computed once at build time so a
 * query only adds them up. Each term keeps its highest-impact postings only (a fixed cap), so an
 * entry, and with it the bytes a query fetches, does not grow with the corpus.
 */
import type { LookupIndexFile } from '../lookup/types';
import { ByteWriter, varintSize } from '../lookup/varint';
import { foldCase } from './analyzer';
import { FIELDS, type ArticleTerms, type Field } from './article-terms';
import {
  ARTICLE_INDEX_VERSION, IMPACT_SCALE, articleDocPath, articleManifestPath, articleShardPath, isIdentifier, isPair, shardOfTerm, termHash,
  type ArticleDisplay, type ArticleManifest,
} from './format';

/** Field weights and length normalization of the ranking; global, never per query. */
export const RANKING = {
  weight: { title: 6, headings: 2, problem: 2, messages: 2, body: 1 } as Record<Field, number>,
  lengthNorm: { title: 0.5, headings: 0.6, problem: 0.6, messages: 0.6, body: 0.75 } as Record<Field, number>,
  k1: 1.2,
};

export interface BuildArticleIndexOptions {
  base: string;
  /** Most postings kept per term, highest impact first (default 160). */
  cap?: number;
  /** Target bytes of one shard (default 2048). */
  shardBytes?: number;
  /** Articles per display file (default 1: a display file per result costs less than the bytes of its neighbours). */
  docChunk?: number;
  /** A pair seen in fewer articles says no more than its words (default 2). */
  minPairDf?: number;
}

const basename = (source: string): string => source.slice(source.lastIndexOf('/') + 1).toLowerCase();

/**
 * Articles published twice in one repository (same file name, same title) are one answer: the
 * newest copy (by date, then path) stands for both.
 */
export function copyGroups(inputs: readonly ArticleTerms[]): { keep: ArticleTerms[]; also: Map<string, string[]>; copies: Record<string, string> } {
  const groups = new Map<string, ArticleTerms[]>();
  for (const a of inputs) {
    const key = basename(a.source) + '\n' + foldCase(a.title).replace(/\s+/g, ' ').trim();
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  const keep: ArticleTerms[] = [];
  const also = new Map<string, string[]>();
  const copies: Record<string, string> = {};
  for (const g of groups.values()) {
    g.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
    keep.push(g[0]);
    if (g.length > 1) {
      also.set(g[0].url, g.slice(1).map((c) => c.url));
      for (const c of g.slice(1)) copies[c.url] = g[0].url;
    }
  }
  keep.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
  return { keep, also, copies };
}

/** Impact of one term in one article: field-weighted, length-normalized frequency, saturated (BM25F). */
function impactOf(a: ArticleTerms, term: string, avg: Record<Field, number>): number {
  let x = 0;
  for (const f of FIELDS) {
    const c = a.fields[f].counts[term];
    if (!c) continue;
    const b = RANKING.lengthNorm[f];
    x += (RANKING.weight[f] * c) / (1 - b + (b * a.fields[f].length) / Math.max(1, avg[f]));
  }
  return x / (RANKING.k1 + x);
}

export function buildArticleIndex(inputs: readonly ArticleTerms[], opts: BuildArticleIndexOptions): { files: LookupIndexFile[]; manifest: ArticleManifest; docs: Map<string, number> } {
  const cap = opts.cap ?? 160, shardBytes = opts.shardBytes ?? 2048, minPairDf = opts.minPairDf ?? 2, docChunk = opts.docChunk ?? 1;
  const { keep, also, copies } = copyGroups(inputs);
  const n = keep.length;
  const avg = {} as Record<Field, number>;
  for (const f of FIELDS) avg[f] = keep.reduce((s, a) => s + a.fields[f].length, 0) / Math.max(1, n);

  const df = new Map<string, number>();
  const termsOf = (a: ArticleTerms): Set<string> => {
    const s = new Set<string>();
    for (const f of FIELDS) for (const t in a.fields[f].counts) s.add(t);
    return s;
  };
  for (const a of keep) for (const t of termsOf(a)) df.set(t, (df.get(t) ?? 0) + 1);

  const postings = new Map<string, number[]>();
  keep.forEach((a, doc) => {
    for (const t of termsOf(a)) {
      if (isPair(t) && df.get(t)! < minPairDf) continue;
      const q = Math.max(1, Math.round(impactOf(a, t, avg) * IMPACT_SCALE));
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(doc, q);
    }
  });

  // Each term's entry: its top postings by impact, laid out by article for delta coding.
  interface Entry { term: string; hash: number; df: number; docs: number[]; impacts: number[]; bytes: number }
  const entries: Entry[] = [];
  let total = 0;
  for (const [term, flat] of postings) {
    const idx = [];
    for (let i = 0; i < flat.length; i += 2) idx.push(i);
    if (idx.length > cap) idx.sort((x, y) => flat[y + 1] - flat[x + 1] || flat[x] - flat[y]).length = cap;
    idx.sort((x, y) => flat[x] - flat[y]);
    const docs = idx.map((i) => flat[i]), impacts = idx.map((i) => flat[i + 1]);
    let bytes = varintSize(df.get(term)!) + varintSize(docs.length) + 4;
    let prev = 0;
    for (const d of docs) { bytes += varintSize(d - prev) + 1; prev = d; }
    total += bytes;
    entries.push({ term, hash: termHash(term), df: df.get(term)!, docs, impacts, bytes });
  }
  const shards = Math.max(1, Math.ceil(total / shardBytes));
  const byShard: Entry[][] = Array.from({ length: shards }, () => []);
  for (const e of entries) byShard[shardOfTerm(e.term, shards)].push(e);

  const files: LookupIndexFile[] = [];
  byShard.forEach((list, s) => {
    list.sort((x, y) => x.hash - y.hash || (x.term < y.term ? -1 : 1));
    const w = new ByteWriter();
    const unique = list.filter((e, i) => i === 0 || e.hash !== list[i - 1].hash);
    w.varint(unique.length);
    let h = 0;
    for (const e of unique) {
      w.varint(e.hash - h);
      h = e.hash;
      w.varint(e.df);
      w.varint(e.docs.length);
      let prev = 0;
      e.docs.forEach((d, i) => { w.varint(d - prev); prev = d; w.byte(e.impacts[i]); });
    }
    files.push({ path: articleShardPath(opts.base, s), data: w.bytes() });
  });

  const displays = keep.map((a): ArticleDisplay => ({
    url: a.url, title: a.title, source: a.source, summary: a.summary.length > 200 ? a.summary.slice(0, 199) + '…' : a.summary,
    date: a.date, products: a.products, areas: a.areas, topic: a.topic, also: also.get(a.url) ?? [],
  }));
  for (let c = 0; c * docChunk < displays.length; c++) {
    files.push({ path: articleDocPath(opts.base, c), data: JSON.stringify(displays.slice(c * docChunk, (c + 1) * docChunk)) });
  }

  const commonDf = Math.max(50, n / 50);
  const common = entries.filter((e) => !isPair(e.term) && !isIdentifier(e.term) && e.df >= commonDf).map((e) => e.hash).sort((x, y) => x - y);
  const sortedCopies: Record<string, string> = {};
  for (const k of Object.keys(copies).sort()) sortedCopies[k] = copies[k];
  const manifest: ArticleManifest = { v: ARTICLE_INDEX_VERSION, articles: n, shards, docChunk, common: [...new Set(common)], copies: sortedCopies };
  files.push({ path: articleManifestPath(opts.base), data: JSON.stringify(manifest) });
  // Every article's number, copies included (they answer as the copy that stands for them).
  const docs = new Map(keep.map((a, doc) => [a.url, doc]));
  for (const [copy, rep] of Object.entries(copies)) docs.set(copy, docs.get(rep)!);
  return { files, manifest, docs };
}
