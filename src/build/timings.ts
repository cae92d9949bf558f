import fs from 'node:fs';
import { cacheLayout } from './cache-layout';

/**
 * Phase timings of one build, appended as JSON lines to the cache's timings file. The loader and
 * the integration run in different module graphs, so a file is the channel; `npm run bench` reads it.
 */
export function recordTiming(phase: string, seconds: number, cacheDir: string): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.appendFileSync(cacheLayout(cacheDir).timings, JSON.stringify({ phase, seconds: +seconds.toFixed(3) }) + '\n');
}

export function readTimings(cacheDir: string): Array<{ phase: string; seconds: number }> {
  const file = cacheLayout(cacheDir).timings;
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}
