/**
 * The stamps that bind each article's cache files to the content they were made from (its content
 * key and each file's size), kept as one append-only journal rather than a file per article:
 * creating thousands of small files costs kernel time on these machines (see the README's
 * "Measuring"). Before an article is parsed its stamp is withdrawn (a line is appended and
 * flushed); after its files are written, its new stamp is appended. Replaying the journal gives
 * each article's latest stamp; a line cut short by a kill is ignored. The build ends by rewriting
 * the journal compacted, under a temporary name.
 */
import fs from 'node:fs';
import { replaceFile } from './cache-file';
import { cacheLayout } from './cache-layout';

export interface Stamp {
  contentKey: string;
  /** Cache file (relative to the cache folder) → the bytes written. */
  outputs: Record<string, number>;
}

type Line = { m: string; s: Stamp | null };

/** Every article's latest stamp (by model file); an article whose stamp was withdrawn has none. */
export function readStamps(cacheDir: string): Map<string, Stamp> {
  const out = new Map<string, Stamp>();
  let text: string;
  try {
    text = fs.readFileSync(cacheLayout(cacheDir).stampJournal, 'utf8');
  } catch {
    return out;
  }
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue;
    }
    if (typeof line?.m !== 'string') continue;
    if (line.s && typeof line.s.contentKey === 'string' && line.s.outputs && typeof line.s.outputs === 'object') out.set(line.m, line.s);
    else out.delete(line.m);
  }
  return out;
}

/** Appends to the journal; each call is written through before it returns. */
export function openStampJournal(cacheDir: string): { withdraw(modelFile: string): void; record(modelFile: string, stamp: Stamp): void; close(): void } {
  const fd = fs.openSync(cacheLayout(cacheDir).stampJournal, 'a');
  const append = (line: Line) => fs.writeSync(fd, JSON.stringify(line) + '\n');
  return {
    withdraw: (m) => append({ m, s: null }),
    record: (m, s) => append({ m, s }),
    close: () => fs.closeSync(fd),
  };
}

/** Rewrites the journal with one line per stamp in `keep`, under a temporary name. */
export function compactStamps(cacheDir: string, keep: Map<string, Stamp>): void {
  const file = cacheLayout(cacheDir).stampJournal;
  replaceFile(file, [...keep].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([m, s]) => JSON.stringify({ m, s }) + '\n').join(''));
}
