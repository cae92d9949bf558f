// Worker thread entry: builds the Pagefind bundles off the thread that renders pages. Bundled at build start.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex } from './pagefind-build';
import type { SearchIndexJob } from './pagefind-thread';

/**
 * When few articles need indexing (an edit), Pagefind has slack while pages render, and rendering is
 * the build's critical path: give it the CPU first. When most do (a clean build), Pagefind is the
 * critical path and keeps normal priority. Indexing an article costs more than rendering its page,
 * hence the 40% threshold (docs/decisions/2026-12-03-parsing-and-scheduling.md). On Linux this
 * lowers only this thread, and the Pagefind process it spawns inherits it.
 */
function prioritize(toIndex: number, total: number): void {
  if (toIndex > 0.4 * total) return;
  try {
    os.setPriority(10);
  } catch {
    // Not permitted here: the index is built at normal priority.
  }
}

/** Progress messages at most this often: the main thread only shows them while it waits. */
const PROGRESS_EVERY_MS = 500;
let lastProgress = 0;
function report(done: number, toIndex: number): void {
  const now = performance.now();
  if (now - lastProgress < PROGRESS_EVERY_MS && done < toIndex) return;
  lastProgress = now;
  parentPort!.postMessage({ progress: { done, toIndex } });
}

const job = workerData as SearchIndexJob;
const run = writeSearchIndex(job.entries, job.cacheDir, job.outDir, job.generator, {
  bundleSize: job.bundleSize,
  onPlan: prioritize,
  onProgress: report,
  pagefindEntry: job.pagefindEntry,
});
run.then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
