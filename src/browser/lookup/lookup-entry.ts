/**
 * Entry of the browser module published as `/_kb/lookup.js` (bundled by
 * `src/build/lookup-build.ts`). The page, the CLI and third-party pages all use
 * this one bundle, so they share one normalizer and one ranking.
 *
 *   const { lookup } = await import('/_kb/lookup.js');
 *   const results = await lookup(pastedText, { limit: 5 });
 */
import type { FetchFile, LookupOptions, LookupStats } from '../../core/lookup/types';
import type { Manifest } from '../../core/lookup/format';
import type { ArticleManifest } from '../../core/retrieval/format';
import { createRetrieval, type Retrieval, type RetrievalAnswer, type RetrievalResult } from '../../core/retrieval/engine';
import { fixFromRecord, fixShardOf, fixShardPath, type FixLinks, type FixRecord } from '../../core/lookup/section-links';
import { warmUp } from './warm-up';

export type { FetchFile, LookupOptions, LookupStats, FixLinks, RetrievalAnswer, RetrievalResult };
/** One result: an article, best first. */
export type LookupResult = RetrievalResult;

/** Number of fix-link shards, written ahead of the bundled module (lookup-build.ts); 1 when run unbundled. */
declare const __KB_FIX_SHARDS__: number;
const FIX_SHARDS = typeof __KB_FIX_SHARDS__ === 'number' ? __KB_FIX_SHARDS__ : 1;
/** The index manifest, written ahead of the bundled module (lookup-build.ts) so a lookup starts with its shards; fetched when absent. */
declare const __KB_MANIFEST__: Manifest | undefined;
const MANIFEST = typeof __KB_MANIFEST__ === 'object' ? __KB_MANIFEST__ : undefined;
/** The article index's manifest, written ahead of the bundled module too. */
declare const __KB_ARTICLES__: ArticleManifest | undefined;
const ARTICLES = typeof __KB_ARTICLES__ === 'object' ? __KB_ARTICLES__ : undefined;

/** Index folder, relative to this module (`/_kb/lookup.js` → `/_kb/lookup/`). */
const INDEX_DIR = 'lookup';

export interface SiteLookup extends Retrieval {
  /** Anchors and titles of the article's first cause and solution sections. */
  sectionLinks(url: string): Promise<FixLinks>;
}

/**
 * A lookup over any file source. `fetchFile` receives paths relative to the
 * folder holding `lookup.js` (e.g. `lookup/manifest.json`, `lookup/p/3.bin`) and
 * returns text for `.json` and bytes for `.bin`. The CLI passes a file reader.
 */
export function createLookupFromFetcher(fetchFile: FetchFile): SiteLookup {
  const core = createRetrieval(fetchFile, INDEX_DIR, MANIFEST, ARTICLES);
  const shards = new Map<number, Promise<Record<string, FixRecord>>>();
  const shard = (i: number): Promise<Record<string, FixRecord>> => {
    let p = shards.get(i);
    if (!p) {
      p = fetchFile(fixShardPath(INDEX_DIR, i)).then(
        (d) => { try { return JSON.parse(typeof d === 'string' ? d : new TextDecoder().decode(d)) as Record<string, FixRecord>; } catch { return {}; } },
        () => ({}),
      );
      shards.set(i, p);
    }
    return p;
  };
  return {
    search: core.search,
    lookup: core.lookup,
    stats: core.stats,
    sectionLinks: async (url) => fixFromRecord((await shard(fixShardOf(url, FIX_SHARDS)))[url]),
  };
}

/** Fetches index files next to this module over HTTP; binary shards as bytes. */
export function httpFetcher(baseUrl: string | URL = import.meta.url): FetchFile {
  return async (path) => {
    const res = await fetch(new URL(`./${path}`, baseUrl));
    if (!res.ok) throw new Error(`${res.status} ${res.url}`);
    return path.endsWith('.bin') ? new Uint8Array(await res.arrayBuffer()) : res.text();
  };
}

// In a page, warm the code as soon as the module loads (the header box loads it on focus); a
// one-shot caller such as the CLI would only pay for it.
if (typeof document !== 'undefined') void warmUp();

let shared: SiteLookup | null = null;
const instance = (): SiteLookup => (shared ??= createLookupFromFetcher(httpFetcher()));

/** Inputs at least this long are answered in a worker when the module runs in a page, so the page never freezes. */
export const WORKER_THRESHOLD = 16 * 1024;

interface WorkerRequest { id: number; text: string; limit: number }
type WorkerReply = { id: number; answer: RetrievalAnswer } | { id: number; error: string };

const inWorker = typeof document === 'undefined' && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
if (inWorker) {
  // This same module, loaded as a module worker: answer the page's requests.
  const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply): void };
  scope.onmessage = (e) => {
    const { id, text, limit } = e.data;
    instance().search(text, { limit }).then(
      (answer) => scope.postMessage({ id, answer }),
      (err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
    );
  };
}

let worker: { post(text: string, limit: number): Promise<RetrievalAnswer> } | null | undefined;
/** A module worker running this file, made on first use; null where a page cannot start one. */
function offThread(): typeof worker {
  if (worker !== undefined) return worker;
  try {
    const w = new Worker(new URL(import.meta.url), { type: 'module' });
    const waiting = new Map<number, { resolve(a: RetrievalAnswer): void; reject(e: Error): void }>();
    let next = 0;
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = waiting.get(e.data.id);
      if (!p) return;
      waiting.delete(e.data.id);
      if ('answer' in e.data) p.resolve(e.data.answer);
      else p.reject(new Error(e.data.error));
    };
    w.onerror = () => { for (const p of waiting.values()) p.reject(new Error('the lookup worker failed')); waiting.clear(); worker = null; };
    worker = {
      post: (text, limit) => new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, text, limit } satisfies WorkerRequest);
      }),
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** The answer, from a worker for a large input in a page, else on this thread. */
async function answer(text: string, limit: number): Promise<RetrievalAnswer> {
  if (typeof document !== 'undefined' && typeof Worker !== 'undefined' && typeof text === 'string' && text.length >= WORKER_THRESHOLD) {
    const w = offThread();
    if (w) {
      try {
        return await w.post(text, limit);
      } catch (e) {
        // A worker the page could not start (a stricter CSP, say) is not retried; the index error is the caller's.
        if (worker !== null) throw e;
      }
    }
  }
  return instance().search(text, { limit });
}

/**
 * Results best first; one per article; `confident` is false when no article really fits.
 * Rejects with an error when the index cannot be loaded (a later call tries again).
 */
export async function lookup(text: string, { limit = 10 }: LookupOptions = {}): Promise<LookupResult[]> {
  return (await answer(text, limit)).results;
}

/** As `lookup`, with whether the input was cut to its first and last parts (`truncated`). */
export async function search(text: string, { limit = 10 }: LookupOptions = {}): Promise<RetrievalAnswer> {
  return answer(text, limit);
}

/** Where the article's cause and solution sections are (for "go to the fix" links). */
export function sectionLinks(url: string): Promise<FixLinks> {
  return instance().sectionLinks(url);
}

/** Files and bytes fetched by `lookup()` since the module loaded (files are cached). */
export function stats(): LookupStats {
  return instance().stats();
}
