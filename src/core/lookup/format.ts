/**
 * Internal on-disk format of the lookup index (`_kb/lookup/`).
 *
 * manifest.json  { v, articles, messages, shards, docChunk, ... }
 * p/<shard>.bin  posting shard. A feature lives in the shard of its anchor word (`anchor % shards`), so a
 *                word's unigram and bigrams come in one file; features of a heavy anchor (a common
 *                word whose family would overfill a shard, listed in `heavy`) use `hash % shards`.
 *                varint entryCount, then per entry sorted by hash:
 *                varint hashDelta, varint (df << 1 | ident), varint postingCount,
 *                postings sorted by (article, message): varint articleDelta, varint msgIndex, byte normQ
 *                postingCount 0 with df > 0 means "too common to list" (weight still known).
 * d/<article>-<chunk>.json  [meta, messages[]] — every chunk carries [url, title, source, summary], so a
 *                result needs one file; messages are [text, anchor, section] for indices chunk*docChunk …
 */
export const INDEX_VERSION = 2;

export interface Manifest {
  v: number;
  articles: number;
  messages: number;
  shards: number;
  docChunk: number;
  /** Anchors whose features are sharded by their own hash (sorted). */
  heavy: number[];
}

/** The shard a feature's postings live in. Build and query share this one rule. */
export function shardOf(f: { h: number; a: number }, shards: number, heavy: ReadonlySet<number>): number {
  return (heavy.has(f.a) ? f.h : f.a) % shards;
}

export interface Posting { article: number; msg: number; normQ: number }

/** Message norm (total feature weight) quantized to one byte, log scale. */
export function quantizeNorm(w: number): number {
  return Math.max(0, Math.min(255, Math.round(32 * Math.log(1 + w))));
}
export function dequantizeNorm(q: number): number {
  return Math.exp(q / 32) - 1;
}

export const postingPath = (base: string, shard: number): string => `${base}/p/${shard}.bin`;
export const docPath = (base: string, article: number, chunk: number): string => `${base}/d/${article}-${chunk}.json`;
export const manifestPath = (base: string): string => `${base}/manifest.json`;

export type DocChunk = [[string, string, string, string] | [string, string, string, string, number], Array<[string, string, string]>];
