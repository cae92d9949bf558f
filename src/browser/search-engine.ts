/**
 * The search engine behind the header box and the search page: Pagefind full text
 * (loaded lazily from /pagefind/) plus, for pasted errors, the fingerprint lookup
 * (/_kb/lookup.js, optional). Returns plain data; rendering is elsewhere.
 */
import { fuseRankings, rankByEngine, type Combined, type HitOrigin } from '../core/search/combine';
import { excerptSegments, type ExcerptSegment } from '../core/search/excerpt';
import { STOPWORDS } from '../core/retrieval/stopwords';
import { analyzeQuery, type QueryAnalysis } from '../core/search/query-kind';
import { fullTextQueries, isIdentifierQuery, mentionsIdentifier } from '../core/search/search-terms';

export const FACETS = ['product', 'area', 'topic'] as const;
export type FacetName = (typeof FACETS)[number];
export type FacetSelection = Partial<Record<FacetName, string[]>>;
export type FacetCounts = Record<FacetName, Array<{ value: string; count: number }>>;

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Adds another bundle (a large site is indexed in several); searched together with this one. */
  mergeIndex(url: string, opts?: Record<string, unknown>): Promise<void>;
  search(term: string | null, opts?: Record<string, unknown>): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface LookupResult {
  url: string;
  title: string;
  summary?: string;
  score: number;
  confident: boolean;
  matched?: { text: string; anchor: string; section?: string } | null;
}
type LookupFn = (text: string, opts?: { limit?: number }) => Promise<LookupResult[]>;

export interface SearchHit {
  url: string;
  title: string;
  summary: string;
  product: string;
  area: string;
  date: string;
  excerpt: ExcerptSegment[];
  /** Cause and Solution sections that matched. */
  sections: Array<{ title: string; url: string }>;
  origin: HitOrigin;
  /** The article's error message the paste matched (fingerprint lookup only). */
  matched: string | null;
}

export interface SearchOutcome {
  text: string;
  analysis: QueryAnalysis;
  hits: SearchHit[];
  /** Full-text matches in all (before the limit). */
  total: number;
  facets: FacetCounts;
  /** Whether the fingerprint lookup ran (pasted error and lookup present). */
  lookupRan: boolean;
  /** Pagefind failed to load (no index built, or offline). */
  unavailable: boolean;
  ms: number;
}

export interface SearchRequest {
  text: string;
  filters?: FacetSelection;
  sort?: 'relevance' | 'date';
  limit?: number;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
const LOOKUP_URL = '/_kb/lookup.js';

// The URLs are variables so the bundler leaves these imports to the browser.
const importAtRuntime = (url: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ url);

let pagefindLoad: Promise<Pagefind | null> | null = null;
/** Loads Pagefind once; later calls share the promise. Resolves null when it cannot load. */
export function loadPagefind(): Promise<Pagefind | null> {
  pagefindLoad ??= (async () => {
    try {
      // Sites are indexed in several bundles (see src/build/pagefind-build.ts), listed in this file.
      const extra = fetch('/pagefind/bundles.json').then((r) => (r.ok ? r.json() : null)).catch(() => null);
      const pf = (await importAtRuntime(PAGEFIND_URL)) as unknown as Pagefind;
      await pf.options({ excerptLength: 26 });
      const bundles = (((await extra) as { bundles?: unknown[] } | null)?.bundles ?? []).filter(
        (url): url is string => typeof url === 'string' && url.startsWith('/pagefind/'),
      );
      // The primary index first (merged ones poll for its WebAssembly every 50 ms), then the rest at once.
      await pf.init();
      await Promise.all(bundles.map((url) => pf.mergeIndex(url)));
      // Searches report filter counts only once the filter index is loaded.
      await pf.filters().catch(() => null);
      return pf;
    } catch {
      return null;
    }
  })();
  return pagefindLoad;
}

let lookupLoad: Promise<LookupFn | null> | null = null;
/** Loads the fingerprint lookup once; null when the site has none. */
export function loadLookup(): Promise<LookupFn | null> {
  lookupLoad ??= (async () => {
    try {
      const mod = await importAtRuntime(LOOKUP_URL);
      return typeof mod.lookup === 'function' ? (mod.lookup as LookupFn) : null;
    } catch {
      return null;
    }
  })();
  return lookupLoad;
}

const emptyFacets = (): FacetCounts => ({ product: [], area: [], topic: [] });

function facetCounts(filters: Record<string, Record<string, number>> | undefined): FacetCounts {
  const out = emptyFacets();
  for (const name of FACETS) {
    out[name] = Object.entries(filters?.[name] ?? {})
      .filter(([, count]) => count > 0)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
  return out;
}

function pagefindFilters(selection: FacetSelection | undefined): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const name of FACETS) if (selection?.[name]?.length) out[name] = { any: selection[name]! };
  return out;
}

const hasFilters = (s: FacetSelection | undefined) => FACETS.some((n) => (s?.[n]?.length ?? 0) > 0);

/** Page URL without `index.html`, the form links use. */
const cleanUrl = (u: string) => u.replace(/index\.html$/, '');

function hitFromData(d: PagefindData, origin: HitOrigin): SearchHit {
  return {
    url: cleanUrl(d.url),
    title: d.meta.title ?? d.url,
    summary: d.meta.summary ?? '',
    product: d.meta.product ?? '',
    area: d.meta.area ?? '',
    date: d.meta.date ?? '',
    excerpt: excerptSegments(d.excerpt, STOPWORDS),
    sections: (d.sub_results ?? [])
      .filter((s) => s.url.includes('#'))
      .slice(0, 3)
      .map((s) => ({ title: s.title, url: cleanUrl(s.url) })),
    origin,
    matched: null,
  };
}

/** Lookup and full-text results, merged, as the hits a list shows. */
function toHits(combined: Array<Combined<LookupResult, SearchHit>>): SearchHit[] {
  return combined.map((c): SearchHit => {
    const hit = c.fulltext ?? {
      url: c.url,
      title: c.lookup!.title,
      summary: c.lookup!.summary ?? '',
      product: '',
      area: '',
      date: '',
      excerpt: [],
      sections: [],
      origin: c.origin,
      matched: null,
    };
    const matched = c.lookup?.matched;
    return {
      ...hit,
      origin: c.origin,
      matched: matched?.text ?? null,
      sections: matched?.anchor && c.origin !== 'fulltext' && !hit.sections.length ? [{ title: matched.section || 'Matching section', url: `${c.url}#${matched.anchor}` }] : hit.sections,
    };
  });
}

/**
 * Runs one search. Never throws: failures give an outcome with `unavailable` or fewer hits.
 * `onLookup` gets the fingerprint lookup's hits alone when they arrive before the full-text search
 * is done (the first Pagefind search on a page loads its indexes and takes a few hundred ms; the
 * lookup answers in tens), so a pasted error can show its article at once.
 */
export async function search(req: SearchRequest, onLookup?: (early: SearchOutcome) => void): Promise<SearchOutcome> {
  const started = performance.now();
  const analysis = analyzeQuery(req.text);
  const limit = req.limit ?? 10;
  const base: SearchOutcome = { text: req.text, analysis, hits: [], total: 0, facets: emptyFacets(), lookupRan: false, unavailable: false, ms: 0 };
  if (analysis.kind === 'empty') return { ...base, ms: performance.now() - started };

  // The retrieval engine orders every query; filters narrow full text, which has them, so the
  // engine sits out while they are on.
  const wantLookup = !hasFilters(req.filters);
  const lookupPromise: Promise<LookupResult[] | null> = wantLookup
    ? loadLookup().then((fn) => (fn ? fn(req.text, { limit }).catch(() => []) : null))
    : Promise.resolve(null);

  let done = false;
  if (onLookup) {
    void lookupPromise.then((lookup) => {
      if (done || !lookup?.length) return;
      const hits = toHits(rankByEngine(lookup, []).slice(0, limit));
      onLookup({ ...base, hits, total: hits.length, lookupRan: true, ms: performance.now() - started });
    });
  }

  const pf = await loadPagefind();
  let ranked: PagefindResult[] = [];
  let total = 0;
  let facets = emptyFacets();
  /** Result id → the identifier searches that found it, when only those did. */
  const onlyByIdentifier = new Map<string, string[]>();
  if (pf) {
    const opts: Record<string, unknown> = { filters: pagefindFilters(req.filters) };
    if (req.sort === 'date') opts.sort = { date: 'desc' };
    const queries = fullTextQueries(req.text, analysis);
    const responses = await Promise.all(queries.map((q) => pf.search(q, opts).catch(() => null)));
    const byId = new Map<string, PagefindResult>();
    const foundBy = new Map<string, string[]>();
    responses.forEach((r, i) => {
      for (const res of r?.results ?? []) {
        if (!byId.has(res.id)) byId.set(res.id, res);
        foundBy.set(res.id, [...(foundBy.get(res.id) ?? []), queries[i]]);
      }
    });
    for (const [id, qs] of foundBy) if (qs.every(isIdentifierQuery)) onlyByIdentifier.set(id, qs);
    const order = responses.length > 1 ? fuseRankings(responses.map((r) => (r?.results ?? []).map((x) => x.id))) : [...byId.keys()];
    ranked = order.map((id) => byId.get(id)!);
    total = byId.size;
    facets = facetCounts(responses.find((r) => r && r.results.length)?.filters ?? responses[0]?.filters);
  }
  const [loaded, lookup] = await Promise.all([
    Promise.all(ranked.slice(0, limit).map((r) => r.data().then((d) => ({ id: r.id, d })).catch(() => null))),
    lookupPromise,
  ]);
  // Prefix matches of an identifier (5.7.1 → 5.7.193) are dropped once their text is known.
  const datas = loaded.filter((x): x is { id: string; d: PagefindData } => {
    if (!x) return false;
    const qs = onlyByIdentifier.get(x.id);
    if (!qs || x.d.content === undefined) return true;
    return qs.some((q) => mentionsIdentifier(x.d.content!, q) || mentionsIdentifier(x.d.meta.title ?? '', q));
  }).map((x) => x.d);
  total -= loaded.length - datas.length;
  const fulltext = datas.filter((d): d is PagefindData => d !== null).map((d) => hitFromData(d, 'fulltext'));
  const hits = toHits(rankByEngine(lookup ?? [], fulltext).slice(0, limit));
  done = true;
  return { ...base, hits, total: Math.max(total, hits.length), facets, lookupRan: lookup !== null, unavailable: !pf, ms: performance.now() - started };
}
