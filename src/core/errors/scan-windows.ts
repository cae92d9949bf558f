/** Bounded windows over a text, so that every pattern table (identifiers, masks) scans in linear time. */

/**
 * Longest stretch of text one regex pass sees. Some forms can backtrack over a whole run of
 * dotted words; scanning bounded windows keeps the scan linear in the input whatever it holds.
 */
export const SCAN_WINDOW = 2048;

/**
 * Window bounds over `text`: lines, and long lines cut at a space in the second half of the window.
 * Linear in the text: the next line break is searched for once per line, not once per window, and
 * a space only within the window.
 */
export function scanWindows(text: string, size = SCAN_WINDOW): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  let lineEnd = -1;
  while (i < text.length) {
    if (lineEnd < i) {
      lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = text.length;
    }
    let end = lineEnd;
    if (end - i > size) {
      end = i + size;
      for (let k = i + size; k > i + size / 2; k--) {
        if (text.charCodeAt(k) === 32) { end = k; break; }
      }
    }
    out.push([i, end]);
    i = end + (text[end] === '\n' || text[end] === ' ' ? 1 : 0);
  }
  return out;
}

/** The windows of `text` with their text, cut once for every pattern that scans them. */
export function windowTexts(text: string, size = SCAN_WINDOW): Array<{ start: number; text: string }> {
  return scanWindows(text, size).map(([a, b]) => ({ start: a, text: text.slice(a, b) }));
}
