/**
 * Hard wraps: a console wraps at a fixed width W, cutting words anywhere. W is detected as 80 or
 * 120 (or 100/132) when a non-final line has exactly that length, else as the longest line
 * length (≥ 40) when two or more non-final lines share it. A line of exactly W characters
 * continues on the next line with nothing inserted.
 */

export const WRAP_WIDTHS = [80, 120, 100, 132];

/** The wrap width of lines with these lengths, or -1 when they were not hard-wrapped. */
export function detectWrapWidth(lengths: number[]): number {
  const body = lengths.slice(0, -1);
  for (const w of WRAP_WIDTHS) if (body.includes(w)) return w;
  let max = 0;
  for (const l of body) if (l > max) max = l;
  if (max >= 40 && body.filter((l) => l === max).length >= 2) return max;
  return -1;
}

/**
 * The text with each wrap's line break removed, and a map from its offsets back to the input's.
 * Text without hard wraps comes back as it is.
 */
export function healHardWraps(text: string): { text: string; toInput: (i: number) => number } {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lengths = starts.map((s, k) => (k + 1 < starts.length ? starts[k + 1] - 1 : text.length) - s);
  const width = detectWrapWidth(lengths);
  if (width < 0) return { text, toInput: (i) => i };
  // Positions (in the input) of the line breaks that a wrap put there.
  const cut: number[] = [];
  for (let k = 0; k + 1 < starts.length; k++) if (lengths[k] === width) cut.push(starts[k + 1] - 1);
  if (!cut.length) return { text, toInput: (i) => i };
  let out = '';
  let from = 0;
  for (const c of cut) { out += text.slice(from, c); from = c + 1; }
  out += text.slice(from);
  return {
    text: out,
    toInput: (i) => {
      // Each removed break before the i-th output character shifts it by one.
      let lo = 0, hi = cut.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cut[mid] - mid <= i) lo = mid + 1; else hi = mid; }
      return i + lo;
    },
  };
}
