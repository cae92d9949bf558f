/**
 * Pagefind excerpts are HTML with `<mark>` around matched words. They are never put
 * into the page as HTML: they become text segments (entities decoded, every tag but
 * `<mark>` dropped) that the UI renders with text nodes and `<mark>` elements.
 */
import { decodeEntities } from '../text/html-entities';

export { decodeEntities };

export interface ExcerptSegment {
  text: string;
  mark: boolean;
}


/**
 * Splits an excerpt into plain and marked text. Never throws. A marked word that is a stopword
 * (Pagefind marks every query word, and a pasted error is full of "or", "the", "is") stays plain.
 */
export function excerptSegments(html: string, stopwords: ReadonlySet<string> = new Set()): ExcerptSegment[] {
  if (typeof html !== 'string' || !html) return [];
  const out: ExcerptSegment[] = [];
  let mark = false;
  // Tags are recognized only as `<name …>` / `</name>`; a bare `<` in text is text.
  const parts = html.split(/(<\/?[a-z][^<>]*>)/i);
  for (const part of parts) {
    const tag = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(part);
    if (tag && part.endsWith('>')) {
      if (tag[2].toLowerCase() === 'mark') mark = tag[1] !== '/';
      continue;
    }
    const text = decodeEntities(part);
    if (!text) continue;
    const marked = mark && !stopwords.has(text.trim().toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ''));
    const last = out[out.length - 1];
    if (last && last.mark === marked) last.text += text;
    else out.push({ text, mark: marked });
  }
  return out;
}
