/** Public types of the error lookup. Internal index formats live in `format.ts`. */
import type { ErrorMessage } from '../model/article';

/** One article as the index build needs it. */
export interface LookupArticleInput {
  source: string;
  url: string;
  title: string;
  summary: string;
  messages: ErrorMessage[];
  /** The article's number in the article index, so the engine joins the two without fetching its display. */
  doc?: number;
}

export interface LookupIndexFile {
  /** Path below the site root, e.g. `_kb/lookup/manifest.json`. */
  path: string;
  data: string | Uint8Array;
}

export interface BuildLookupOptions {
  /** Directory of the index below the site root (default `_kb/lookup`). */
  base?: string;
  /** Target raw size of one posting shard in bytes (default 2048). */
  shardBytes?: number;
  /** Most postings kept per feature; the rest (longest messages) are dropped (default 400). */
  maxPostings?: number;
  /** Most encoded bytes of one feature's entry; longest messages dropped first (default 1280). */
  maxEntryBytes?: number;
  /** Most messages indexed per article (default 5000). */
  maxMessagesPerArticle?: number;
}

export interface LookupResult {
  url: string;
  title: string;
  source: string;
  summary: string;
  score: number;
  confident: boolean;
  matched: { text: string; anchor: string; section: string };
  /** Offsets in the raw paste that matched the article's message. */
  pasteMatches: Array<{ start: number; end: number }>;
  /** Values of the paste treated as variables (masked). */
  variables: Array<{ type: string; value: string }>;
  /** Which error of a multi-error paste this result answers (0-based). */
  errorIndex: number;
  /** The article's number in the article index, when the build recorded it (internal). */
  doc?: number;
}

export interface LookupOptions {
  limit?: number;
}

export interface LookupStats {
  /** Files fetched (not served from cache) and their raw bytes, since creation. */
  files: number;
  bytes: number;
}

export type FetchFile = (path: string) => Promise<string | Uint8Array>;

export interface Lookup {
  lookup(text: string, opts?: LookupOptions): Promise<LookupResult[]>;
  /** Bytes and files fetched so far (for budgets and benchmarks). */
  stats(): LookupStats;
}
