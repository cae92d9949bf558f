// Worker thread entry: builds one index (lookup files or Pagefind bundles) off the thread that renders pages. Bundled at build start.
import { parentPort, workerData } from 'node:worker_threads';
import { writeLookupFiles } from './lookup-build';
import { writeSearchIndex } from './pagefind-build';
import type { IndexJob } from './index-thread';

const job = workerData as IndexJob;
const run = job.kind === 'lookup' ? writeLookupFiles(job.entries, job.cacheDir, job.outDir) : writeSearchIndex(job.entries, job.cacheDir, job.outDir, job.generator);
run.then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
