/**
 * Word-level text models built from the source's word frequencies: a bigram Markov
 * chain blended with bag-of-words jumps, so the text reads like the source without
 * repeating it. A SentenceGuard rejects any generated sentence that reproduces a
 * source sentence (compared on lower-cased words, punctuation ignored).
 */

import { fnv1a, type Rng } from './rng';

const START = 0;
const END = 1;
const COMMA_WORD = ',';

/** Shared word <-> id table, so every model and the guard agree on ids. */
export class Lexicon {
  readonly words: string[] = ['<s>', '</s>', COMMA_WORD];
  private readonly ids = new Map<string, number>([['<s>', 0], ['</s>', 1], [COMMA_WORD, 2]]);
  /** Per-id hashes of the lower-cased word, so the guard ignores case. */
  private readonly lower: number[] = [0, 0, 0];
  private readonly lower2: number[] = [0, 0, 0];

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      const w = word.toLowerCase();
      this.lower.push(fnv1a(w) | 1);
      this.lower2.push(fnv1a(w, 0x9e3779b9) | 1);
    }
    return id;
  }

  internAll(tokens: readonly string[]): number[] {
    return tokens.map((t) => this.id(t));
  }

  static readonly COMMA = 2;

  lowerHash(id: number): number {
    return this.lower[id];
  }

  lowerHash2(id: number): number {
    return this.lower2[id];
  }
}

/** Splits prose into sentences, and sentences into word tokens (commas kept as tokens). */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?:;])\s+/).filter((s) => s.trim().length > 0);
}

const TOKEN = /[A-Za-z0-9][A-Za-z0-9'’.\-/]*[A-Za-z0-9]|[A-Za-z0-9]|,/g;

/** Codes and long numbers are left out of the models: errors get FRESH codes, never source ones. */
const CODE_LIKE = /^0x|^aadsts|\d{4,}|^[a-f0-9]{8}-/i;

export function tokenize(sentence: string): string[] {
  const out = sentence.match(TOKEN);
  if (!out) return [];
  return out.filter((t) => t.length <= 32 && !CODE_LIKE.test(t));
}

/** Accumulates bigram counts for one text model (pairs kept as sortable keys; counted at compile). */
export class MarkovBuilder {
  private keys = new Float64Array(1 << 16);
  private n = 0;
  readonly lengths: number[] = [];

  constructor(readonly lexicon: Lexicon) {}

  addIds(ids: readonly number[]): void {
    let prev = START;
    let words = 0;
    for (const id of ids) {
      if (id === Lexicon.COMMA && (prev === START || prev === Lexicon.COMMA)) continue;
      this.push(prev * PAIR + id);
      if (id !== Lexicon.COMMA) words++;
      prev = id;
    }
    if (prev !== START) {
      this.push(prev * PAIR + END);
      if (this.lengths.length < 200_000) this.lengths.push(words);
    }
  }

  private push(key: number): void {
    if (this.n === this.keys.length) {
      const bigger = new Float64Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.n++] = key;
  }

  get sentenceCount(): number {
    return this.lengths.length;
  }

  compile(): MarkovModel {
    const keys = this.keys.subarray(0, this.n).sort();
    const words = this.lexicon.words.length;
    const offsets = new Int32Array(words + 1);
    const unigram = new Float64Array(words);
    // Distinct pairs, run-length counted.
    let distinct = 0;
    for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[k - 1]) distinct++;
    const succ = new Int32Array(distinct);
    const cum = new Uint32Array(distinct);
    let d = -1;
    let a = 0;
    let run = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const prev = Math.floor(key / PAIR);
      const next = key - prev * PAIR;
      if (k === 0 || key !== keys[k - 1]) {
        d++;
        while (a <= prev) offsets[a++] = d;
        if (d === offsets[prev]) run = 0;
        succ[d] = next;
      }
      run++;
      cum[d] = run;
      if (next !== END && next !== Lexicon.COMMA) unigram[next]++;
    }
    while (a <= words) offsets[a++] = d + 1;
    this.keys = new Float64Array(0);
    // Bag-of-words table: cumulative frequencies over ids that occur.
    const uni: number[] = [];
    for (let id = 3; id < words; id++) if (unigram[id] > 0) uni.push(id);
    const uniIds = Int32Array.from(uni);
    const uniCum = new Float64Array(uniIds.length);
    let total = 0;
    for (let i = 0; i < uniIds.length; i++) uniCum[i] = total += unigram[uniIds[i]];
    const lengths = Uint16Array.from(this.lengths.length ? this.lengths.map((l) => Math.min(l, 60)) : [8]);
    return new MarkovModel(this.lexicon, offsets, succ, cum, uniIds, uniCum, lengths);
  }
}

/** Pair key = prev * PAIR + next; vocabularies stay far below this. */
const PAIR = 4194304;

function lowerBound(arr: ArrayLike<number>, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SentenceOptions {
  /** Probability of a bag-of-words jump instead of a chain step: breaks long copied runs. */
  jump: number;
}

export class MarkovModel {
  constructor(
    readonly lexicon: Lexicon,
    private readonly offsets: Int32Array,
    private readonly succ: Int32Array,
    private readonly cum: Uint32Array,
    private readonly uniIds: Int32Array,
    private readonly uniCum: Float64Array,
    private readonly lengths: Uint16Array,
  ) {}

  get empty(): boolean {
    return this.uniIds.length === 0;
  }

  sentenceLength(rng: Rng): number {
    return this.lengths[Math.floor(rng.next() * this.lengths.length)];
  }

  /** A word id drawn from the unigram (bag-of-words) distribution. */
  unigramWord(rng: Rng): number {
    if (this.uniIds.length === 0) return -1;
    const total = this.uniCum[this.uniCum.length - 1];
    return this.uniIds[lowerBound(this.uniCum, 0, this.uniCum.length, rng.next() * total)];
  }

  private step(prev: number, rng: Rng): number {
    const from = this.offsets[prev];
    const to = this.offsets[prev + 1];
    if (to <= from) return this.unigramWord(rng);
    const total = this.cum[to - 1];
    return this.succ[lowerBound(this.cum, from, to, Math.floor(rng.next() * total))];
  }

  /** One sentence of about `want` words, as word ids (commas included). */
  sentenceIds(rng: Rng, want: number, opts: SentenceOptions): number[] {
    const min = Math.max(1, Math.ceil(want * 0.7));
    const max = Math.max(min + 1, Math.ceil(want * 1.3) + 1);
    const ids: number[] = [];
    let words = 0;
    let prev = START;
    while (words < max) {
      let next = prev !== START && rng.next() < opts.jump ? this.unigramWord(rng) : this.step(prev, rng);
      if (next === END) {
        if (words >= min) break;
        next = this.unigramWord(rng);
      }
      if (next < 0) break;
      if (next === Lexicon.COMMA && (prev === START || prev === Lexicon.COMMA)) continue;
      ids.push(next);
      if (next !== Lexicon.COMMA) words++;
      prev = next;
    }
    while (ids.length && ids[ids.length - 1] === Lexicon.COMMA) ids.pop();
    return ids;
  }
}

/** Open-addressing set of 64-bit hashes held as two int32 halves; far faster than Set<double>. */
class HashSet64 {
  private hi = new Int32Array(1024);
  private lo = new Int32Array(1024);
  private used = 0;

  add(h1: number, h2: number): void {
    if ((this.used + 1) * 2 > this.hi.length) this.grow();
    if (this.insert(h1 | 1, h2)) this.used++;
  }

  has(h1: number, h2: number): boolean {
    const hi = h1 | 1;
    const mask = this.hi.length - 1;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const v = this.hi[i];
      if (v === 0) return false;
      if (v === hi && this.lo[i] === h2) return true;
    }
  }

  get size(): number {
    return this.used;
  }

  private insert(hi: number, lo: number): boolean {
    const mask = this.hi.length - 1;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const v = this.hi[i];
      if (v === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        return true;
      }
      if (v === hi && this.lo[i] === lo) return false;
    }
  }

  private grow(): void {
    const oldHi = this.hi;
    const oldLo = this.lo;
    this.hi = new Int32Array(oldHi.length * 2);
    this.lo = new Int32Array(oldLo.length * 2);
    for (let i = 0; i < oldHi.length; i++) if (oldHi[i] !== 0) this.insert(oldHi[i], oldLo[i]);
  }
}

/** Hashes of source sentences: exact sentences, and opening word runs for containment. */
export class SentenceGuard {
  private readonly exact = new HashSet64();
  /**
   * grams[k-4]: hashes of the first k and the last k words of source sentences
   * (k = min(length, 6)). Containing either rejects a candidate, so a copy that only
   * changes the first or the last word is caught too.
   */
  private readonly grams = [new HashSet64(), new HashSet64(), new HashSet64()];
  private readonly buf = new Int32Array(256);
  private h1 = 0;
  private h2 = 0;
  rejected = 0;
  checked = 0;

  constructor(private readonly lexicon: Lexicon) {}

  /** Copies non-comma ids into buf; returns the word count. */
  private words(ids: readonly number[]): number {
    let n = 0;
    for (let i = 0; i < ids.length && n < this.buf.length; i++) if (ids[i] !== Lexicon.COMMA) this.buf[n++] = ids[i];
    return n;
  }

  /** Sets h1/h2 to the hash of buf[from, to). */
  private hash(from: number, to: number): void {
    let h1 = 0x811c9dc5 ^ (to - from);
    let h2 = 0x01000193;
    for (let i = from; i < to; i++) {
      h1 = Math.imul(h1 ^ this.lexicon.lowerHash(this.buf[i]), 0x01000193);
      h2 = Math.imul(h2 ^ this.lexicon.lowerHash2(this.buf[i]), 0x5bd1e995);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  addSource(ids: readonly number[]): void {
    const n = this.words(ids);
    if (n >= 2) {
      this.hash(0, n);
      this.exact.add(this.h1, this.h2);
    }
    if (n >= 4) {
      const k = Math.min(n, 6);
      this.hash(0, k);
      this.grams[k - 4].add(this.h1, this.h2);
      this.hash(n - k, n);
      this.grams[k - 4].add(this.h1, this.h2);
    }
  }

  /** True when the sentence neither equals nor contains a source sentence's opening run. */
  accepts(ids: readonly number[]): boolean {
    this.checked++;
    const n = this.words(ids);
    if (n >= 2) {
      this.hash(0, n);
      if (this.exact.has(this.h1, this.h2)) return this.reject();
    }
    for (let k = 4; k <= 6; k++) {
      const set = this.grams[k - 4];
      if (set.size === 0) continue;
      for (let i = 0; i + k <= n; i++) {
        this.hash(i, i + k);
        if (set.has(this.h1, this.h2)) return this.reject();
      }
    }
    return true;
  }

  private reject(): false {
    this.rejected++;
    return false;
  }

  get size(): number {
    return this.exact.size;
  }
}
