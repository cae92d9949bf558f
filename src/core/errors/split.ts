/**
 * Splits one paste into separate errors. Boundaries: blank lines, and — inside a
 * block — each line that opens a new log record (timestamp or level prefix) when
 * the block holds two or more such records. Parts that are only noise vanish.
 */
import { tokenizeErrorText } from './normalize';

export interface ErrorSpan { start: number; end: number }

const RECORD_START = /^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}|\[?\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}|\[?(?:INFO|WARN|WARNING|ERROR|FATAL|CRITICAL)\b)/;
const MAX_PARTS = 8;

/**
 * The blocks and log records of a paste, noise-only ones included: where one error ends and the
 * next may begin, without reading each part's tokens (the article query's wrapped errors need no more).
 */
export function errorBlockSpans(raw: string): ErrorSpan[] {
  if (typeof raw !== 'string' || raw.length === 0) return [];
  const lines: ErrorSpan[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) && m[0].length > 0) lines.push({ start: m.index, end: m.index + m[0].replace(/\r?\n$/, '').length });
  const blocks: ErrorSpan[][] = [];
  let cur: ErrorSpan[] = [];
  for (const l of lines) {
    if (raw.slice(l.start, l.end).trim() === '') { if (cur.length) blocks.push(cur); cur = []; }
    else cur.push(l);
  }
  if (cur.length) blocks.push(cur);
  const parts: ErrorSpan[] = [];
  for (const block of blocks) {
    const starts = block.filter((l) => RECORD_START.test(raw.slice(l.start, l.end))).length;
    let group: ErrorSpan[] = [];
    for (const l of block) {
      if (starts >= 2 && group.length && RECORD_START.test(raw.slice(l.start, l.end))) {
        parts.push({ start: group[0].start, end: group[group.length - 1].end });
        group = [];
      }
      group.push(l);
    }
    if (group.length) parts.push({ start: group[0].start, end: group[group.length - 1].end });
  }
  return parts;
}

/** The separate errors of a paste: its blocks and records without those that are only noise, at most MAX_PARTS. */
export function splitErrorSpans(raw: string): ErrorSpan[] {
  const parts = errorBlockSpans(raw);
  const useful = parts.filter((p) => tokenizeErrorText(raw.slice(p.start, p.end)).tokens.some((t) => t.kind !== 'mask'));
  if (useful.length <= MAX_PARTS) return useful;
  // Too many parts (a long log): keep the first ones and fold the rest into the last.
  return [...useful.slice(0, MAX_PARTS - 1), { start: useful[MAX_PARTS - 1].start, end: useful[useful.length - 1].end }];
}

/** The separate errors of a paste, as strings. */
export function splitErrors(raw: string): string[] {
  return splitErrorSpans(raw).map((p) => raw.slice(p.start, p.end));
}
