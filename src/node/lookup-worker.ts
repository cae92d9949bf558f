// Worker thread entry: writes the lookup index files, off the thread that renders pages. Bundled at build start.
import { parentPort, workerData } from 'node:worker_threads';
import { writeLookupFiles, type LookupSource } from './lookup-build';

const { entries, cacheDir, outDir } = workerData as { entries: LookupSource[]; cacheDir: string; outDir: string };
writeLookupFiles(entries, cacheDir, outDir).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
);
