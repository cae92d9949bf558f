/**
 * Values that say nothing about which article fits (GUIDs, timestamps, addresses, long hex) are
 * blanked before words are read, with the mask table the error normalizer uses. Blanking keeps
 * every other character where it was, so offsets still point into the input.
 */
import { MASK_PATTERNS, maskMatches, type MaskType } from '../errors/masks';

/**
 * Mask types whose values are noise to word search: a customer's host and mail names say nothing
 * about the article, and an example name (contoso, fabrikam) would match articles that use it.
 * Paths and URLs stay, but for their query strings: their words often name the product.
 */
export const BLANKED_TYPES: ReadonlySet<MaskType> = new Set(['guid', 'timestamp', 'date', 'time', 'ipv4', 'ipv6', 'hex', 'email', 'host']);

const JSON_KEY = /"[\w.$@-]{1,64}"\s*:/g;
const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

const PATTERNS = MASK_PATTERNS.filter((p) => BLANKED_TYPES.has(p.type as MaskType));

/** The text with every blanked value replaced by spaces of the same length. Linear in the input. */
export function blankValues(text: string): string {
  let spans: Array<[number, number]> | null = null;
  for (const { start, end } of maskMatches(text, PATTERNS)) (spans ??= []).push([start, end]);
  // A URL's query string and fragment are parameters (ids, versions, tracking), not words about the problem.
  if (text.includes('://')) {
    for (const m of text.matchAll(URL_RE)) {
      const q = m[0].search(/[?#]/);
      if (q >= 0) (spans ??= []).push([m.index + q, m.index + m[0].length]);
    }
  }
  // JSON keys are the envelope's schema ("error_description", "trace_id"), not words of the error.
  if (text.includes('":')) for (const m of text.matchAll(JSON_KEY)) (spans ??= []).push([m.index, m.index + m[0].length]);
  if (!spans) return text;
  spans.sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of spans) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    out += text.slice(at, from) + text.slice(from, b).replace(/[^\n]/g, ' ');
    at = b;
  }
  return out + text.slice(at);
}
