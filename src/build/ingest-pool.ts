import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import type { IngestResult } from '../core/ingest';
import { storeParsedArticle, type LightResult } from './light-result';
import { bundleWorker } from './worker-bundle';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Articles sent to one parser ahead of its answers. */
const IN_FLIGHT = 2;
/**
 * A parser's heap limit (MB). V8 sizes its heap from the limit, and a larger one only lets garbage
 * grow (docs/decisions/2026-11-26-parser-processes.md). An article that runs out of it is parsed
 * again with `LARGE_HEAP_MB`.
 */
const HEAP_MB = 384;
const LARGE_HEAP_MB = 4096;

export interface IngestPoolOptions {
  /** Heap limit of the parser processes, MB (tests make it small). */
  heapMb?: number;
}

/**
 * Parse many articles in child processes. Each writes the article's model to the cache itself; its
 * light record goes to `onResult` as it arrives (with its index in `sources`), so the main process
 * never holds, copies or serializes an article's HTML.
 *
 * Processes, not worker threads: a thread's memory stays in the build process after it ends (its
 * malloc arenas and V8's freed pages), still held when rendering peaks; a process gives all of it
 * back when it exits.
 */
export async function ingestInWorkers(
  root: string,
  cacheDir: string,
  sources: string[],
  workers: number,
  onResult: (index: number, light: LightResult) => void,
  opts: IngestPoolOptions = {},
): Promise<void> {
  const script = bundleWorker(path.join(here, 'ingest-worker.ts'), cacheDir, ['satteri']);
  let next = 0;
  // One slot per process. A parser that dies (out of memory, a native crash) costs only the article
  // it was on: that article gets a diagnostic and a fresh process takes the slot.
  const runSlot = () =>
    new Promise<void>((resolve) => {
      // Sent and not yet answered, in order: the parser works on the first. Two in flight, so a
      // parser never idles while its answer crosses to the build process and the next job comes back.
      const inFlight: number[] = [];
      let child: ChildProcess;
      let heapMb = opts.heapMb ?? HEAP_MB;
      const start = () => {
        child = fork(script, [root, cacheDir], {
          serialization: 'advanced',
          // A larger young generation: parsing allocates many short-lived objects, and with V8's
          // default the scavenger ran far more often.
          execArgv: [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=32'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        child.on('message', (msg: { id: number; light: LightResult } | { id: number; error: string }) => {
          onResult(msg.id, 'light' in msg ? msg.light : storeParsedArticle(crashed(sources[msg.id], new Error(msg.error)), cacheDir));
          inFlight.splice(inFlight.indexOf(msg.id), 1);
          feed();
        });
        // A send to a process that just died fails here; its 'exit' below gives the diagnostic.
        child.on('error', () => undefined);
        child.on('exit', (code, signal) => {
          if (!inFlight.length) return resolve();
          const why = signal ? `signal ${signal}` : `exit code ${code}`;
          const lost = inFlight.shift()!;
          // V8 aborts when the heap limit is reached: that article gets one more try with a large heap.
          const outOfMemory = signal === 'SIGABRT' || code === 134;
          if (outOfMemory && heapMb < LARGE_HEAP_MB) {
            heapMb = LARGE_HEAP_MB;
            inFlight.unshift(lost);
          } else onResult(lost, storeParsedArticle(crashed(sources[lost], new Error(`the parser process ended with ${why}`)), cacheDir));
          // The articles queued behind it go to the fresh process.
          const requeued = inFlight.splice(0);
          start();
          for (const id of requeued) send(id);
          feed();
        });
      };
      const send = (id: number) => {
        inFlight.push(id);
        child.send({ id, source: sources[id] });
      };
      const feed = () => {
        while (inFlight.length < IN_FLIGHT && next < sources.length) send(next++);
        if (!inFlight.length) child.disconnect();
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
