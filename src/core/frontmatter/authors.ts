import { keysFor, looseKey, scalarTexts, uniqueBy } from './values';

/** Front-matter keys that name an author, in the order their names are listed. */
const AUTHOR_KEYS = ['author', 'ms.author'] as const;

/** `author` and `ms.author` (strings, comma lists or YAML lists) → author handles, de-duplicated. */
export function normalizeAuthors(data: Record<string, unknown>): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const names = AUTHOR_KEYS.flatMap((k) => keysFor(data, [k]))
    .flatMap((key) => scalarTexts(data[key]))
    .flatMap((text) => text.split(/[,;]/))
    .map((name) => name.trim().replace(/^@\s*/, ''))
    .filter(Boolean);
  return uniqueBy(names, looseKey);
}
