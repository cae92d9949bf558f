import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LookupFilesResult, LookupSource } from './lookup-build';
import { bundleWorker } from './worker-bundle';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Runs `writeLookupFiles` on a worker thread, so the index is built while Astro renders pages on
 * the main thread (it was 4 s of the corpus build after rendering, 33 s at 50,000 articles).
 */
export function lookupFilesInWorker(cacheDir: string): (entries: LookupSource[], outDir: string) => Promise<LookupFilesResult> {
  return async (entries, outDir) => {
    const script = await bundleWorker(path.join(here, 'lookup-worker.ts'), cacheDir);
    return new Promise<LookupFilesResult>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { entries, cacheDir, outDir } });
      worker.once('message', (msg: { ok: true; result: LookupFilesResult } | { ok: false; error: string }) => {
        void worker.terminate();
        if (msg.ok) resolve(msg.result);
        else reject(new Error(`lookup index: ${msg.error}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`lookup index worker exited with code ${code}`)));
    });
  };
}
