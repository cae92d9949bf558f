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
export function markupSpans(text: string): Array<[number, number]> {
  if (!text.includes('<')) return [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(TAG)) {
    const nameStart = m.index + m[0].indexOf(m[1]);
    out.push([nameStart, nameStart + m[1].length]);
    const bodyStart = nameStart + m[1].length;
    const body = m[2];
    for (const ns of body.matchAll(NAMESPACE)) out.push([bodyStart + ns.index, bodyStart + ns.index + ns[0].length]);
    for (const a of body.matchAll(ATTRIBUTE)) {
      if (!isAttributeStart(body, a.index)) continue;
      out.push([bodyStart + a.index, bodyStart + a.index + a[1].length]);
    }
  }
  return mergeSpans(out);
}

/** An attribute name follows white space or the tag's name, never a value's inside. */
const isAttributeStart = (body: string, at: number): boolean => at === 0 || /\s/.test(body[at - 1]);

/** Sorted, with overlapping and touching spans joined. */
export function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
