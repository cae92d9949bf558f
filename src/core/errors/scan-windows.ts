/** Bounded windows over a text, so that every pattern table (identifiers, masks) scans in linear time. */

/**
 * Longest stretch of text one regex pass sees. Some forms can backtrack over a whole run of
 * dotted words; scanning bounded windows keeps the scan linear in the input whatever it holds.
 */
export const SCAN_WINDOW = 2048;

/** Window bounds over `text`: lines, and long lines cut at a space near the window's end. */
export function scanWindows(text: string, size = SCAN_WINDOW): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    if (end - i > size) {
      const cut = text.lastIndexOf(' ', i + size);
      end = cut > i + size / 2 ? cut : i + size;
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
