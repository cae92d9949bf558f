/**
 * Why the engine missed a query: each miss goes into the first failure class of a named table whose
 * test it passes. The tests read facts about the query and two articles, the one wanted and the one
 * ranked first, taken from the build's terms files and the engine's own query analysis: how much of
 * the query's word weight each article holds, which of its identifiers, and whether the words the
 * wanted article holds were among the keys the query fetched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { healHardWraps } from '../../src/core/errors/hard-wrap';
import { decodeTerms, TERM_PAIR, type CompactTerms } from '../../src/core/retrieval/article-terms';
import { idf, isIdentifier, isPair, termHash, type ArticleManifest } from '../../src/core/retrieval/format';
import { chooseKeys, queryTerms } from '../../src/core/retrieval/rank-articles';
import { readCacheFile } from '../../src/build/cache-file';
import { articleTermsFile } from '../../src/build/cache-layout';

/** What a miss is judged by. Covers are idf-weighted shares of the query's own words (no pairs, no synonyms). */
export interface MissFacts {
  /** Rank of the wanted article in the answer; -1 when it is not in it. */
  rank: number;
  wantedCover: number;
  topCover: number;
  /** Share of the query's word weight that the wanted article holds in words the query did not fetch. */
  wantedUnfetched: number;
  queryIdentifiers: number;
  wantedIdentifiers: number;
  topIdentifiers: number;
  /** Word overlap (Jaccard) of the two articles' titles. */
  titleSimilarity: number;
}

export interface MissClass { name: string; description: string; test: (f: MissFacts) => boolean }

/** First match wins, so the most specific classes come first. */
export const MISS_CLASSES: readonly MissClass[] = [
  { name: 'near-duplicate first', description: 'an article with nearly the same title ranked first', test: (f) => f.titleSimilarity >= 0.6 },
  { name: 'identifier elsewhere', description: "the query's identifiers are in the first article and in none of the wanted one's terms", test: (f) => f.queryIdentifiers > 0 && f.topIdentifiers > 0 && f.wantedIdentifiers === 0 },
  { name: 'words not in the article', description: 'the wanted article holds under a third of the query\'s word weight (other words, another language)', test: (f) => f.wantedCover < 1 / 3 },
  { name: 'words not fetched', description: 'the wanted article holds query words the key budget left out', test: (f) => f.wantedUnfetched >= 0.15 },
  { name: 'outranked at equal cover', description: 'the wanted article holds as much of the query as the first one, and ranks lower (fields, length, pairs, the lookup)', test: (f) => f.wantedCover >= f.topCover },
  { name: 'less of the query', description: 'the first article holds more of the query\'s words than the wanted one', test: () => true },
];

export function classifyMiss(f: MissFacts): MissClass {
  return MISS_CLASSES.find((c) => c.test(f))!;
}

interface CachedArticle { url: string; title: string; terms: CompactTerms }

/** The build's terms files, read once: each article's sorted term hashes, and each word's document frequency. */
export function loadMissContext(cacheDir: string, siteDir: string): MissContext | null {
  const manifestFile = path.join(cacheDir, 'manifest.json');
  const articleManifest = path.join(siteDir, '_kb/lookup/a/manifest.json');
  if (!fs.existsSync(manifestFile) || !fs.existsSync(articleManifest)) return null;
  const build = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { articles: Array<{ url: string; modelFile: string }> };
  const m = JSON.parse(fs.readFileSync(articleManifest, 'utf8')) as ArticleManifest;
  const byUrl = new Map<string, CachedArticle>();
  const df = new Map<number, number>();
  for (const e of build.articles) {
    let terms: CompactTerms;
    try { terms = decodeTerms(readCacheFile(path.join(cacheDir, articleTermsFile(e.modelFile)))); } catch { continue; }
    byUrl.set(e.url, { url: e.url, title: terms.meta.title, terms });
    terms.hashes.forEach((h, i) => { if (!(terms.flags[i] & TERM_PAIR)) df.set(h, (df.get(h) ?? 0) + 1); });
  }
  return new MissContext(byUrl, df, new Set(m.common), m.copies);
}

function holds(t: CompactTerms, h: number): boolean {
  let lo = 0, hi = t.hashes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.hashes[mid] === h) return true;
    if (t.hashes[mid] < h) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

const titleWords = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

export class MissContext {
  constructor(
    private readonly byUrl: Map<string, CachedArticle>,
    private readonly df: Map<number, number>,
    private readonly common: ReadonlySet<number>,
    private readonly copies: Record<string, string>,
  ) {}

  private article(url: string): CachedArticle | undefined {
    return this.byUrl.get(url) ?? this.byUrl.get(this.copies[url] ?? '');
  }

  /** Facts of one miss, or null when either article is not in the cache. */
  facts(text: string, wantedUrl: string, topUrl: string | undefined, rank: number): MissFacts | null {
    const wanted = this.article(wantedUrl);
    const top = topUrl === undefined ? undefined : this.article(topUrl);
    if (!wanted) return null;
    const q = queryTerms(healHardWraps(text).text, this.common);
    const keys = new Set(chooseKeys(q));
    const n = this.byUrl.size;
    const words = [...q.terms.keys()].filter((t) => !isPair(t) && !isIdentifier(t) && !q.weights.has(t));
    const weight = new Map(words.map((t) => [t, idf(this.df.get(termHash(t)) ?? 0, n)]));
    const total = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
    const cover = (a: CachedArticle | undefined, only?: (t: string) => boolean) =>
      a ? words.filter((t) => (!only || only(t)) && holds(a.terms, termHash(t))).reduce((s, t) => s + weight.get(t)!, 0) / total : 0;
    const idents = [...q.terms.keys()].filter(isIdentifier);
    const countIdents = (a: CachedArticle | undefined) => (a ? idents.filter((t) => holds(a.terms, termHash(t))).length : 0);
    const tw = titleWords(wanted.title), tt = titleWords(top?.title ?? '');
    const inter = [...tw].filter((w) => tt.has(w)).length;
    return {
      rank,
      wantedCover: cover(wanted),
      topCover: cover(top),
      wantedUnfetched: cover(wanted, (t) => !keys.has(t)),
      queryIdentifiers: idents.length,
      wantedIdentifiers: countIdents(wanted),
      topIdentifiers: countIdents(top),
      titleSimilarity: top ? inter / Math.max(1, tw.size + tt.size - inter) : 0,
    };
  }
}
