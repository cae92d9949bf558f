// Worker thread entry: builds the Pagefind bundles off the thread that renders pages. Bundled at build start.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex } from './pagefind-build';
import type { SearchIndexJob } from './pagefind-thread';

// Indexes have slack while pages render, and rendering is the build's critical path: give it the
// CPU first. On Linux this lowers only this thread, and the Pagefind process it spawns inherits it.
try {
  os.setPriority(10);
} catch {
  // Not permitted here: the index is built at normal priority.
}

const job = workerData as SearchIndexJob;
const run = writeSearchIndex(job.entries, job.cacheDir, job.outDir, job.generator);
run.then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
