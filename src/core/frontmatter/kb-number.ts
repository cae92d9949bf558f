import { keysFor, scalarTexts } from './values';

/**
 * Where an article states its own KB number, strongest first. In the corpus: the body line
 * `_Original KB number:_ &nbsp; 4010261` (sometimes two numbers: the first is the article's),
 * an `ms.custom: KB3177312` tag, and titles that end in `(KB3177312)` or start `KB3177312 - `.
 * A KB number elsewhere in a title ("KB2998527 causes …") names an update, not the article.
 */
const BODY_FORMS: readonly RegExp[] = [/original\s+kb\s+number[\s*_]*:[\s*_]*(?:&nbsp;|\u00a0|\s)*(?:kb)?(\d{4,8})\b/i];
const CUSTOM_TAG = /^kb(\d{4,8})$/i;
const TITLE_FORMS: readonly RegExp[] = [/\(kb(\d{4,8})\)\s*$/i, /^kb(\d{4,8})\s*[-–—:]\s+\S/i];

export function findKbNumber(data: Record<string, unknown>, bodyText: string): string | null {
  const body = typeof bodyText === 'string' ? bodyText : '';
  for (const re of BODY_FORMS) {
    const m = re.exec(body);
    if (m) return m[1];
  }
  if (typeof data !== 'object' || data === null) return null;
  for (const key of keysFor(data, ['ms.custom'])) {
    for (const tag of scalarTexts(data[key]).flatMap((t) => t.split(','))) {
      const m = CUSTOM_TAG.exec(tag.trim());
      if (m) return m[1];
    }
  }
  for (const key of keysFor(data, ['title'])) {
    for (const title of scalarTexts(data[key])) {
      for (const re of TITLE_FORMS) {
        const m = re.exec(title);
        if (m) return m[1];
      }
    }
  }
  return null;
}
