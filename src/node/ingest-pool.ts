import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IngestResult } from '../core/ingest';
import { lightOf, type LightResult } from './light-result';

const here = path.dirname(fileURLToPath(import.meta.url));

/** How many parser threads: one per core, at most 8; `KB_WORKERS=0` parses on the main thread. */
export function workerCount(): number {
  const env = process.env.KB_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.min(8, os.availableParallelism());
}

/**
 * Bundle the worker entry into one ESM file. The generator runs its TypeScript through Vite, which
 * worker threads cannot use, so we hand them a self-contained bundle built by esbuild (Vite's own).
 */
async function bundleWorker(cacheDir: string): Promise<string> {
  const entry = path.join(here, 'ingest-worker.ts');
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    logLevel: 'silent',
    // Some dependencies use require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __kbRequire } from 'node:module'; const require = __kbRequire(import.meta.url);" },
  });
  const code = result.outputFiles[0].contents;
  const out = path.join(cacheDir, `ingest-worker-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`);
  if (!fs.existsSync(out)) fs.writeFileSync(out, code);
  return out;
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
  const script = await bundleWorker(cacheDir);
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
