/**
 * The text analyzer of the article index: the same terms for an article at build time and for a
 * query in the browser or the CLI. Stages, each replaceable: fold → tokenize → contractions →
 * stopwords → stem, with error identifiers recognized on the raw text and kept as single terms
 * in every spelling they have (identifier-terms.ts).
 */
import { stemmer } from 'stemmer';
import { identifierTerms } from './identifier-terms';
import { blankValues } from './value-blanking';
import { STOPWORDS } from './stopwords';

export { STOPWORDS };

/** Lower-case, strip diacritics, straighten quotes. Linear in the input. */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();
}

/** Contractions, written with or without the apostrophe, read as their parts before stopwords drop them. */
const CONTRACTION = /^(.+?)(?:n't|'s|'re|'ve|'ll|'d|'m)$/;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** A term and where it came from in the analyzed text. */
export interface TermOccurrence {
  term: string;
  start: number;
  end: number;
}

/** Longest word kept as a term: longer runs are hashes, tokens or base64, never something to search for. */
const MAX_WORD = 40;

/** Whether a word token carries meaning on its own: not a stopword, not a lone character, not a long digit/hex run. */
function keepWord(w: string): boolean {
  if (w.length < 2 || w.length > MAX_WORD || STOPWORDS.has(w)) return false;
  // Numbers of 6+ digits are ids, counters or timestamps; codes that matter come as identifier terms.
  if (w.length >= 6 && w.charCodeAt(0) <= 57 && /^\d+$/.test(w)) return false;
  // Mixed hex runs (thumbprints, correlation ids).
  if (w.length >= 12 && /^[0-9a-f]+$/.test(w) && /\d/.test(w)) return false;
  return true;
}

/** Porter stem of a word; other tokens (digits, other scripts, short words) are their own stem. */
function stem(word: string): string {
  return /^[a-z]+$/.test(word) && word.length > 2 ? stemmer(word) : word;
}

/**
 * A folded word token's term, or '' when the word is not kept; cached, because articles repeat
 * words far more than they use new ones.
 */
const termCache = new Map<string, string>();
function termOfWord(word: string): string {
  let t = termCache.get(word);
  if (t === undefined) {
    t = keepWord(word) ? stem(word) : '';
    if (termCache.size > 200_000) termCache.clear();
    termCache.set(word, t);
  }
  return t;
}

/** Word terms of a text, with offsets into it. Offsets are into `text` as given (folding keeps lengths for the scripts we index). */
export function wordTerms(text: string): TermOccurrence[] {
  const folded = foldCase(blankValues(text));
  const sameLength = folded.length === text.length;
  const out: TermOccurrence[] = [];
  for (const m of folded.matchAll(WORD)) {
    // foldCase straightened the quotes already.
    let w = m[0];
    if (w.includes("'")) {
      if (!STOPWORDS.has(w.replace(/'/g, ''))) {
        const c = CONTRACTION.exec(w);
        if (c) w = c[1];
      }
      w = w.replace(/'/g, '');
    }
    const term = termOfWord(w);
    if (term === '') continue;
    const start = sameLength ? m.index : 0;
    const end = sameLength ? m.index + m[0].length : 0;
    out.push({ term, start, end });
  }
  return out;
}

/** Identifier terms start with this, so `#0x80070005` never meets the word `0x80070005`. */
export const IDENT_PREFIX = '#';

/** All terms of a text: its words and, once each per occurrence, its identifiers in every form. */
export function analyze(text: string, words: TermOccurrence[] = wordTerms(text)): TermOccurrence[] {
  return [...words, ...identifierTerms(text).map((t) => ({ ...t, term: IDENT_PREFIX + t.term }))];
}

/** Longest gap (in characters) between two words that still make a pair: a space or a little punctuation, not a sentence break. */
const PAIR_GAP = /^[\s,'"()\-/:]{1,3}$/;

/** A pair's term: its two words in sorted order, so a query that words it the other way round ("office update", "updating office") meets it. */
export const pairTerm = (a: string, b: string): string => (a <= b ? `${a}_${b}` : `${b}_${a}`);

/** Adjacent word pairs (`block_list`) of a text's words: phrase evidence without positions in the index. */
export function wordPairs(text: string, words: TermOccurrence[] = wordTerms(text)): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  forEachWordPair(text, words, (a, b) => out.push({ term: pairTerm(a.term, b.term), start: a.start, end: b.end }));
  return out;
}

/** Visits the adjacent word pairs without building their terms (the index build counts millions). */
export function forEachWordPair(text: string, words: TermOccurrence[], visit: (a: TermOccurrence, b: TermOccurrence) => void): void {
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1], b = words[i];
    if (a.end === 0 || !PAIR_GAP.test(text.slice(a.end, b.start))) continue;
    visit(a, b);
  }
}
