/**
 * How much of an input is read. Up to READ_LIMIT characters, all of it. Past that, a log: its
 * distinct error lines (a line that reads as an error, once per shape, in order), then its first
 * distinct lines, up to the limit. The rest is not read, and the answer says so. Linear in the input.
 */
import { scanWindows } from '../errors/scan-windows';

export const READ_LIMIT = 64 * 1024;

/** A line that reads as an error. */
const ERROR_LINE = /\b(?:error|exception|fail(?:s|ed|ure)?|fatal|critical|denied|cannot|can't|unable|invalid|refused|timed? ?out|not found)\b|\b0x[0-9a-f]{8}\b|\b[A-Z]{2,}[A-Z0-9]*\d{3,}\b/i;

/** Error lines past this share of the limit give way to the first lines of the input. */
const ERROR_SHARE = 0.75;

export interface ReadInput {
  text: string;
  truncated: boolean;
  /** Offset in `text` → offset in the input. */
  toRaw: (i: number) => number;
}

/** The shape of a line: the same message with other numbers, ids or times is the same line. */
const shapeOf = (line: string): string => line.slice(0, 240).toLowerCase().replace(/[0-9a-f]{6,}|\d+/g, '#');

export function readInput(text: string, limit = READ_LIMIT): ReadInput {
  if (text.length <= limit) return { text, truncated: false, toRaw: (i) => i };
  const windows = scanWindows(text);
  const pieces: Array<[number, number]> = [];
  let used = 0;
  const seen = new Set<string>();
  // A line seen before has its shape seen before: a log that repeats one line is not read for its shape again.
  const seenLines = new Set<string>();
  const take = (a: number, b: number, budget: number): boolean => {
    const head = text.slice(a, Math.min(b, a + 240));
    if (seenLines.has(head)) return false;
    seenLines.add(head);
    const shape = shapeOf(head);
    if (seen.has(shape)) return false;
    seen.add(shape);
    const end = Math.min(b, a + Math.max(0, budget - used));
    if (end > a) { pieces.push([a, end]); used += end - a + 1; }
    return true;
  };
  // Distinct error lines first, then the first distinct lines, each in what the limit leaves.
  for (const [a, b] of windows) {
    if (used >= limit * ERROR_SHARE) break;
    if (ERROR_LINE.test(text.slice(a, b))) take(a, b, limit * ERROR_SHARE);
  }
  for (const [a, b] of windows) {
    if (used >= limit) break;
    take(a, b, limit);
  }
  pieces.sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  let out = '';
  for (const [a, b] of pieces) {
    if (out) out += '\n';
    starts.push(out.length);
    out += text.slice(a, b);
  }
  return {
    text: out,
    truncated: true,
    toRaw: (i) => {
      let lo = 0, hi = starts.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; }
      return pieces[lo][0] + Math.min(i - starts[lo], pieces[lo][1] - pieces[lo][0]);
    },
  };
}
