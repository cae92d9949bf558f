/**
 * Internal on-disk format of the lookup index (`_kb/lookup/`).
 *
 * manifest.json  { v, articles, messages, shards, docChunk, ... }
 * p/<shard>.bin  posting shard: feature hash → shard = hash % shards.
 *                varint entryCount, then per entry sorted by hash:
 *                varint hashDelta, varint (df << 1 | ident), varint postingCount,
 *                postings sorted by (article, message): varint articleDelta, varint msgIndex, byte normQ
 *                postingCount 0 with df > 0 means "too common to list" (weight still known).
 * d/<article>-<chunk>.json  [meta | null, messages[]] — chunk 0 carries [url, title, source, summary];
 *                messages are [text, anchor, section] for indices chunk*docChunk …
 */
export const INDEX_VERSION = 1;

export interface Manifest {
  v: number;
  articles: number;
  messages: number;
  shards: number;
  docChunk: number;
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

export type DocChunk = [[string, string, string, string] | null, Array<[string, string, string]>];
