import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from './config';

/**
 * Phase timings of one build, appended as JSON lines to `<cache>/timings.jsonl`. The loader and the
 * integration run in different module graphs, so a file is the channel; `npm run bench` reads it.
 */
const FILE = 'timings.jsonl';

export function resetTimings(): void {
  fs.mkdirSync(cacheDir(), { recursive: true });
  fs.writeFileSync(path.join(cacheDir(), FILE), '');
}

export function recordTiming(phase: string, seconds: number, extra: Record<string, number> = {}): void {
  fs.appendFileSync(path.join(cacheDir(), FILE), JSON.stringify({ phase, seconds: +seconds.toFixed(3), ...extra }) + '\n');
}

/** Time an async or sync step and record it under `phase`. */
export async function timed<T>(phase: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    recordTiming(phase, (performance.now() - start) / 1000);
  }
}

export function readTimings(dir: string): Array<{ phase: string; seconds: number }> {
  const file = path.join(dir, FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}
