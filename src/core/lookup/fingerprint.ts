/**
 * Message fingerprint: the normal template plus a set of features —
 * content-word unigrams, content-word bigrams (stopwords skipped, masked values
 * kept as `~` so "browse <server> because" still pairs around the variable) and
 * identifiers as their own strong features. Features are hashed to 32 bits.
 */
import { tokenizeErrorText, type Token } from '../errors/normalize';

const STOPWORDS = new Set(
  ('a an the is are was were be been being to of in on at for by with from and or as it its this that these those ' +
    'you your we our i me my he she they them their there here then than which who whom what when where why how ' +
    'if into so such also any some all more most other see try again following please can could may might will would ' +
    'should shall has have had do does did am s t about after before over under up out off per via').split(' '),
);

export interface Feature {
  /** 32-bit FNV-1a hash of the feature key. */
  h: number;
  /** Identifier feature (strong). */
  ident: boolean;
  /**
   * Hash of the feature's anchor word: a word's own hash, or for a bigram the hash of its
   * first unmasked word. The index stores a word's features together, so a lookup that
   * samples one word fetches its unigram and its bigrams in one file.
   */
  a: number;
  /** Indices into the token array that produced this feature (for highlighting). */
  tokens: number[];
}

export interface Fingerprint {
  template: string;
  tokens: Token[];
  features: Feature[];
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function isContent(t: Token): boolean {
  if (t.kind !== 'word') return t.kind === 'ident';
  return t.t.length > 1 && !STOPWORDS.has(t.t);
}

/** Features of already-tokenized text. Deterministic: sorted by hash. */
export function featuresOf(tokens: Token[]): Feature[] {
  const byKey = new Map<string, Feature>();
  const add = (key: string, ident: boolean, idx: number[], anchor = key): void => {
    const f = byKey.get(key);
    if (f) { for (const i of idx) if (!f.tokens.includes(i)) f.tokens.push(i); return; }
    const h = fnv1a(key);
    byKey.set(key, { h, ident, a: anchor === key ? h : fnv1a(anchor), tokens: idx.slice() });
  };
  let prevKey: string | null = null;
  let prevIdx = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let key: string | null = null;
    if (t.kind === 'ident') { key = '#' + t.t.toLowerCase(); add(key, true, [i]); }
    else if (t.kind === 'mask') key = '~';
    else if (isContent(t)) { key = t.t; add(key, false, [i]); }
    if (key === null) continue;
    if (prevKey !== null && !(prevKey === '~' && key === '~')) {
      add(prevKey + ' ' + key, false, prevKey === '~' ? [i] : key === '~' ? [prevIdx] : [prevIdx, i], prevKey === '~' ? key : prevKey);
    }
    prevKey = key;
    prevIdx = i;
  }
  return [...byKey.values()].sort((a, b) => a.h - b.h);
}

export function fingerprint(text: string): Fingerprint {
  const n = tokenizeErrorText(text);
  return { template: n.text, tokens: n.tokens, features: featuresOf(n.tokens) };
}

/** Rarity weight of a feature seen in `df` of `n` articles (IDF-like, smoothed). */
export function featureWeight(df: number, n: number, ident: boolean): number {
  const w = Math.log(1 + n / (df + 0.5));
  return ident ? w * 1.5 : w;
}
