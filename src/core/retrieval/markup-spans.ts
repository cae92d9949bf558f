import { mergeRanges, type Span } from '../lookup/ranges';

/**
 * Markup in a paste: the element and attribute names of an XML or HTML fragment (a Windows event's
 * `<Provider Name=…>`, `<TimeCreated SystemTime=…>`) are the envelope's schema, as JSON keys are,
 * not words of the error. Their values and the text between tags are the error, and stay.
 */

const TAG = /<\/?([A-Za-z][\w:.-]*)([^<>]*)>/g;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=/g;
/** A namespace declaration names a schema by URL: all of it is envelope. */
const NAMESPACE = /\bxmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g;

/**
 * Spans of `text` holding element names, attribute names and namespace declarations, in order and
 * not overlapping. Linear in the input: a tag's match stops at the next angle bracket.
 */
export function markupSpans(text: string): Span[] {
  if (!text.includes('<')) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(TAG)) {
    const nameStart = m.index + m[0].indexOf(m[1]);
    out.push({ start: nameStart, end: nameStart + m[1].length });
    const bodyStart = nameStart + m[1].length;
    const body = m[2];
    for (const ns of body.matchAll(NAMESPACE)) out.push({ start: bodyStart + ns.index, end: bodyStart + ns.index + ns[0].length });
    for (const a of body.matchAll(ATTRIBUTE)) {
      if (!isAttributeStart(body, a.index)) continue;
      out.push({ start: bodyStart + a.index, end: bodyStart + a.index + a[1].length });
    }
  }
  // Only spans that touch are joined: a one-character value between two names stays outside.
  return mergeRanges(out, Infinity, 0);
}

/** An attribute name follows white space or the tag's name, never a value's inside. */
const isAttributeStart = (body: string, at: number): boolean => at === 0 || /\s/.test(body[at - 1]);
