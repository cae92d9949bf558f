/**
 * Identifiers in the full-text index, and the full-text queries for an input.
 *
 * Pagefind joins a word's inner punctuation (`500.19` → `50019`), so identifiers
 * match when both sides spell them alike. They fail when glued to other text
 * (`hr=0x8007000d;`, `error:5.7.1`) or spelled another way (`80070005` vs
 * `0x80070005`, `KB 5034441` vs `KB5034441`). The index therefore gets each
 * identifier's variants as separate words, and queries get identifiers cut free.
 */
import { scanIdentifiers } from '../errors/identifiers';
import { tokenizeErrorText } from '../errors/normalize';
import { splitErrors } from '../errors/split';
import type { QueryAnalysis } from './query-kind';

/** Search spellings of a canonical identifier, by identifier form. */
const VARIANTS: Record<string, (canon: string) => string[]> = {
  hresult: hexVariants,
  'hresult-bare': hexVariants,
  'hresult-context': hexVariants,
  aadsts: (c) => [c, c.replace(/^\D+/, '')],
  kb: (c) => [c, c.replace(/^KB/i, '')],
  ndr: (c) => [c],
  'http-substatus': (c) => [c.replace(/^HTTP\s+/, '')],
  'http-status': () => [],
  'sql-msg': (c) => [c.replace(/^Msg\s+/, '')],
  'sql-errorlog': (c) => [c.replace(/^Msg\s+/, '')],
  'event-id': () => [],
  'ps-fqid': (c) => [c],
  symbol: (c) => [c],
  wsa: (c) => [c],
  exception: (c) => [c],
  'error-number': (c) => (/^0x/.test(c) ? hexVariants(c) : [c.replace(/^error\s+/, '')]),
  camel: (c) => [c],
};

function hexVariants(canon: string): string[] {
  const hex = canon.replace(/^0x/i, '').toLowerCase();
  return [`0x${hex}`, hex];
}

interface Match {
  start: number;
  end: number;
  form: string;
  canon: string;
}

function matchesOf(text: string): Match[] {
  return scanIdentifiers(text);
}

const searchSpellings = (m: Match): string[] => (VARIANTS[m.form] ?? ((c: string) => [c]))(m.canon).filter((s) => s.length >= 3);

/**
 * Extra index words for the identifiers in an article's text: every search spelling,
 * lower-case, de-duplicated, in order of first appearance. Never throws.
 */
export function identifierTokens(text: string): string[] {
  if (typeof text !== 'string' || !text) return [];
  const out = new Set<string>();
  for (const m of matchesOf(text)) for (const s of searchSpellings(m)) out.add(s.toLowerCase());
  return [...out];
}

/** Most searches run for one pasted error: its identifiers, then one line of its words. */
const MAX_IDENTIFIER_QUERIES = 3;
const MAX_LINE_WORDS = 8;

/** Cuts identifiers free of glued punctuation so Pagefind sees them as words. */
export function spaceIdentifiers(text: string): string {
  let out = '';
  let at = 0;
  for (const m of matchesOf(text)) {
    if (m.start < at) continue;
    const spelled = searchSpellings(m)[0];
    if (!spelled) continue;
    out += text.slice(at, m.start) + ` ${spelled} `;
    at = m.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ').trim();
}

/**
 * The full-text searches to run. Word queries run as typed (identifiers cut free).
 * A pasted error runs each strong identifier on its own, then the first words of its
 * first error line (Pagefind requires every word, so a whole paste would match nothing).
 */
export function fullTextQueries(input: string, analysis: QueryAnalysis): string[] {
  const text = typeof input === 'string' ? input.trim() : '';
  if (analysis.kind === 'empty' || !text) return [];
  if (analysis.kind === 'words') return [spaceIdentifiers(text)].filter(Boolean);
  const queries: string[] = [];
  const seen = new Set<string>();
  for (const m of matchesOf(text)) {
    if (queries.length >= MAX_IDENTIFIER_QUERIES) break;
    if (m.form === 'camel' || m.form === 'error-number' || m.form === 'event-id' || m.form === 'http-status') continue;
    const q = searchSpellings(m)[0];
    if (q && !seen.has(q.toLowerCase())) {
      seen.add(q.toLowerCase());
      queries.push(q);
    }
  }
  const line = firstMessageWords(text);
  if (line && !seen.has(line.toLowerCase())) queries.push(line);
  return queries;
}

/** The first words of the first error in the paste, without masked values (paths, GUIDs, times). */
function firstMessageWords(text: string): string {
  const first = splitErrors(text)[0] ?? text;
  const words = tokenizeErrorText(first)
    // Words with digits are mostly names of this user's servers and accounts, not the message.
    .tokens.filter((t) => t.kind === 'word' && /\p{L}/u.test(t.t) && !/\d/.test(t.t))
    .map((t) => t.t);
  return words.slice(0, MAX_LINE_WORDS).join(' ');
}

/** Identifier searches (from `fullTextQueries`) whose hits must really contain the identifier. */
export function isIdentifierQuery(query: string): boolean {
  return identifierTokens(query).some((t) => t === query.toLowerCase());
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text really mentions an identifier. Pagefind matches word prefixes, so
 * `5.7.1` (indexed as `571`) also finds `5.7.193` and event `5719`; this check keeps
 * only exact mentions, in any of the identifier's spellings.
 */
export function mentionsIdentifier(text: string, identifier: string): boolean {
  if (typeof text !== 'string' || !identifier) return false;
  const spellings = new Set([identifier, ...identifierTokens(identifier)]);
  for (const s of spellings) {
    const body = /^kb\d+$/i.test(s) ? `KB\\s?${s.slice(2)}` : escapeRe(s);
    if (new RegExp(`(?<![A-Za-z0-9.])${body}(?![A-Za-z0-9]|\\.\\d)`, 'i').test(text)) return true;
  }
  return false;
}
