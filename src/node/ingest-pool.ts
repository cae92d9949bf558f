import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IngestResult } from '../core/ingest';
import { lightOf, type LightResult } from './light-result';
import { bundleWorker } from './worker-bundle';

const here = path.dirname(fileURLToPath(import.meta.url));

/** How many parser threads: one per core, at most 8; `KB_WORKERS=0` parses on the main thread. */
export function workerCount(): number {
  const env = process.env.KB_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.min(8, os.availableParallelism());
}

/**
 * Parse many articles on worker threads. Each thread writes the article's model to the cache itself;
 * its light record goes to `onResult` as it arrives (with its index in `sources`), so the main thread
 * never holds, copies or serializes an article's HTML.
 */
export async function ingestInWorkers(
  root: string,
  cacheDir: string,
  sources: string[],
  threads: number,
  onResult: (index: number, light: LightResult) => void,
): Promise<void> {
  const script = bundleWorker(path.join(here, 'ingest-worker.ts'), cacheDir);
  let next = 0;
  // One slot per thread. A worker that dies (stack overflow, out of memory) costs only the article
  // it was on: that article gets a diagnostic and a fresh worker takes the slot.
  const runSlot = () =>
    new Promise<void>((resolve) => {
      let current = -1;
      let worker: Worker;
      const start = () => {
        worker = new Worker(script, { workerData: { root, cacheDir }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
        worker.on('message', (msg: { id: number; light: LightResult }) => {
          onResult(msg.id, msg.light);
          current = -1;
          feed();
        });
        worker.on('error', (err) => {
          if (current >= 0) onResult(current, lightOf(crashed(sources[current], err), cacheDir));
          current = -1;
          void worker.terminate();
          start();
          feed();
        });
      };
      const feed = () => {
        if (next >= sources.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ id: current, source: sources[current] });
      };
      start();
      feed();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, sources.length)) }, runSlot));
}

function crashed(source: string, err: unknown): IngestResult {
  return {
    source,
    article: null,
    diagnostics: [{ file: source, severity: 'error', code: 'internal-error', reason: `The parser stopped on this file (${err instanceof Error ? err.message : String(err)}); it was not published.` }],
    includes: [],
    assets: [],
    links: [],
  };
}
