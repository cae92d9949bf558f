/**
 * Query side of the lookup. For each error in the paste: choose a bounded set of
 * posting shards (identifiers first, then whole word families by anchor hash — a
 * deterministic sample), use every paste feature those shards hold, score messages
 * by weighted containment, keep the best message per article, and fetch display
 * data (one file) for the winners only. In a browser each request costs more than
 * its bytes, so the shard budget, not the byte count, sets the latency.
 */
import { tokenizeErrorText } from '../errors/normalize';
import { innerErrorSpans } from '../errors/inner-error';
import { splitErrorSpans, type ErrorSpan } from '../errors/split';
import { featuresOf, featureWeight, fingerprint, type Feature } from './fingerprint';
import { IndexUnavailableError } from './index-error';
import { mergeRanges } from './ranges';
import { breakTies } from './tie-break';
import { ByteReader } from './varint';
import { INDEX_VERSION, dequantizeNorm, docPath, manifestPath, postingPath, shardOf, type DocChunk, type Manifest } from './format';
import type { FetchFile, Lookup, LookupOptions, LookupResult, LookupStats } from './types';

/** Tuning, global for all queries (never per query). */
export const QUERY_TUNING = {
  /** Most posting shards fetched per paste, shared by its errors (bounds requests). */
  maxShards: 6,
  /** Most identifier features that may claim a shard of their own. */
  maxIdentifiers: 6,
  /** Weight of a paste feature absent from the index, as a fraction of the rarest weight. */
  unknownWeight: 0.6,
  /** score = pasteInMessage * a + messageInPaste * (1 - a). */
  pasteWeight: 0.7,
  /** Fewest paste features a message must share to be a candidate, unless one is an identifier: one plain word is not evidence. */
  minHits: 2,
  /** Results below this fraction of the best score are not returned. */
  keepFraction: 0.5,
  minScore: 0.12,
  /** Floor for results other than each error's best: weak extra candidates cost a request each and rarely help. */
  minOtherScore: 0.2,
  confidentScore: 0.55,
  confidentPasteContainment: 0.5,
  confidentMargin: 0.08,
  sureScore: 0.8,
  /** Most candidates that tie with an error's best and are weighed by `breakTies`, the best included. */
  maxTied: 4,
};

interface Entry { df: number; ident: boolean; articles: Uint32Array; msgs: Uint32Array; norms: Uint8Array }

interface Candidate {
  article: number;
  msg: number;
  /** Summed weight of the paste's features that the message has. */
  sharedWeight: number;
  /** The message's own feature weight (its norm). */
  norm: number;
  hits: number;
  identHits: number;
  score: number;
  /** Share of the sampled paste's feature weight the message holds. */
  pasteContainment: number;
  /** The span of the paste it was scored on (an error, or an error it wraps). */
  span: number;
}

function decodeShard(data: Uint8Array): Map<number, Entry> {
  const r = new ByteReader(data);
  const out = new Map<number, Entry>();
  const count = r.varint();
  let h = 0;
  for (let i = 0; i < count; i++) {
    h += r.varint();
    const dfi = r.varint();
    const n = r.varint();
    const articles = new Uint32Array(n), msgs = new Uint32Array(n), norms = new Uint8Array(n);
    let a = 0;
    for (let k = 0; k < n; k++) { a += r.varint(); articles[k] = a; msgs[k] = r.varint(); norms[k] = r.byte(); }
    out.set(h >>> 0, { df: Math.floor(dfi / 2), ident: dfi % 2 === 1, articles, msgs, norms });
  }
  return out;
}

/** Bytes of a fetched file (a fetcher may hand binary shards over as a Latin-1 string). */
export function toBytes(d: string | Uint8Array): Uint8Array {
  if (typeof d !== 'string') return d;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = d.charCodeAt(i) & 0xff;
  return out;
}
const sizeOf = (d: string | Uint8Array): number => (typeof d === 'string' ? new TextEncoder().encode(d).length : d.byteLength);

/** The index layout a query needs: shard count and heavy anchors. */
export interface ShardLayout { shards: number; heavy: ReadonlySet<number> }

/**
 * One error's shards in the order it wants them: its identifiers' first (smallest hashes), then
 * its word families in anchor-hash order, then the bigrams of heavy (common) words, and last those
 * words alone.
 *
 * A heavy word's features each take a shard of their own, so they compete for the budget one by
 * one. Its bigrams say far more than the word does: the word is common by definition (its family
 * overfilled a shard), and its unigram's entry is usually cut to the posting cap, so the heaviest
 * entry in the shard. The larger the corpus, the more words are heavy, so unigrams come last
 * (docs/decisions/2026-12-04-error-lookup-index-and-module.md).
 */
export function shardPriority(features: Feature[], layout: ShardLayout): number[] {
  const order = new Set<number>();
  for (const f of features.filter((x) => x.ident).slice(0, QUERY_TUNING.maxIdentifiers)) order.add(shardOf(f, layout.shards, layout.heavy));
  const light = [...new Set(features.filter((f) => !layout.heavy.has(f.a)).map((f) => f.a))].sort((x, y) => x - y);
  for (const a of light) order.add(a % layout.shards);
  const heavy = features.filter((f) => layout.heavy.has(f.a));
  for (const f of heavy) if (f.h !== f.a) order.add(f.h % layout.shards);
  for (const f of heavy) if (f.h === f.a) order.add(f.h % layout.shards);
  return [...order];
}

/** Shards for a whole paste: its errors take turns, each taking its next wanted shard, up to `budget`. */
export function chooseShards(wants: number[][], budget = QUERY_TUNING.maxShards): Set<number> {
  const chosen = new Set<number>();
  const next = wants.map(() => 0);
  for (let progressed = true; progressed && chosen.size < budget; ) {
    progressed = false;
    wants.forEach((list, i) => {
      while (next[i] < list.length && chosen.has(list[next[i]])) next[i]++;
      if (next[i] < list.length && chosen.size < budget) { chosen.add(list[next[i]++]); progressed = true; }
    });
  }
  return chosen;
}

/** Every feature of an error that lives in one of the fetched shards: all of them are scored, not just the ones that chose the shard. */
export function featuresIn(features: Feature[], layout: ShardLayout, fetched: { has(shard: number): boolean }): Feature[] {
  return features.filter((f) => fetched.has(shardOf(f, layout.shards, layout.heavy)));
}


/** A manifest with its heavy-anchor set, built once. */
interface Layout extends ShardLayout { m: Manifest }

const layoutOf = (m: Manifest | null): Layout | null =>
  m && m.v === INDEX_VERSION && m.shards > 0 ? { m, shards: m.shards, heavy: new Set(m.heavy ?? []) } : null;

/**
 * A lookup over an index read through `fetchFile`. `manifest`, when given (the published
 * module has it built in), saves fetching `manifest.json` before the first lookup.
 */
export function createLookup(fetchFile: FetchFile, base = '_kb/lookup', manifest?: Manifest): Lookup {
  const cache = new Map<string, Promise<unknown>>();
  const stats: LookupStats = { files: 0, bytes: 0 };

  const load = <T>(path: string, parse: (d: string | Uint8Array) => T, fallback: T): Promise<T> => {
    let p = cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = fetchFile(path).then(
        (d) => { stats.files++; stats.bytes += sizeOf(d); try { return parse(d); } catch { return fallback; } },
        (e: unknown) => { cache.delete(path); throw new IndexUnavailableError(path, e); },
      );
      cache.set(path, p);
    }
    return p;
  };
  const inline = manifest ? Promise.resolve(layoutOf(manifest)) : null;
  const layout = (): Promise<Layout | null> =>
    inline ?? load<Layout | null>(manifestPath(base), (d) => layoutOf(JSON.parse(typeof d === 'string' ? d : new TextDecoder().decode(d)) as Manifest), null);
  const shard = (i: number): Promise<Map<number, Entry>> => load(postingPath(base, i), (d) => decodeShard(toBytes(d)), new Map());
  const doc = (a: number, c: number): Promise<DocChunk | null> =>
    load<DocChunk | null>(docPath(base, a, c), (d) => JSON.parse(typeof d === 'string' ? d : new TextDecoder().decode(d)) as DocChunk, null);

  /** Scores one error's candidates over the fetched shards, using every feature of it they hold. */
  function rank(part: PartInfo, span: number, layout: Layout, maps: Map<number, Map<number, Entry>>): Candidate[] {
    const { m } = layout;
    const { features } = part;
    const sample = featuresIn(features, layout, maps);
    if (sample.length === 0) return [];
    const maxW = featureWeight(0, m.articles, false);
    let wSample = 0;
    const byMessage = new Map<number, Candidate>();
    for (const f of sample) {
      const e = maps.get(shardOf(f, m.shards, layout.heavy))?.get(f.h);
      if (!e) { wSample += maxW * QUERY_TUNING.unknownWeight * (f.ident ? 1.5 : 1); continue; }
      const w = featureWeight(e.df, m.articles, e.ident);
      wSample += w;
      for (let k = 0; k < e.articles.length; k++) {
        const key = e.articles[k] * 65536 + e.msgs[k];
        let c = byMessage.get(key);
        if (!c) { c = { article: e.articles[k], msg: e.msgs[k], sharedWeight: 0, norm: dequantizeNorm(e.norms[k]), hits: 0, identHits: 0, score: 0, pasteContainment: 0, span }; byMessage.set(key, c); }
        c.sharedWeight += w;
        c.hits++;
        if (f.ident) c.identHits++;
      }
    }
    const scale = features.length / sample.length;
    const a = QUERY_TUNING.pasteWeight;
    const best = new Map<number, Candidate>();
    for (const c of byMessage.values()) {
      if (c.hits < QUERY_TUNING.minHits && c.identHits === 0) continue;
      c.pasteContainment = wSample > 0 ? c.sharedWeight / wSample : 0;
      const messageCoverage = Math.min(1, (c.sharedWeight * scale) / Math.max(c.norm, 1e-6));
      c.score = a * c.pasteContainment + (1 - a) * messageCoverage;
      const prev = best.get(c.article);
      if (!prev || c.score > prev.score || (c.score === prev.score && c.msg < prev.msg)) best.set(c.article, c);
    }
    return [...best.values()];
  }

  /** An error's candidates: the best of each article over the error and the errors it wraps, best first. */
  function rankError(spans: number[], infos: PartInfo[], layout: Layout, maps: Map<number, Map<number, Entry>>): { cands: Candidate[]; features: Feature[] } {
    const best = new Map<number, Candidate>();
    for (const span of spans) {
      for (const c of rank(infos[span], span, layout, maps)) {
        const prev = best.get(c.article);
        if (!prev || c.score > prev.score) best.set(c.article, c);
      }
    }
    const cands = [...best.values()].sort((x, y) => y.score - x.score || x.article - y.article || x.msg - y.msg || x.span - y.span);
    return { cands, features: infos[spans[0]].features };
  }

  function isConfident(top: Candidate, next: Candidate | undefined, identifierOnly: boolean): boolean {
    const t = QUERY_TUNING;
    // A bare identifier ("500.19") that several articles document does not say which one applies.
    if (identifierOnly && next) return false;
    if (top.pasteContainment < t.confidentPasteContainment || top.score < t.confidentScore) return false;
    const margin = top.score - (next?.score ?? 0);
    return margin >= t.confidentMargin || top.score >= t.sureScore;
  }

  type PartInfo = { norm: ReturnType<typeof tokenizeErrorText>; features: Feature[] };
  async function resultFor(raw: string, partStart: number, part: PartInfo, c: Candidate, confident: boolean, errorIndex: number, m: Manifest): Promise<LookupResult | null> {
    const chunk = Math.floor(c.msg / m.docChunk);
    const d = await doc(c.article, chunk);
    const meta = d?.[0];
    const msg = d?.[1][c.msg - chunk * m.docChunk];
    if (!meta || !msg) return null;
    const { norm, features: pasteFeatures } = part;
    const msgHashes = new Set(fingerprint(msg[0]).features.map((f) => f.h));
    const ranges: Array<{ start: number; end: number }> = [];
    for (const f of pasteFeatures) {
      if (!msgHashes.has(f.h)) continue;
      for (const ti of f.tokens) { const tk = norm.tokens[ti]; ranges.push({ start: tk.start + partStart, end: tk.end + partStart }); }
    }
    void raw;
    return {
      url: meta[0], title: meta[1], source: meta[2], summary: meta[3],
      ...(meta.length > 4 ? { doc: meta[4] } : {}),
      score: Math.round(c.score * 1000) / 1000,
      confident,
      matched: { text: msg[0], anchor: msg[1], section: msg[2] },
      pasteMatches: mergeRanges(ranges),
      variables: norm.masked.map((v) => ({ type: v.type, value: v.value })),
      errorIndex,
    };
  }

  async function lookup(text: string, opts: LookupOptions = {}): Promise<LookupResult[]> {
    const limit = Math.max(1, Math.floor(opts.limit ?? 10));
    if (typeof text !== 'string' || text.trim() === '') return [];
    const l = await layout();
    if (!l) return [];
    const m = l.m;
    const parts = splitErrorSpans(text);
    // Each error, then the errors it wraps, each scored alone; all take turns in the shard budget, so a
    // short wrapped error is not read from shards chosen for the whole (mostly its error code).
    const spans: ErrorSpan[] = [...parts];
    const spansOf = parts.map((p, i) => [i, ...innerErrorSpans(text, p).map((inner) => spans.push(inner) - 1)]);
    const infos = spans.map((p): PartInfo => {
      const norm = tokenizeErrorText(text.slice(p.start, p.end));
      return { norm, features: featuresOf(norm.tokens) };
    });
    // One shard budget for the whole paste: a long log split into many records costs no more requests.
    const shardIds = [...chooseShards(infos.map((info) => shardPriority(info.features, l)))].sort((x, y) => x - y);
    const maps = new Map<number, Map<number, Entry>>();
    await Promise.all(shardIds.map(async (s) => { maps.set(s, await shard(s)); }));
    const ranked = spansOf.map((list) => rankError(list, infos, l, maps));
    // Each error's best article first, then the rest by score; one result per article.
    // `tied`: scores exactly as its error's best; fetched even past `limit`, for the tie-break.
    type Pick = { part: number; c: Candidate; first: boolean; confident: boolean; tied: boolean };
    const firsts: Pick[] = [];
    const rest: Pick[] = [];
    ranked.forEach((r, part) => {
      const top = r.cands[0];
      if (!top) return;
      const floor = Math.max(QUERY_TUNING.minScore, top.score * QUERY_TUNING.keepFraction);
      r.cands.forEach((c, i) => {
        if (c.score < floor || (i > 0 && c.score < QUERY_TUNING.minOtherScore)) return;
        const identifierOnly = r.features.length > 0 && r.features.every((f) => f.ident);
        const pick = { part, c, first: i === 0, confident: i === 0 && isConfident(top, r.cands[1], identifierOnly), tied: i > 0 && i < QUERY_TUNING.maxTied && c.score === top.score };
        (i === 0 ? firsts : rest).push(pick);
      });
    });
    rest.sort((x, y) => y.c.score - x.c.score || x.part - y.part || x.c.article - y.c.article);
    const chosen: Pick[] = [];
    const seen = new Set<number>();
    for (const p of [...firsts, ...rest]) {
      if (seen.has(p.c.article) || (chosen.length >= limit && !p.tied)) continue;
      seen.add(p.c.article);
      chosen.push(p);
    }
    const results = await Promise.all(
      chosen.map(async (p) => {
        const r = await resultFor(text, spans[p.c.span].start, infos[p.c.span], p.c, p.confident, p.part, m);
        return r && { result: r, part: p.part, score: p.c.score, first: p.first, confident: r.confident, title: r.title, message: r.matched.text, section: r.matched.section };
      }),
    );
    const list = results.filter((r) => r !== null);
    breakTies(list);
    return list.slice(0, limit).map((x) => ({ ...x.result, confident: x.confident }));
  }

  return { lookup, stats: () => ({ ...stats }) };
}
