import { looseKey, scalarTexts, uniqueBy } from './values';

/**
 * The body line that names the products an article is for, as written in the corpus:
 * `_Applies to:_ &nbsp; A, B`, `*Applies to*: A`, `_Applies to_: A`, `**Applies to:** A`,
 * `*Applies to: A*`, plain `Applies to: A`, and the same after Markdown is flattened to text
 * (emphasis gone, `&nbsp;` turned into U+00A0). Four spaces of indent make a code block: not a match.
 */
const APPLIES_TO_LINE = /^ {0,3}(?:[*_]{1,3})?applies\s+to\s*(?:[*_]{1,3})?\s*:\s*(?:[*_]{1,3}(?=\s|&nbsp;|\u00a0|$))?(.*)$/i;

/**
 * List parts that continue the previous product rather than name a new one, e.g.
 * `Windows 10, version 1809`, `Windows Server 2016, all editions`, `versions 1910, 2002, and 2010`.
 */
const CONTINUATION_FORMS: readonly RegExp[] = [
  /^versions?\b/i,
  /^all\s/,
  /^(?:and|or)\s+(?:later|earlier|newer|older|above)\b/,
  /^(?:later|earlier)\s+versions\b/,
  /^(?:and\s+|or\s+)?\d[\w.]*$/,
  /^(?:service pack|sp)\s*\d/i,
];

/** Separators between products; `、` is the ideographic comma of localized lists. */
const SEPARATORS = new Set([',', ';', '\n', '、', '，', '；']);

/** `appliesto:` front matter (a list, or one string with separators) → product names. */
export function normalizeProducts(raw: unknown): string[] {
  // Each list item is one product (e.g. "Azure Stack HCI, version 21H2"); a single string is a list.
  const parts = Array.isArray(raw) ? scalarTexts(raw) : scalarTexts(raw).flatMap(splitProductList);
  return dedupeProducts(parts.map(cleanProductName));
}

/** A body line such as `_Applies to:_ &nbsp; Windows Server 2019, Windows 10` → products; null when it is no such line. */
export function parseAppliesToLine(text: string): string[] | null {
  const m = APPLIES_TO_LINE.exec(text.split('\n')[0] ?? '');
  if (!m) return null;
  const rest = m[1]
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/ {2,}$/, '') // Markdown hard line break
    .replace(/^[\s*_]+|[\s*_]+$/g, ''); // emphasis wrapped round the whole line
  return dedupeProducts(splitProductList(rest).map(cleanProductName));
}

/** Split on separators outside parentheses, then glue continuation parts back onto their product. */
export function splitProductList(text: string): string[] {
  const raw: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (SEPARATORS.has(ch) && (depth === 0 || ch === '\n')) {
      raw.push(current);
      current = '';
      depth = 0;
    } else {
      current += ch;
    }
  }
  raw.push(current);

  const out: string[] = [];
  for (const part of raw.map((p) => p.trim()).filter(Boolean)) {
    if (out.length && CONTINUATION_FORMS.some((re) => re.test(part))) out[out.length - 1] += `, ${part}`;
    else out.push(part.replace(/^(?:and|or)\s+(?=[A-Z])/, ''));
  }
  return out;
}

/** Strip markup an author may have put round a name: HTML, Markdown links and emphasis, check-mark icons. */
export function cleanProductName(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/:[a-z0-9_+-]+:/g, '') // emoji short codes such as :heavy_check_mark:
    .replace(/[\u2705\u2714\u2611\u2713\ufe0f]/g, '')
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/&amp;/g, '&')
    .replace(/(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[\s.]+$/, '')
    .trim();
}

function dedupeProducts(names: string[]): string[] {
  return uniqueBy(names.filter(Boolean), looseKey);
}
