import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchIndexStats, SearchSource } from './pagefind-build';
import { bundleWorker } from './worker-bundle';

const here = path.dirname(fileURLToPath(import.meta.url));

export type SearchIndexJob =
  /** The whole search output, into `outDir`: bundles already built ahead are reused. */
  | { kind: 'all'; entries: SearchSource[]; bundles: number; cacheDir: string; outDir: string; generator: string }
  /**
   * One bundle (1-based `n`), built into the cache while parsing goes on. `toIndex` of `total`
   * articles are parsed this build: when few are, the bundle is built at lower priority.
   */
  | { kind: 'bundle'; n: number; entries: SearchSource[]; cacheDir: string; generator: string; toIndex: number; total: number };

export type SearchJobReply = { id: number; ok: true; result: SearchIndexStats | null } | { id: number; ok: false; error: string };

export interface SearchIndexer {
  /** Queue a job; jobs run one after another, in the order given. */
  run(job: SearchIndexJob & { kind: 'all' }): Promise<SearchIndexStats>;
  run(job: SearchIndexJob & { kind: 'bundle' }): Promise<null>;
  /** Ends the thread once its queue is done. */
  close(): void;
}

/**
 * Builds the Pagefind bundles on one worker thread, so they proceed while the main thread takes
 * parsed articles and then renders pages. One thread for the whole build: a thread's memory stays
 * in the process after it ends, and a thread per bundle added 160 MB to the corpus build's peak.
 */
export function startSearchIndexer(cacheDir: string): SearchIndexer {
  const script = bundleWorker(path.join(here, 'pagefind-worker.ts'), cacheDir, ['pagefind']);
  // It holds a few documents at a time: a small heap keeps its share of the build's peak small
  // (V8 otherwise lets garbage grow to hundreds of MB before collecting).
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 } });
  const waiting = new Map<number, { resolve: (r: SearchIndexStats | null) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let closing = false;
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (msg: SearchJobReply) => {
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.ok) w?.resolve(msg.result);
    else w?.reject(new Error(`search index: ${msg.error}`));
    if (closing && !waiting.size) void worker.terminate();
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`search index worker exited with code ${code}`)));
  return {
    run: ((job: SearchIndexJob) =>
      new Promise<SearchIndexStats | null>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, job });
      })) as SearchIndexer['run'],
    close: () => {
      closing = true;
      if (!waiting.size) void worker.terminate();
    },
  };
}
