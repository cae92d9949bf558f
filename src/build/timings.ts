import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../config';

/**
 * Phase timings of one build, appended as JSON lines to `<cache>/timings.jsonl`. The loader and the
 * integration run in different module graphs, so a file is the channel; `npm run bench` reads it.
 */
const FILE = 'timings.jsonl';

export function recordTiming(phase: string, seconds: number, dir: string = cacheDir()): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, FILE), JSON.stringify({ phase, seconds: +seconds.toFixed(3) }) + '\n');
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
