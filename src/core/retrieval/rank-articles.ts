/**
 * Query side of the article index: analyze the input, choose a bounded set of shards, add up the
 * impacts of every query term they hold (OR semantics: an article needs no particular word), and
 * rank articles by that sum.
 */
import { classifyLine } from '../errors/noise';
import { innerErrorSpans } from '../errors/inner-error';
import { errorBlockSpans } from '../errors/split';
import { markupSpans } from './markup-spans';
import { mergeRanges, type Span } from '../lookup/ranges';
import { ByteReader } from '../lookup/varint';
import { IDENT_PREFIX, analyze, wordPairs, wordTerms, type TermOccurrence } from './analyzer';
import { identifierTerms } from './identifier-terms';
import { alternativeTerms, synonymGroups, type SynonymGroup } from './synonyms';
import { IMPACT_SCALE, idf, isIdentifier, isPair, pairWord, pairWords, shardOfTerm, termHash, type ArticleManifest } from './format';

/** Query tuning, global for all queries. */
export const QUERY_RANKING = {
  /** Most words and identifiers a query fetches; bounds requests. */
  maxKeys: 16,
  /** Most word pairs of spilled words a query fetches in its second round. */
  maxPairs: 16,
  /** An identifier term counts this much more than a word of the same rarity. */
  identifierWeight: 1.5,
  /** A word pair adds phrase evidence on top of its two words. */
  pairWeight: 0.5,
  /** Words seen only in console noise (a prompt, an echoed command, a stack frame) count this much. */
  noiseWeight: 0.2,
  /** Identifiers seen only on a shell's error-record lines (CategoryInfo, FullyQualifiedErrorId). */
  shellIdentifierWeight: 0.5,
  /** A term a synonym brought in counts this much against the query's own words. */
  synonymWeight: 0.6,
};

export interface ShardEntry {
  df: number;
  /** A word whose pairs are in shards of their own, not with it. */
  spilled: boolean;
  docs: Uint32Array;
  impacts: Uint8Array;
}

export function decodeArticleShard(data: Uint8Array): Map<number, ShardEntry> {
  const r = new ByteReader(data);
  const out = new Map<number, ShardEntry>();
  const count = r.varint();
  let h = 0;
  for (let i = 0; i < count; i++) {
    h += r.varint();
    const flagged = r.varint();
    const df = Math.floor(flagged / 2);
    const n = r.varint();
    const docs = new Uint32Array(n), impacts = new Uint8Array(n);
    let d = 0;
    for (let k = 0; k < n; k++) { d += r.varint(); docs[k] = d; impacts[k] = r.byte(); }
    out.set(h >>> 0, { df, spilled: flagged % 2 === 1, docs, impacts });
  }
  return out;
}

/** A query's terms: each distinct term with its occurrences in the input. */
export interface QueryTerms {
  terms: Map<string, TermOccurrence[]>;
  /** Weight of terms below 1: synonyms, and words seen only in console noise; 1 when absent. */
  weights: Map<string, number>;
  /** Words and identifiers in the order the query wants them fetched. */
  keys: string[];
  /** Word pairs in the order the query wants them: those of its first keys first. */
  pairs: string[];
  /** Hashes of the corpus's commonest words, which decide a pair's home word (format.ts pairWord). */
  common: ReadonlySet<number>;
  /** The concepts of the synonym table the query names: an article earns each concept once. */
  synonyms: SynonymGroup[];
}

/**
 * The query's terms, and the terms to fetch best first: identifiers, then words that are not among
 * the corpus's commonest in the order they first appear, then common words. Pairs follow their
 * words: a pair ranks by the first of its two words in that order. A short query keeps all.
 */
export function queryTerms(text: string, common: ReadonlySet<number>): QueryTerms {
  const words = wordTerms(text);
  const terms = new Map<string, TermOccurrence[]>();
  for (const t of [...analyze(text, words), ...wordPairs(text, words)]) {
    const list = terms.get(t.term);
    if (list) { if (list.length < 64) list.push(t); } else terms.set(t.term, [t]);
  }
  const keys = [...new Set([...terms.keys()].filter((t) => !isPair(t)))];
  const idents = keys.filter(isIdentifier);
  // Words seen only in console noise (stack frames, prompts, echoed commands, a shell's error-record
  // lines) come after the error's own words, and count less.
  const { dropped, shellLines, prefixes } = consoleNoise(text);
  const markup = markupSpans(text);
  const noise = mergeRanges([...dropped, ...shellLines, ...markup, ...prefixes], Infinity, 0);
  const inError = (k: string) => noise.length === 0 || terms.get(k)!.some((o) => !inSpans(noise, o.start));
  // A word that is all of an identifier (`AgentPoolsClient`, `0x80070005`) finds what the identifier finds.
  const identifierOnly = identifierWords(text, terms);
  const plain = keys.filter((k) => !isIdentifier(k) && inError(k) && !identifierOnly.has(k));
  // The words of a wrapped error ("Original Error: …", "--->") come before the wrapper's, common ones
  // too: the inner error is what an article documents, the wrapper is the tool's envelope.
  const inner = mergeRanges(errorBlockSpans(text).flatMap((p) => innerErrorSpans(text, p)), Infinity, 0);
  const inInner = (k: string) => inner.length > 0 && terms.get(k)!.some((o) => inSpans(inner, o.start));
  const quiet = keys.filter((k) => !isIdentifier(k) && !inError(k));
  const weights = new Map<string, number>();
  for (const k of quiet) weights.set(k, QUERY_RANKING.noiseWeight);
  // An identifier only on a PowerShell CategoryInfo or FullyQualifiedErrorId line names the shell's error class, not the product's error.
  if (shellLines.length) for (const k of idents) if (terms.get(k)!.every((o) => inSpans(shellLines, o.start))) weights.set(k, QUERY_RANKING.shellIdentifierWeight);
  // An identifier that is only an element or attribute name (`EventRecordID`) is the schema's, like its words.
  if (markup.length) for (const k of idents) if (terms.get(k)!.every((o) => inSpans(markup, o.start))) weights.set(k, QUERY_RANKING.noiseWeight);
  for (const [t, occurrences] of terms) if (isPair(t) && noise.length && occurrences.every((o) => inSpans(noise, o.start))) weights.set(t, QUERY_RANKING.noiseWeight);
  const rareFirst = (list: string[]) => [...list.filter((k) => !common.has(termHash(k))), ...list.filter((k) => common.has(termHash(k)))];
  const synonyms = synonymGroups(words.map((w) => w.term), terms);
  const added = alternativeTerms(synonyms);
  for (const t of added) { terms.set(t, []); weights.set(t, QUERY_RANKING.synonymWeight); }
  // Synonyms come last: they only add to what the query's own words find.
  const strongIdents = idents.filter((k) => !weights.has(k));
  const shellIdents = idents.filter((k) => weights.has(k));
  const ordered = [...strongIdents, ...rareFirst(plain.filter(inInner)), ...rareFirst(plain.filter((k) => !inInner(k))), ...rareFirst(quiet), ...shellIdents, ...added.filter((t) => !isPair(t))];
  const rank = new Map(ordered.map((k, i) => [k, i]));
  const pairRank = (p: string) => {
    const [a, b] = pairWords(p).map((w) => rank.get(w) ?? ordered.length);
    return Math.min(a, b) * (ordered.length + 1) + Math.max(a, b);
  };
  const synonymPairs = new Set(added);
  const pairs = [...terms.keys()].filter(isPair).map((p) => ({ p, r: synonymPairs.has(p) ? Infinity : pairRank(p) }));
  pairs.sort((x, y) => x.r - y.r || (x.p < y.p ? -1 : x.p > y.p ? 1 : 0));
  return { terms, weights, keys: ordered, pairs: pairs.map((x) => x.p), common, synonyms };
}

/**
 * Words that only ever occur as the whole text of an identifier that its text alone makes
 * (`AgentPoolsClient`, `0x80070005`): every article that has the word has the identifier too. A
 * code that is an identifier only in context ("Status code 0000232a") keeps its word.
 */
function identifierWords(text: string, terms: ReadonlyMap<string, TermOccurrence[]>): Set<string> {
  const whole: Span[] = [];
  // The identifier terms each distinct text makes alone: a paste repeats its identifiers.
  const alone = new Map<string, Set<string>>();
  for (const [t, list] of terms) {
    if (!isIdentifier(t)) continue;
    for (const o of list) {
      const source = text.slice(o.start, o.end);
      if (/\s/.test(source)) continue;
      let made = alone.get(source);
      if (!made) alone.set(source, (made = new Set(identifierTerms(source).map((x) => IDENT_PREFIX + x.term))));
      if (made.has(t)) whole.push({ start: o.start, end: o.end });
    }
  }
  const out = new Set<string>();
  if (!whole.length) return out;
  const spans = mergeRanges(whole, Infinity, 0);
  for (const [t, list] of terms) {
    if (isIdentifier(t) || isPair(t) || list.length >= 64) continue;
    if (list.every((o) => (spanAt(spans, o.start)?.end ?? -1) >= o.end)) out.add(t);
  }
  return out;
}

/**
 * How the console-noise table reads a paste, line by line, as spans in order: the lines it drops
 * whole, the shell's error-record lines (identifiers only), and the log prefixes (timestamps,
 * levels, thread and source fields) it strips from the lines it keeps.
 */
export function consoleNoise(text: string): { dropped: Span[]; shellLines: Span[]; prefixes: Span[] } {
  const dropped: Span[] = [], shellLines: Span[] = [], prefixes: Span[] = [];
  let a = 0;
  while (a <= text.length) {
    let b = text.indexOf('\n', a);
    if (b < 0) b = text.length;
    if (b > a) {
      const line = classifyLine(text.slice(a, b));
      if (line.action === 'drop') dropped.push({ start: a, end: b });
      else if (line.action === 'identifiers-only') shellLines.push({ start: a, end: b });
      else if (line.stripped) prefixes.push({ start: a, end: a + line.start });
    }
    a = b + 1;
  }
  return { dropped, shellLines, prefixes };
}

/** The one of `spans` (in order, not overlapping) that `pos` lies in, if any. */
function spanAt(spans: readonly Span[], pos: number): Span | null {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < spans[mid].start) hi = mid - 1;
    else if (pos >= spans[mid].end) lo = mid + 1;
    else return spans[mid];
  }
  return null;
}

/** Whether `pos` lies in one of `spans` (in order, not overlapping). */
const inSpans = (spans: readonly Span[], pos: number): boolean => spanAt(spans, pos) !== null;

export interface ArticleScore {
  doc: number;
  score: number;
  /** Query terms found in the article. */
  matched: string[];
}

/**
 * Where the query's pairs are, once its words' shards are in: a pair whose home word was fetched is
 * in that word's shard, or, when the word is spilled, in the shard its own hash names (`second`:
 * those shards, fetched in a second round, at most `maxPairs` pairs). Pairs of words not fetched
 * are left out.
 */
export function placePairs(q: QueryTerms, chosen: ReadonlySet<string>, m: ArticleManifest, shards: ReadonlyMap<number, Map<number, ShardEntry>>, maxPairs = QUERY_RANKING.maxPairs): { place: Map<string, number>; second: number[] } {
  const place = new Map<string, number>();
  const second = new Set<number>();
  let apart = 0;
  for (const p of q.pairs) {
    const home = pairWord(p, q.common);
    if (!chosen.has(home)) continue;
    const homeShard = shardOfTerm(home, m.shards);
    const entry = shards.get(homeShard)?.get(termHash(home));
    if (!entry) continue;
    if (!entry.spilled) { place.set(p, homeShard); continue; }
    if (apart++ >= maxPairs) continue;
    const s = shardOfTerm(p, m.shards);
    place.set(p, s);
    if (!shards.has(s)) second.add(s);
  }
  return { place, second: [...second].sort((a, b) => a - b) };
}

/**
 * Scores articles over the fetched shards. `shards` maps shard number → decoded shard; `pairPlace`
 * says which shard holds each pair the query looks for (placePairs).
 */
export function scoreArticles(q: QueryTerms, chosenKeys: ReadonlySet<string>, m: ArticleManifest, shards: ReadonlyMap<number, Map<number, ShardEntry>>, pairPlace: ReadonlyMap<string, number> = new Map()): ArticleScore[] {
  const byArticle = new Map<number, ArticleScore>();
  const alternative = new Set(alternativeTerms(q.synonyms));
  const grouped = new Set([...alternative, ...q.synonyms.flatMap((g) => g.own)]);
  // What each term of a synonym group adds to each article, settled per concept below.
  const parts = new Map<string, Map<number, number>>();
  for (const term of q.terms.keys()) {
    const at = isPair(term) ? pairPlace.get(term) : chosenKeys.has(term) ? shardOfTerm(term, m.shards) : undefined;
    if (at === undefined) continue;
    const e = shards.get(at)?.get(termHash(term));
    if (!e) continue;
    const w = idf(e.df, m.articles) * (q.weights.get(term) ?? 1) * (isIdentifier(term) ? QUERY_RANKING.identifierWeight : isPair(term) ? QUERY_RANKING.pairWeight : 1);
    const part = grouped.has(term) ? new Map<number, number>() : null;
    if (part) parts.set(term, part);
    for (let k = 0; k < e.docs.length; k++) {
      const doc = e.docs[k];
      let s = byArticle.get(doc);
      if (!s) byArticle.set(doc, (s = { doc, score: 0, matched: [] }));
      const add = (w * e.impacts[k]) / IMPACT_SCALE;
      part?.set(doc, add);
      if (!alternative.has(term)) s.score += add;
      s.matched.push(term);
    }
  }
  if (parts.size) for (const g of q.synonyms) addConceptCredit(g, parts, byArticle);
  return [...byArticle.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/**
 * A concept counts once per article: the best of the query's own wording and each other phrase of
 * its row. The own wording is already in the score, so a synonym adds only what it finds beyond it.
 */
function addConceptCredit(g: SynonymGroup, parts: ReadonlyMap<string, Map<number, number>>, byArticle: ReadonlyMap<number, ArticleScore>): void {
  const sum = (terms: readonly string[], doc: number) => terms.reduce((n, t) => n + (parts.get(t)?.get(doc) ?? 0), 0);
  const docs = new Set(g.alternatives.flat().flatMap((t) => [...(parts.get(t)?.keys() ?? [])]));
  for (const doc of docs) {
    const best = Math.max(...g.alternatives.map((terms) => sum(terms, doc)));
    const beyond = best - sum(g.own, doc);
    if (beyond > 0) byArticle.get(doc)!.score += beyond;
  }
}

/** The words and identifiers a query fetches first; their shards bring most of its pairs too. */
export function chooseKeys(q: QueryTerms, max = QUERY_RANKING.maxKeys): string[] {
  return q.keys.slice(0, max);
}

/**
 * Fetches what a query needs of the article index and ranks by it: its words' shards, then, in a
 * second round, the shards of its spilled words' pairs. `shard` loads and decodes one shard.
 */
export async function rankArticles(q: QueryTerms, m: ArticleManifest, shard: (n: number) => Promise<Map<number, ShardEntry>>): Promise<{ scored: ArticleScore[]; keys: Set<string>; shards: number[] }> {
  const keys = new Set(chooseKeys(q));
  const first = [...new Set([...keys].map((k) => shardOfTerm(k, m.shards)))].sort((a, b) => a - b);
  const fetched = new Map(await Promise.all(first.map(async (s) => [s, await shard(s)] as const)));
  const pairs = placePairs(q, keys, m, fetched);
  for (const [s, d] of await Promise.all(pairs.second.map(async (s) => [s, await shard(s)] as const))) fetched.set(s, d);
  return { scored: scoreArticles(q, keys, m, fetched, pairs.place), keys, shards: [...first, ...pairs.second] };
}
