/**
 * Safe readers for front-matter values. YAML hands us anything (numbers, nulls, nested objects,
 * objects without a prototype), so nothing here calls `String()` on an object or trusts a shape.
 */

/** Text of a scalar: strings trimmed, numbers and booleans spelled out, dates as ISO. Others → null. */
export function scalarText(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return value.trim();
    case 'number':
      return Number.isFinite(value) ? String(value) : null;
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      return null;
    default:
      return null;
  }
}

/** Maximum nesting walked when flattening lists: front matter is shallow, aliases could loop. */
const MAX_DEPTH = 4;

/** Every scalar in a value or (nested) list, as trimmed text, empties dropped. Objects are skipped. */
export function scalarTexts(value: unknown, depth = 0): string[] {
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return [];
    return value.flatMap((v) => scalarTexts(v, depth + 1));
  }
  const text = scalarText(value);
  return text ? [text] : [];
}

/** Plain-object check that also accepts prototype-less objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** How a key is compared: authors write `Author`, `ms author`, `ms.Date`. */
export function canonicalKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, '.');
}

/**
 * The keys of `data` that spell one of `names` (compared canonically), exact spellings first.
 * Returns the actual keys so callers can report lines and read values.
 */
export function keysFor(data: Record<string, unknown>, names: readonly string[]): string[] {
  const wanted = new Set(names.map(canonicalKey));
  const keys = Object.keys(data).filter((k) => wanted.has(canonicalKey(k)));
  return keys.sort((a, b) => Number(!names.includes(a)) - Number(!names.includes(b)));
}

/** De-duplicate by a comparison key, keeping the first spelling and the original order. */
export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = keyOf(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** Comparison key for names: case, dash style and spacing do not make a different product or person. */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();
}
