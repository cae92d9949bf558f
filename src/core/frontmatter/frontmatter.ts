import type { DiagnosticSink } from '../diagnostics';
import { normalizeAuthors } from './authors';
import { normalizeDate } from './date';
import { normalizeProducts } from './products';
import { normalizeSupportAreas } from './support-areas';
import { normalizeTopic } from './topic';
import { isRecord, keysFor, scalarText, scalarTexts } from './values';
import { collapse } from '../markdown/plain-text';

export interface NormalizedFrontMatter {
  /** Front-matter title; null when absent (the caller falls back to the first heading). */
  title: string | null;
  description: string;
  topic: string;
  isTroubleshooting: boolean;
  products: string[];
  supportAreas: string[][];
  /** ISO `YYYY-MM-DD` or null. */
  date: string | null;
  authors: string[];
  taxonomyHints: TaxonomyHints;
}

/** Metadata that hints at an article's product and area when it names neither itself. */
export interface TaxonomyHints {
  /** `ms.service` and `ms.prod` values. */
  services: string[];
  /** `ms.technology` and `ms.subservice` values. */
  technologies: string[];
}

/** The front-matter keys each field is read from, preferred spelling first (compared case-insensitively). */
const FIELD_KEYS = {
  title: ['title'],
  description: ['description'],
  topic: ['ms.topic'],
  products: ['appliesto', 'applies_to', 'applies-to'],
  supportAreas: ['ms.custom'],
  date: ['ms.date', 'date'],
  services: ['ms.service', 'ms.prod'],
  technologies: ['ms.technology', 'ms.subservice'],
} as const;

/** A key such as `ms.custom:sap` comes from `ms.custom:sap: Path` written without a space after the colon. */
const GLUED_SAP_KEY = /^ms\.custom\s*:\s*sap$/i;

type LineOf = (key: string) => number | undefined;

/**
 * Read the fields the site uses from parsed front matter. Never throws, whatever the values are:
 * wrong types become `field-type` warnings and defaults.
 */
export function normalizeFrontMatter(data: Record<string, unknown>, sink: DiagnosticSink, line?: LineOf): NormalizedFrontMatter {
  const fm = isRecord(data) ? data : {};
  const lineOf: LineOf = (key) => {
    try {
      return line?.(key);
    } catch {
      return undefined;
    }
  };
  const field = (names: readonly string[]): { key: string; value: unknown } | null => {
    const key = keysFor(fm, names)[0];
    return key === undefined ? null : { key, value: fm[key] };
  };

  const title = readText(field(FIELD_KEYS.title), 'title', sink, lineOf);
  if (title === null) sink.info('title-missing', 'The front matter has no title; the first heading is used instead.', lineOf('title'));

  const description = readText(field(FIELD_KEYS.description), 'description', sink, lineOf) ?? '';

  const topicField = field(FIELD_KEYS.topic);
  const { topic, isTroubleshooting } = normalizeTopic(topicField?.value);
  if (topicField && !isTextLike(topicField.value)) {
    const used = scalarTexts(topicField.value).length > 0;
    warnType(sink, topicField.key, 'a single word such as `troubleshooting`', lineOf, used ? 'the first entry was used' : `\`${topic}\` was assumed`);
  }

  const productsField = field(FIELD_KEYS.products);
  if (productsField && isRecord(productsField.value)) warnType(sink, productsField.key, 'a list of product names', lineOf);
  const products = guarded(() => normalizeProducts(productsField?.value), []);

  const customField = field(FIELD_KEYS.supportAreas);
  const gluedSap = Object.keys(fm)
    .filter((k) => GLUED_SAP_KEY.test(k))
    .flatMap((k) => scalarTexts(fm[k]).map((v) => `sap:${v}`));
  const customValue = gluedSap.length ? [...scalarTexts(customField?.value), ...gluedSap] : customField?.value;
  const supportAreas = guarded(() => normalizeSupportAreas(customValue), []);

  const dateField = field(FIELD_KEYS.date);
  const normalizedDate = guarded(() => normalizeDate(dateField?.value), { date: null, problem: 'the date could not be read' });
  if (!dateField || dateField.value === null || scalarText(dateField.value) === '') {
    sink.info('date-missing', 'The front matter gives no `ms.date`; the article is shown without a date.', dateField ? lineOf(dateField.key) : undefined);
  } else if (normalizedDate.date === null) {
    sink.warn('date-invalid', `\`${dateField.key}\` cannot be read: ${normalizedDate.problem ?? 'unknown form'}; the article is shown without a date.`, lineOf(dateField.key));
  }

  const authors = guarded(() => normalizeAuthors(fm), []);
  const hint = (names: readonly string[]) => guarded(() => [...new Set(names.flatMap((n) => keysFor(fm, [n])).flatMap((k) => scalarTexts(fm[k])).map((v) => v.trim()).filter(Boolean))], []);
  const taxonomyHints = { services: hint(FIELD_KEYS.services), technologies: hint(FIELD_KEYS.technologies) };

  return { title, description, topic, isTroubleshooting, products, supportAreas, date: normalizedDate.date, authors, taxonomyHints };
}

/** A single text value; a list yields its first entry with a warning, anything else a warning and null. */
function readText(found: { key: string; value: unknown } | null, what: string, sink: DiagnosticSink, lineOf: LineOf): string | null {
  if (!found || found.value === null || found.value === undefined) return null;
  const direct = scalarText(found.value);
  if (direct !== null) return collapse(direct) || null;
  const first = scalarTexts(found.value)[0];
  warnType(sink, found.key, `one line of text (the ${what})`, lineOf, first !== undefined ? 'the first entry was used' : 'it was ignored');
  return first !== undefined ? collapse(first) || null : null;
}

function isTextLike(value: unknown): boolean {
  return value === null || value === undefined || scalarText(value) !== null;
}

function warnType(sink: DiagnosticSink, key: string, expected: string, lineOf: LineOf, outcome = 'it was ignored'): void {
  sink.warn('field-type', `\`${key}\` should be ${expected}, not a list or a nested block; ${outcome}.`, lineOf(key));
}

/** Normalizers are written not to throw; this is the belt to those braces, so one odd field never loses the page. */
function guarded<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
