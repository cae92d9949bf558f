/**
 * Where an article's cause and solution sections are, for the lookup's
 * "go to the fix" links. Written beside the index as small shards keyed by URL
 * hash (`_kb/lookup/fix/<n>.json`), so showing a result fetches one tiny file,
 * whatever the corpus size. Shared by the writer (node) and the reader (browser).
 */
import { fnv1a } from './fingerprint';

export interface SectionLink { anchor: string; title: string }
/** First cause and first solution of an article, when it has them. */
export interface FixLinks { cause: SectionLink | null; solution: SectionLink | null }

/** Articles per shard: a shard stays a few KB. */
export const FIX_PER_SHARD = 32;
/** Compact record: [causeAnchor, causeTitle, solutionAnchor, solutionTitle], '' when absent. */
export type FixRecord = [string, string, string, string];

export const fixShardCount = (articles: number): number => Math.max(1, Math.ceil(articles / FIX_PER_SHARD));
export const fixShardOf = (url: string, shards: number): number => fnv1a(url) % shards;
export const fixShardPath = (dir: string, shard: number): string => `${dir}/fix/${shard}.json`;

export function fixRecord(links: FixLinks): FixRecord {
  return [links.cause?.anchor ?? '', links.cause?.title ?? '', links.solution?.anchor ?? '', links.solution?.title ?? ''];
}
export function fixFromRecord(r: FixRecord | undefined): FixLinks {
  if (!Array.isArray(r)) return { cause: null, solution: null };
  return {
    cause: r[0] ? { anchor: r[0], title: r[1] } : null,
    solution: r[2] ? { anchor: r[2], title: r[3] } : null,
  };
}

/** Shard files for these articles: path → JSON text. Keys sorted, so output is deterministic. */
export function buildFixShards(dir: string, entries: Array<{ url: string; links: FixLinks }>): { shards: number; files: Array<{ path: string; data: string }> } {
  const shards = fixShardCount(entries.length);
  const by: Array<Array<[string, FixRecord]>> = Array.from({ length: shards }, () => []);
  for (const e of entries) by[fixShardOf(e.url, shards)].push([e.url, fixRecord(e.links)]);
  const files = by.map((list, i) => {
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { path: fixShardPath(dir, i), data: JSON.stringify(Object.fromEntries(list)) };
  });
  return { shards, files };
}
