/** A range of an input's characters, end exclusive. */
export interface Span { start: number; end: number }

/**
 * Character ranges of an input, merged where they overlap or lie within `gap` characters of each
 * other (1 by default: highlights of two words a space apart read as one), at most `max` of them.
 */
export function mergeRanges(ranges: readonly Span[], max = Infinity, gap = 1): Span[] {
  const sorted = ranges.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + gap) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out.slice(0, max);
}
