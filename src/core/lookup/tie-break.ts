/**
 * Exact score ties. Two articles that quote the same message score exactly alike: the index
 * cannot tell the article about the error from one that mentions it in passing (a how-to that
 * links to it, a list of errors). The display data fetched for the results can: the article
 * whose title says the message, or that quotes it under Symptoms, is the one to open first.
 */
import { tokenizeErrorText } from '../errors/normalize';

/** Section headings under which an article states the error it is about. */
const STATES_THE_ERROR = /^(symptoms?|error messages?|issue|problem)\b/i;

/** Weight of quoting the message under such a heading, against the title's coverage (0–1). */
const SECTION_WEIGHT = 0.25;

/**
 * How plainly an article presents a matched message: the share of the message's distinct words
 * (masked values aside) that its title has, plus a little for a Symptoms-like section.
 */
export function prominence(title: string, message: string, section: string): number {
  const words = new Set(tokenizeErrorText(message).tokens.filter((t) => t.kind !== 'mask').map((t) => t.t));
  const titleWords = new Set(tokenizeErrorText(title).tokens.map((t) => t.t));
  let shared = 0;
  for (const w of words) if (titleWords.has(w)) shared++;
  const cover = words.size ? shared / words.size : 0;
  return cover + (STATES_THE_ERROR.test(section.trim()) ? SECTION_WEIGHT : 0);
}

/** A result list entry as the tie-break sees it. */
export interface Ranked {
  /** Which error of the paste it answers. */
  part: number;
  /** The index's score, unrounded: ties are exact. */
  score: number;
  /** The error's best candidate by the index. */
  first: boolean;
  confident: boolean;
  title: string;
  message: string;
  section: string;
}

/**
 * Reorders `list` in place: for each error, among its first entry and the entries of the same
 * error with exactly its score, the most prominent takes the first entry's place and its
 * confidence. Equal prominence keeps the index's order.
 */
export function breakTies<T extends Ranked>(list: T[]): void {
  list.forEach((top, at) => {
    if (!top.first) return;
    const tied = list.flatMap((x, i) => (i !== at && x.part === top.part && !x.first && x.score === top.score ? [i] : []));
    // Most lookups have no tie: tokenizing titles for them would be wasted time.
    if (!tied.length) return;
    let best = at;
    let bestP = prominence(top.title, top.message, top.section);
    for (const i of tied) {
      const p = prominence(list[i]!.title, list[i]!.message, list[i]!.section);
      if (p > bestP) { best = i; bestP = p; }
    }
    if (best === at) return;
    const winner = list[best]!;
    [winner.first, top.first] = [true, false];
    [winner.confident, top.confident] = [top.confident, false];
    list[at] = winner;
    list[best] = top;
  });
}
