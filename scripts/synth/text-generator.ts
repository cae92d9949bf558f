/**
 * Guarded text: every sentence, heading, cell and title goes through the
 * SentenceGuard, so no source sentence is reproduced. Falls back to stronger
 * bag-of-words mixing, then to word insertion, when the chain keeps copying.
 */

import type { ErrorWords } from './error-kinds';
import type { Rng } from './rng';
import { Lexicon, type MarkovModel, type SentenceGuard } from './vocabulary';

export interface TextModels {
  lexicon: Lexicon;
  prose: MarkovModel;
  title: MarkovModel;
  error: MarkovModel;
  guard: SentenceGuard;
}

const JUMPS = [0.2, 0.2, 0.2, 0.45, 0.45, 0.8, 1];

export class TextGenerator implements ErrorWords {
  private readonly title: MarkovModel;
  private readonly error: MarkovModel;
  private readonly identWords: number[];

  constructor(private readonly m: TextModels) {
    this.title = m.title.empty ? m.prose : m.title;
    this.error = m.error.empty ? m.prose : m.error;
    // Words fit for identifiers: alphabetic, 3-12 letters. Taken from the prose vocabulary.
    const ids: number[] = [];
    for (let i = 3; i < m.lexicon.words.length; i++) if (/^[A-Za-z]{3,12}$/.test(m.lexicon.words[i])) ids.push(i);
    this.identWords = ids.length ? ids : [m.lexicon.id('Widget')];
  }

  /** Guarded word ids from a model. */
  private guardedIds(model: MarkovModel, rng: Rng, want: number): number[] {
    let ids: number[] = [];
    for (const jump of JUMPS) {
      ids = model.sentenceIds(rng, want, { jump });
      if (ids.length && this.m.guard.accepts(ids)) return ids;
    }
    // Still a copy (tiny or repetitive source): insert bag-of-words until it is not.
    for (let i = 0; i < 24; i++) {
      const w = model.unigramWord(rng);
      ids.splice(rng.int(0, ids.length), 0, w < 0 ? this.identWords[0] : w);
      if (this.m.guard.accepts(ids)) break;
    }
    return ids;
  }

  private join(ids: readonly number[]): string {
    const words = this.m.lexicon.words;
    let out = '';
    for (const id of ids) {
      if (id === Lexicon.COMMA) out += ',';
      else out += out ? ' ' + words[id] : words[id];
    }
    return out;
  }

  /** Word strings of one guarded prose sentence (first word capitalised, final period on last word). */
  sentenceWords(rng: Rng, want: number, model: MarkovModel = this.m.prose): string[] {
    const text = capitalise(this.join(this.guardedIds(model, rng, want)));
    return (text + '.').split(' ');
  }

  /** Prose of about n words, split into sentences. */
  prose(rng: Rng, n: number): string[][] {
    const sentences: string[][] = [];
    // Calibrated: inline code spans, links and re-injected codes add a little on top of the words.
    let left = Math.max(1, Math.round(n * 0.94));
    while (left > 0) {
      const want = Math.min(left, Math.max(3, this.m.prose.sentenceLength(rng)));
      const s = this.sentenceWords(rng, want);
      sentences.push(s);
      left -= s.length;
      if (left < 3 && sentences.length) break;
    }
    return sentences;
  }

  proseText(rng: Rng, n: number): string {
    return this.prose(rng, n).map((s) => s.join(' ')).join(' ');
  }

  /** A heading/title/cell phrase of about n words, no final period. */
  phrase(rng: Rng, n: number, kind: 'title' | 'prose' = 'title'): string {
    const model = kind === 'title' ? this.title : this.m.prose;
    return capitalise(this.join(this.guardedIds(model, rng, Math.max(1, n))));
  }

  message(rng: Rng, n: number): string {
    return capitalise(this.join(this.guardedIds(this.error, rng, n))) + '.';
  }

  identWord(rng: Rng): string {
    return this.m.lexicon.words[this.identWords[Math.floor(rng.next() * this.identWords.length)]];
  }

  camel(rng: Rng, parts: number): string {
    const n = rng.int(1, Math.max(1, parts));
    let out = '';
    for (let i = 0; i < n; i++) out += capitalise(this.identWord(rng).toLowerCase());
    return out;
  }

  /** Lower-case hyphenated words for slugs and file names. */
  slugWords(rng: Rng, n: number): string {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.identWord(rng).toLowerCase());
    return parts.join('-');
  }
}

export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
