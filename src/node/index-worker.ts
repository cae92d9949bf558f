// Worker thread entry: builds one index (lookup files or Pagefind bundles) off the thread that renders pages. Bundled at build start.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { writeLookupFiles } from './lookup-build';
import { writeSearchIndex } from './pagefind-build';
import type { IndexJob } from './index-thread';

// Indexes have slack while pages render, and rendering is the build's critical path: give it the
// CPU first. On Linux this lowers only this thread, and the Pagefind process it spawns inherits it.
try {
  os.setPriority(10);
} catch {
  // Not permitted here: the index is built at normal priority.
}

const job = workerData as IndexJob;
const run = job.kind === 'lookup' ? writeLookupFiles(job.entries, job.cacheDir, job.outDir) : writeSearchIndex(job.entries, job.cacheDir, job.outDir, job.generator);
run.then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
