/**
 * THE retrieval engine behind every surface (header box, /search/, /lookup/, `lookup.js`, `kb
 * lookup`): whole-article ranking (rank-articles.ts) for any input, with the error fingerprint
 * lookup (../lookup/query.ts) as extra evidence on top. One list, best first, one entry per article.
 */
import { healHardWraps } from '../errors/hard-wrap';
import { readInput } from './read-input';
import { IndexUnavailableError } from '../lookup/index-error';
import { createLookup, toBytes } from '../lookup/query';
import { mergeRanges } from '../lookup/ranges';
import type { Manifest } from '../lookup/format';
import type { FetchFile, LookupOptions, LookupResult, LookupStats } from '../lookup/types';
import { ARTICLE_INDEX_VERSION, articleDocPath, articleManifestPath, articleShardPath, isPair, type ArticleDisplay, type ArticleManifest } from './format';
import { decodeArticleShard, queryTerms, rankArticles } from './rank-articles';
import { titleErrors, type TitleErrors } from './title-errors';

/** Most match ranges and variables a result carries. */
export const MAX_RANGES = 200;
export const MAX_VARIABLES = 50;

/**
 * Weight of the fingerprint lookup's score against the article ranking's (scaled to its best, 1), and
 * the factors on the word score of an article whose title names another error or the query's (title-errors.ts).
 */
export const EVIDENCE = { lookupWeight: 0.45, confidentBoost: 1.5, lookupLimit: 5, otherErrorFactor: 0.5, ownErrorFactor: 1.15 };

export interface RetrievalResult extends Omit<LookupResult, 'matched'> {
  /** The article's documented message that matched the paste, when one did. */
  matched: LookupResult['matched'] | null;
  /** URLs of the same article published in other folders. */
  also: string[];
}

export interface RetrievalAnswer {
  results: RetrievalResult[];
  /** The input was longer than READ_LIMIT: only its distinct error lines and first lines were read (read-input.ts). */
  truncated: boolean;
}

/** URLs of the copies that a (standing-for) URL answers for. */
function alsoOf(m: ArticleManifest | null, url: string): string[] {
  if (!m) return [];
  return Object.keys(m.copies).filter((k) => m.copies[k] === url).sort();
}

export interface Retrieval {
  search(text: string, opts?: LookupOptions): Promise<RetrievalAnswer>;
  lookup(text: string, opts?: LookupOptions): Promise<RetrievalResult[]>;
  stats(): LookupStats;
}

export function createRetrieval(fetchFile: FetchFile, base: string, lookupManifest?: Manifest, articleManifest?: ArticleManifest): Retrieval {
  const stats: LookupStats = { files: 0, bytes: 0 };
  const counting: FetchFile = async (path) => {
    const d = await fetchFile(path);
    stats.files++;
    stats.bytes += typeof d === 'string' ? new TextEncoder().encode(d).length : d.byteLength;
    return d;
  };
  const errors = createLookup(counting, base, lookupManifest);
  const cache = new Map<string, Promise<unknown>>();
  /** Loads a file once; a failure is thrown and forgotten, so a retry fetches again. */
  const load = <T>(path: string, parse: (d: string | Uint8Array) => T): Promise<T> => {
    let p = cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = counting(path).then(parse, (e: unknown) => { cache.delete(path); throw new IndexUnavailableError(path, e); });
      cache.set(path, p);
    }
    return p;
  };
  const text = (d: string | Uint8Array): string => (typeof d === 'string' ? d : new TextDecoder().decode(d));
  let manifestLoad: Promise<ArticleManifest | null> | null = null;
  const manifest = (): Promise<ArticleManifest | null> => {
    if (articleManifest) return Promise.resolve(articleManifest.v === ARTICLE_INDEX_VERSION ? articleManifest : null);
    manifestLoad ??= load(articleManifestPath(base), (d) => JSON.parse(text(d)) as ArticleManifest).then(
      (m) => (m.v === ARTICLE_INDEX_VERSION ? m : null),
      (e: unknown) => { manifestLoad = null; throw e; },
    );
    return manifestLoad;
  };
  let commonSet: { m: ArticleManifest; set: Set<number> } | null = null;
  const common = (m: ArticleManifest): Set<number> => {
    if (commonSet?.m !== m) commonSet = { m, set: new Set(m.common) };
    return commonSet.set;
  };
  const shard = (i: number) => load(articleShardPath(base, i), (d) => decodeArticleShard(toBytes(d)));
  const display = async (m: ArticleManifest, doc: number): Promise<ArticleDisplay> => {
    const chunk = Math.floor(doc / m.docChunk);
    const list = await load(articleDocPath(base, chunk), (d) => JSON.parse(text(d)) as ArticleDisplay[]);
    return list[doc - chunk * m.docChunk];
  };

  async function search(raw: string, opts: LookupOptions = {}): Promise<RetrievalAnswer> {
    const limit = Math.max(1, Math.floor(opts.limit ?? 10));
    if (typeof raw !== 'string' || raw.trim() === '') return { results: [], truncated: false };
    const input = readInput(raw);
    const m = await manifest();
    // Words a console cut at its width are read whole.
    const healed = healHardWraps(input.text);
    const toRaw = (i: number) => input.toRaw(healed.toInput(i));
    const q = m ? queryTerms(healed.text, common(m)) : null;
    const wordRanked = (m && q ? rankArticles(q, m, shard) : Promise.resolve({ scored: [] })).then(({ scored }) => {
      // The head's display data is fetched while the fingerprint lookup still runs: most of it is
      // shown, and waiting for the lookup first cost a round of requests. A failure here is left to
      // the fetch that needs the file (load() forgets it, so that one fetches again and reports it).
      if (m) for (const x of scored.slice(0, limit)) display(m, x.doc).catch(() => undefined);
      return scored;
    });
    const [scored, evidence] = await Promise.all([wordRanked, errors.lookup(input.text, { limit: EVIDENCE.lookupLimit })]);
    const best = scored[0]?.score ?? 0;
    const canonical = (url: string) => m?.copies[url] ?? url;

    // Candidates are keyed by article number; a fingerprint result from an index built without
    // numbers is keyed by its URL.
    interface Candidate { key: string; doc: number | null; score: number; terms: string[]; lookup: LookupResult | null }
    const byKey = new Map<string, Candidate>();
    const head = scored.slice(0, limit);
    // An article whose title names only errors the query does not name is about another error; one
    // whose title names the query's error is about it.
    const titles: TitleErrors = q && m ? await titleErrors(q, head, (doc) => display(m, doc)) : { other: new Set(), own: new Set() };
    // Without article numbers on the fingerprint side, join by URL: that needs the head's display data first.
    const byUrl = m && evidence.some((r) => r.doc === undefined) ? await Promise.all(head.map((s) => display(m, s.doc))) : null;
    head.forEach((s, i) => {
      const key = byUrl ? byUrl[i].url : `#${s.doc}`;
      const score = (best > 0 ? s.score / best : 0) * (titles.other.has(s.doc) ? EVIDENCE.otherErrorFactor : titles.own.has(s.doc) ? EVIDENCE.ownErrorFactor : 1);
      byKey.set(key, { key, doc: s.doc, score, terms: s.matched, lookup: null });
    });
    // A fingerprint match keeps its word evidence even when the article ranked below the head.
    const below = new Map(scored.slice(limit).map((s) => [s.doc, s]));
    for (const r of evidence) {
      const key = r.doc !== undefined ? `#${r.doc}` : canonical(r.url);
      let c = byKey.get(key);
      if (!c) {
        const s = r.doc !== undefined ? below.get(r.doc) : undefined;
        byKey.set(key, (c = { key, doc: r.doc ?? null, score: s && best > 0 ? s.score / best : 0, terms: s?.matched ?? [], lookup: null }));
      }
      if (c.lookup) continue;
      c.lookup = r;
      c.score += EVIDENCE.lookupWeight * r.score * (r.confident ? EVIDENCE.confidentBoost : 1);
    }
    const ranked = [...byKey.values()].sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, limit);
    // Display data only for what is shown, and not where the fingerprint result brought it.
    const shown = new Map<number, ArticleDisplay>();
    await Promise.all(ranked.map(async (c) => { if (c.doc !== null && !c.lookup && m) shown.set(c.doc, await display(m, c.doc)); }));

    const results = ranked.map((c): RetrievalResult => {
      const d = c.doc !== null ? shown.get(c.doc) ?? null : null;
      const l = c.lookup;
      const ranges = (l?.pasteMatches ?? []).map((r) => ({ start: input.toRaw(r.start), end: input.toRaw(r.end) }));
      if (q) for (const t of c.terms) if (!isPair(t)) for (const o of q.terms.get(t) ?? []) if (o.end > o.start) ranges.push({ start: toRaw(o.start), end: toRaw(o.end - 1) + 1 });
      return {
        url: d?.url ?? canonical(l!.url),
        title: d?.title ?? l!.title,
        source: d?.source ?? l!.source,
        summary: d?.summary ?? l!.summary,
        score: Math.round(c.score * 1000) / 1000,
        // Confident only when both kinds of evidence agree: the paste holds its message, and its words rank it first.
        confident: (l?.confident ?? false) && (scored.length === 0 || c.doc === scored[0].doc),
        matched: l?.matched ?? null,
        pasteMatches: mergeRanges(ranges, MAX_RANGES),
        variables: (l?.variables ?? []).slice(0, MAX_VARIABLES),
        errorIndex: l?.errorIndex ?? 0,
        also: d?.also ?? alsoOf(m, canonical(l!.url)),
      };
    });
    return { results, truncated: input.truncated };
  }

  return {
    search,
    lookup: async (t, o) => (await search(t, o)).results,
    stats: () => ({ ...stats }),
  };
}
