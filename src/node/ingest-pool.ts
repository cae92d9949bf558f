import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import type { IngestResult } from '../core/ingest';
import { lightOf, type LightResult } from './light-result';
import { bundleWorker } from './worker-bundle';

const here = path.dirname(fileURLToPath(import.meta.url));

/** How many parser processes: one per core, at most 8; `KB_WORKERS=0` parses on the main thread. */
export function workerCount(): number {
  const env = process.env.KB_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.min(8, os.availableParallelism());
}

/**
 * Parse many articles in child processes. Each writes the article's model to the cache itself; its
 * light record goes to `onResult` as it arrives (with its index in `sources`), so the main process
 * never holds, copies or serializes an article's HTML.
 *
 * Processes, not worker threads: a thread's memory stays in the build process after it ends (its
 * malloc arenas and V8's freed pages), 100-250 MB that were still held when rendering peaked; a
 * process gives all of it back when it exits.
 */
export async function ingestInWorkers(
  root: string,
  cacheDir: string,
  sources: string[],
  workers: number,
  onResult: (index: number, light: LightResult) => void,
): Promise<void> {
  const script = bundleWorker(path.join(here, 'ingest-worker.ts'), cacheDir);
  let next = 0;
  // One slot per process. A parser that dies (out of memory, a native crash) costs only the article
  // it was on: that article gets a diagnostic and a fresh process takes the slot.
  const runSlot = () =>
    new Promise<void>((resolve) => {
      let current = -1;
      let child: ChildProcess;
      const start = () => {
        child = fork(script, [root, cacheDir], {
          serialization: 'advanced',
          execArgv: ['--max-old-space-size=2048'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        child.on('message', (msg: { id: number; light: LightResult } | { id: number; error: string }) => {
          onResult(msg.id, 'light' in msg ? msg.light : lightOf(crashed(sources[msg.id], new Error(msg.error)), cacheDir));
          current = -1;
          feed();
        });
        // A send to a process that just died fails here; its 'exit' below gives the diagnostic.
        child.on('error', () => undefined);
        child.on('exit', (code, signal) => {
          if (current < 0) return resolve();
          const why = signal ? `signal ${signal}` : `exit code ${code}`;
          onResult(current, lightOf(crashed(sources[current], new Error(`the parser process ended with ${why}`)), cacheDir));
          current = -1;
          start();
          feed();
        });
      };
      const feed = () => {
        if (next >= sources.length) {
          child.disconnect();
          return;
        }
        current = next++;
        child.send({ id: current, source: sources[current] });
      };
      start();
      feed();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, sources.length)) }, runSlot));
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
