/**
 * Layout of the article index below the lookup folder. Postings are grouped in shards by the hash
 * of their term. A word pair is kept with its home word (pairWord) while that word's pairs are few,
 * so one request brings both; a word that starts more is marked "spilled" in its entry, and its
 * pairs go where their own hash says: in a large corpus a word starts thousands of pairs, and a
 * query that fetched them with the word would fetch more the larger the corpus.
 */
import { fnv1a } from '../lookup/fingerprint';

export const ARTICLE_INDEX_VERSION = 4;

/** The header a query needs before its first request; built into `lookup.js`. */
export interface ArticleManifest {
  v: number;
  /** Articles indexed (copies collapsed). */
  articles: number;
  shards: number;
  /** Articles per display chunk. */
  docChunk: number;
  /** Hashes of the commonest words, ascending: a long paste asks for these last. */
  common: number[];
  /** URL of an article published again in another folder → the URL of the copy that answers for both. */
  copies: Record<string, string>;
}

/** Display data of one article: what a result shows. */
export interface ArticleDisplay {
  url: string;
  title: string;
  source: string;
  summary: string;
  date: string | null;
  products: string[];
  areas: string[];
  topic: string;
  /** URLs of the same article published in other folders. */
  also: string[];
}

export const isIdentifier = (term: string): boolean => term.startsWith('#');
/** Word pairs join two words with `_`; an identifier may hold `_` itself (`#error_access_denied`). */
export const isPair = (term: string): boolean => !isIdentifier(term) && term.includes('_');

export const termHash = (term: string): number => fnv1a(term);

/** A pair's two words (its term names them in sorted order). */
export const pairWords = (pair: string): [string, string] => {
  const cut = pair.indexOf('_');
  return [pair.slice(0, cut), pair.slice(cut + 1)];
};

/** The shard a term's own hash names: a word's, an identifier's, or a spilled word's pair's. */
export const shardOfTerm = (term: string, shards: number): number => termHash(term) % shards;

/**
 * A pair's home word: its first word, or its second when only the first is among the commonest
 * words (`common`, the manifest's hashes). A query fetches rare words first and common ones last,
 * if at all, so the pair waits with the word it is sure to fetch.
 */
export function pairWord(pair: string, common: ReadonlySet<number>): string {
  const [a, b] = pairWords(pair);
  return common.has(termHash(a)) && !common.has(termHash(b)) ? b : a;
}

export const articleManifestPath = (base: string): string => `${base}/a/manifest.json`;
export const articleShardPath = (base: string, shard: number): string => `${base}/a/p/${shard}.bin`;
/** Display data is stored in chunks of consecutive articles (in path order, so one folder's articles share a chunk). */
export const articleDocPath = (base: string, chunk: number): string => `${base}/a/d/${chunk}.json`;

/** Impacts are stored in one byte. */
export const IMPACT_SCALE = 255;

/** BM25 idf, never negative. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
