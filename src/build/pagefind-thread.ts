import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchIndexStats, SearchSource } from './pagefind-build';
import { bundleWorker, packageEntry } from './worker-bundle';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface SearchIndexJob {
  entries: SearchSource[];
  cacheDir: string;
  outDir: string;
  generator: string;
  /** Articles per bundle (the configuration's `pagefindBundleSize`). */
  bundleSize: number;
  /** Pagefind's module file, which lanes after the first load again (see `pagefindForLane`). */
  pagefindEntry: string;
}

/**
 * Builds the Pagefind bundles on a worker thread, so they proceed while Astro renders pages on the
 * main thread, which feeding Pagefind (reading models, building its documents) would hold up.
 */
export function writeSearchIndexInWorker(
  spec: Omit<SearchIndexJob, 'pagefindEntry'>,
  onProgress?: (done: number, toIndex: number) => void,
): Promise<SearchIndexStats> {
  const job: SearchIndexJob = { ...spec, pagefindEntry: packageEntry('pagefind') };
  const script = bundleWorker(path.join(here, 'pagefind-worker.ts'), job.cacheDir, ['pagefind']);
  return new Promise<SearchIndexStats>((resolve, reject) => {
    // It holds a few documents at a time: a small heap keeps its share of the build's peak small
    // (V8 otherwise lets garbage grow to hundreds of MB before collecting).
    const worker = new Worker(script, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 } });
    type Message = { ok: true; result: SearchIndexStats } | { ok: false; error: string } | { progress: { done: number; toIndex: number } };
    worker.on('message', (msg: Message) => {
      if ('progress' in msg) {
        onProgress?.(msg.progress.done, msg.progress.toIndex);
        return;
      }
      void worker.terminate();
      if (msg.ok) resolve(msg.result);
      else reject(new Error(`search index: ${msg.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`search index worker exited with code ${code}`)));
  });
}
