// Worker thread entry: builds the Pagefind bundles off the main thread, one job at a time. Bundled at build start.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { prebuildSearchBundle, writeSearchIndex } from './pagefind-build';
import type { SearchIndexJob, SearchJobReply } from './pagefind-thread';

/**
 * When few articles need indexing (an edit), Pagefind has slack while pages render, and rendering is
 * the build's critical path: give it the CPU first. When most do (a clean build), Pagefind is the
 * critical path and keeps normal priority. Indexing costs about 2.5 times as much per article as
 * rendering (measured on the corpus), hence the 40% threshold. On Linux this lowers only this
 * thread, and the Pagefind processes it spawns inherit it.
 */
function prioritize(toIndex: number, total: number): void {
  if (toIndex > 0.4 * total) return;
  try {
    os.setPriority(10);
  } catch {
    // Not permitted here: the index is built at normal priority.
  }
}

async function run(job: SearchIndexJob) {
  if (job.kind === 'all') return writeSearchIndex(job.entries, job.bundles, job.cacheDir, job.outDir, job.generator, prioritize);
  prioritize(job.toIndex, job.total);
  await prebuildSearchBundle(job.n, job.entries, job.cacheDir, job.generator);
  return null;
}

// Jobs run in the order they come, never two at once: one Pagefind process at a time.
let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', ({ id, job }: { id: number; job: SearchIndexJob }) => {
  queue = queue.then(() =>
    run(job).then(
      (result): SearchJobReply => ({ id, ok: true, result }),
      (error: unknown): SearchJobReply => ({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    ).then((reply) => parentPort!.postMessage(reply)),
  );
});
