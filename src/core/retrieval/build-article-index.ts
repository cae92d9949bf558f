/**
 * Builds the article index: BM25F impacts per (term, article), computed once at build time so a
 * query only adds them up. Each term keeps its highest-impact postings only (a fixed cap), so an
 * entry, and with it the bytes a query fetches, does not grow with the corpus.
 */
import type { LookupIndexFile } from '../lookup/types';
import { ByteWriter, varintSize } from '../lookup/varint';
import { foldCase } from './analyzer';
import { FIELDS, TERM_PAIR, type ArticleTerms, type CompactTerms, type Field } from './article-terms';
import {
  ARTICLE_INDEX_VERSION, IMPACT_SCALE, articleDocPath, articleManifestPath, articleShardPath,
  type ArticleDisplay, type ArticleManifest,
} from './format';

/** Field weights and length normalization of the ranking; global, never per query. */
export const RANKING = {
  weight: { title: 6, headings: 2, problem: 2, messages: 2, body: 1 } as Record<Field, number>,
  lengthNorm: { title: 0.5, headings: 0.6, problem: 0.6, messages: 0.6, body: 0.75 } as Record<Field, number>,
  k1: 1.2,
};

export interface BuildArticleIndexOptions {
  base: string;
  /** Most postings kept per term, highest impact first (default 160). */
  cap?: number;
  /** Target bytes of one shard (default 2048). */
  shardBytes?: number;
  /** Articles per display file (default 1: a display file per result costs less than the bytes of its neighbours). */
  docChunk?: number;
  /** A pair seen in fewer articles says no more than its words (default 2). */
  minPairDf?: number;
  /**
   * Most bytes of pairs a word keeps in its own shard (default 8 KB), so a query gets them with the
   * word. A word whose pairs take more is marked spilled, and its pairs go to shards of their own.
   */
  homePairBytes?: number;
}

/** Bytes of an entry's header and of a posting, as estimated for the home-pair budget. */
const ENTRY_BYTES = 8, POSTING_BYTES = 3;

const basename = (source: string): string => source.slice(source.lastIndexOf('/') + 1).toLowerCase();

/** Most of a title's words kept: the same article with its title edited in one copy. */
export const COPY_TITLE_OVERLAP = 0.7;

const foldedTitle = (title: string): string => foldCase(title).replace(/\s+/g, ' ').trim();
const titleWords = (folded: string): Set<string> => new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of two titles' words that they have in common (Jaccard). */
function overlap(x: Set<string>, y: Set<string>): number {
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / Math.max(1, x.size + y.size - both);
}

/**
 * The copy key of every article (by source): articles with one key are one article published more
 * than once. Copies share their file name, and their title, or most of its words when a copy's
 * title was edited. The key is the file name and the smallest folded title of the group, so it does
 * not depend on input order.
 */
export function copyKeys(inputs: readonly Pick<ArticleTerms, 'source' | 'title'>[]): Map<string, string> {
  const byName = new Map<string, Array<Pick<ArticleTerms, 'source' | 'title'>>>();
  for (const a of inputs) {
    const name = basename(a.source);
    const list = byName.get(name);
    if (list) list.push(a); else byName.set(name, [a]);
  }
  const out = new Map<string, string>();
  for (const [name, list] of byName) {
    // Union-find over the articles of one file name; a file name is rarely shared by more than a few.
    const parent = list.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
    const titles = list.map((a) => foldedTitle(a.title));
    const words = list.length > 1 ? titles.map(titleWords) : [];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (titles[i] === titles[j] || overlap(words[i], words[j]) >= COPY_TITLE_OVERLAP) parent[root(j)] = root(i);
      }
    }
    const groupTitle = new Map<number, string>();
    titles.forEach((t, i) => { const r = root(i); const g = groupTitle.get(r); if (g === undefined || t < g) groupTitle.set(r, t); });
    list.forEach((a, i) => out.set(a.source, name + '\n' + groupTitle.get(root(i))!));
  }
  return out;
}

/**
 * Articles published twice in one repository (see copyKeys) are one answer: the newest copy (by
 * date, then path) stands for all of them.
 */
export function copyGroups<A extends Pick<ArticleTerms, 'source' | 'url' | 'title' | 'date'>>(inputs: readonly A[]): { keep: A[]; also: Map<string, string[]>; copies: Record<string, string> } {
  const keys = copyKeys(inputs);
  const groups = new Map<string, A[]>();
  for (const a of inputs) {
    const key = keys.get(a.source)!;
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  const keep: A[] = [];
  const also = new Map<string, string[]>();
  const copies: Record<string, string> = {};
  for (const g of groups.values()) {
    g.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
    keep.push(g[0]);
    if (g.length > 1) {
      also.set(g[0].url, g.slice(1).map((c) => c.url));
      for (const c of g.slice(1)) copies[c.url] = g[0].url;
    }
  }
  keep.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
  return { keep, also, copies };
}

/** Every article's number in the index (copies share their stand-in's), from what copyGroups reads. */
export function articleNumbers(metas: readonly Pick<ArticleTerms, 'source' | 'url' | 'title' | 'date'>[]): Map<string, number> {
  const { keep, copies } = copyGroups(metas);
  return numbered(keep.map((m) => m.url), copies);
}

/** Numbers in the order kept; a copy takes its stand-in's. */
function numbered(kept: string[], copies: Record<string, string>): Map<string, number> {
  const docs = new Map(kept.map((url, doc) => [url, doc]));
  for (const [copy, rep] of Object.entries(copies)) docs.set(copy, docs.get(rep)!);
  return docs;
}

/** A growable typed array: postings are laid out as they are found, without an object per posting. */
class Grow<T extends Uint32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(public data: T, private readonly make: (n: number) => T) {}
  /** Room for `n` more values; a new array is zero-filled. */
  reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + n) size *= 2;
    const next = this.make(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = v;
  }
}
const grow32 = () => new Grow(new Uint32Array(1 << 16), (n) => new Uint32Array(n));

/** Term hash → term id, open addressing over typed arrays (a Map of 3 million numbers is the build's slowest part). */
class HashIds {
  private keys = new Uint32Array(1 << 16);
  private vals = new Int32Array(1 << 16).fill(-1);
  private size = 0;
  private slotOf(h: number, keys: Uint32Array, vals: Int32Array): number {
    const mask = keys.length - 1;
    let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    while (vals[i] !== -1 && keys[i] !== h) i = (i + 1) & mask;
    return i;
  }
  get(h: number): number {
    return this.vals[this.slotOf(h, this.keys, this.vals)];
  }
  set(h: number, id: number): void {
    if ((this.size + 1) * 2 > this.keys.length) {
      const keys = new Uint32Array(this.keys.length * 2), vals = new Int32Array(this.keys.length * 2).fill(-1);
      for (let i = 0; i < this.keys.length; i++) if (this.vals[i] !== -1) { const j = this.slotOf(this.keys[i], keys, vals); keys[j] = this.keys[i]; vals[j] = this.vals[i]; }
      this.keys = keys;
      this.vals = vals;
    }
    const i = this.slotOf(h, this.keys, this.vals);
    if (this.vals[i] === -1) this.size++;
    this.keys[i] = h;
    this.vals[i] = id;
  }
}

/** What the build keeps of an article once its terms are read: its display data, field lengths and a range of term slots. */
interface CompactArticle {
  meta: CompactTerms['meta'];
  lengths: number[];
  /** Its term slots are [first, end) of the shared slot arrays. */
  first: number;
  end: number;
}

/** BM25F impact of one slot (a term of one article): field-weighted, length-normalized frequency, saturated. */
function impactOf(tf: Uint16Array, slot: number, norms: Float64Array): number {
  let x = 0;
  for (let fi = 0; fi < FIELD_COUNT; fi++) {
    const c = tf[slot * FIELD_COUNT + fi];
    if (c) x += c * norms[fi];
  }
  return x / (RANKING.k1 + x);
}

const FIELD_COUNT = FIELDS.length;

/** Per field of one article: its weight over its length normalization, so an impact is a few multiplications. */
function fieldNorms(lengths: number[], avg: Record<Field, number>): Float64Array {
  const out = new Float64Array(FIELD_COUNT);
  FIELDS.forEach((f, fi) => {
    const b = RANKING.lengthNorm[f];
    out[fi] = RANKING.weight[f] / (1 - b + (b * lengths[fi]) / Math.max(1, avg[f]));
  });
  return out;
}

/**
 * Builds the index from articles read one at a time (`inputs` may be a generator over files): each
 * is laid into shared typed arrays of term ids and counts as it comes, so memory holds no parsed
 * article and no object per posting. Terms are known by their hash only; two terms with one hash
 * share postings.
 */
export function buildArticleIndex(inputs: Iterable<CompactTerms>, opts: BuildArticleIndexOptions): { files: LookupIndexFile[]; manifest: ArticleManifest; docs: Map<string, number> } {
  const cap = opts.cap ?? 160, shardBytes = opts.shardBytes ?? 2048, minPairDf = opts.minPairDf ?? 2, docChunk = opts.docChunk ?? 1;
  const homePairBytes = opts.homePairBytes ?? 8192;
  const ids = new HashIds();
  const termHashes = grow32(), termKeys = grow32(), termSeconds = grow32();
  const termFlags = new Grow(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
  const slotTerm = grow32();
  const slotTf = new Grow(new Uint16Array(1 << 16), (n) => new Uint16Array(n));
  const articles: CompactArticle[] = [];
  // Which article last used a term id, and its slot there: a term twice in one article (two
  // spellings with one hash) adds to the same slot.
  const lastArticle = grow32(), lastSlot = grow32();
  for (const a of inputs) {
    const first = slotTerm.length;
    const mark = articles.length + 1;
    const n = a.hashes.length;
    slotTerm.reserve(n);
    slotTf.reserve(n * FIELD_COUNT);
    for (let i = 0; i < n; i++) {
      const h = a.hashes[i];
      let id = ids.get(h);
      if (id === -1) {
        id = termHashes.length;
        ids.set(h, id);
        termHashes.push(h); termKeys.push(a.keys[i]); termSeconds.push(a.seconds[i]); termFlags.push(a.flags[i]);
        lastArticle.push(0); lastSlot.push(0);
      }
      let slot: number;
      if (lastArticle.data[id] === mark) slot = lastSlot.data[id];
      else {
        slot = slotTerm.length;
        lastArticle.data[id] = mark;
        lastSlot.data[id] = slot;
        slotTerm.data[slotTerm.length++] = id;
        slotTf.length += FIELD_COUNT;
      }
      const tf = slotTf.data;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const at = slot * FIELD_COUNT + f;
        const v = tf[at] + a.counts[i * FIELD_COUNT + f];
        tf[at] = v > 0xffff ? 0xffff : v;
      }
    }
    articles.push({ meta: a.meta, lengths: a.lengths, first, end: slotTerm.length });
  }
  const terms = termHashes.length;
  const pair = (id: number) => (termFlags.data[id] & TERM_PAIR) !== 0;

  const byUrl = new Map(articles.map((c) => [c.meta.url, c]));
  const { keep: keptMeta, also, copies } = copyGroups(articles.map((c) => c.meta));
  const keep = keptMeta.map((m) => byUrl.get(m.url)!);
  const n = keep.length;
  // An answer's terms are those of all its copies: a copy edited apart from the others keeps what it says.
  const members = keep.map((a) => [a, ...(also.get(a.meta.url) ?? []).map((u) => byUrl.get(u)!)]);
  const avg = {} as Record<Field, number>;
  FIELDS.forEach((f, fi) => { avg[f] = keep.reduce((s, a) => s + a.lengths[fi], 0) / Math.max(1, n); });
  /** Visits each term of a document once, however many of its copies hold it. */
  const seenIn = new Int32Array(terms).fill(-1);
  const eachTerm = (doc: number, visit: (id: number) => void) => {
    for (const a of members[doc]) {
      for (let slot = a.first; slot < a.end; slot++) {
        const id = slotTerm.data[slot];
        if (members[doc].length > 1) { if (seenIn[id] === doc) continue; seenIn[id] = doc; }
        visit(id);
      }
    }
  };

  const df = new Uint32Array(terms);
  for (let doc = 0; doc < n; doc++) eachTerm(doc, (id) => { df[id]++; });

  // The commonest words, which the manifest lists: a query fetches them last, so a pair whose first
  // word is one of them and whose second is not has its second as home word (format.ts pairWord).
  const commonDf = Math.max(50, n / 50);
  const isCommon = (id: number) => termFlags.data[id] === 0 && df[id] >= commonDf;
  const isCommonWord = (h: number) => { const id = ids.get(h); return id !== -1 && isCommon(id); };
  for (let id = 0; id < terms; id++) {
    if (pair(id) && isCommonWord(termKeys.data[id]) && !isCommonWord(termSeconds.data[id])) termKeys.data[id] = termSeconds.data[id];
  }

  // Postings grouped by term (a counting sort), each group in article order.
  const count = new Uint32Array(terms);
  const indexed = (id: number) => !pair(id) || df[id] >= minPairDf;
  seenIn.fill(-1);
  for (let doc = 0; doc < n; doc++) eachTerm(doc, (id) => { if (indexed(id)) count[id]++; });
  const offset = new Uint32Array(terms + 1);
  for (let id = 0; id < terms; id++) offset[id + 1] = offset[id] + count[id];
  const fill = offset.slice(0, terms);
  const postDoc = new Uint32Array(offset[terms]);
  const postImpact = new Uint8Array(offset[terms]);
  const impactAt = (slot: number, norms: Float64Array) => Math.max(1, Math.round(impactOf(slotTf.data, slot, norms) * IMPACT_SCALE));
  const post = (id: number, doc: number, impact: number) => {
    const at = fill[id]++;
    postDoc[at] = doc;
    postImpact[at] = impact;
  };
  for (let doc = 0; doc < n; doc++) {
    if (members[doc].length === 1) {
      const a = keep[doc];
      const norms = fieldNorms(a.lengths, avg);
      for (let slot = a.first; slot < a.end; slot++) if (indexed(slotTerm.data[slot])) post(slotTerm.data[slot], doc, impactAt(slot, norms));
      continue;
    }
    // Copies: a term's impact is its highest in any copy.
    const best = new Map<number, number>();
    for (const a of members[doc]) {
      const norms = fieldNorms(a.lengths, avg);
      for (let slot = a.first; slot < a.end; slot++) {
        const id = slotTerm.data[slot];
        if (indexed(id)) best.set(id, Math.max(best.get(id) ?? 0, impactAt(slot, norms)));
      }
    }
    for (const [id, impact] of best) post(id, doc, impact);
  }

  // Each term's entry: its top postings by impact, laid out by article for delta coding. Most
  // terms have no more than `cap` postings and are written straight from the grouped arrays.
  const capped = new Map<number, { docs: number[]; impacts: number[] }>();
  const entryIds: number[] = [];
  let total = 0;
  for (let id = 0; id < terms; id++) {
    if (!count[id]) continue;
    entryIds.push(id);
    const from = offset[id], to = offset[id + 1];
    let bytes = varintSize(df[id]) + 4;
    let prev = 0;
    if (to - from > cap) {
      const idx: number[] = [];
      for (let i = from; i < to; i++) idx.push(i);
      idx.sort((x, y) => postImpact[y] - postImpact[x] || postDoc[x] - postDoc[y]).length = cap;
      idx.sort((x, y) => postDoc[x] - postDoc[y]);
      const docs = idx.map((i) => postDoc[i]);
      capped.set(id, { docs, impacts: idx.map((i) => postImpact[i]) });
      bytes += varintSize(cap);
      for (const d of docs) { bytes += varintSize(d - prev) + 1; prev = d; }
    } else {
      bytes += varintSize(to - from);
      for (let i = from; i < to; i++) { bytes += varintSize(postDoc[i] - prev) + 1; prev = postDoc[i]; }
    }
    total += bytes;
  }
  // Each home word's pairs, by their estimated bytes: past the budget the word is spilled.
  const homeBytes = new Map<number, number>();
  for (const id of entryIds) {
    if (pair(id)) homeBytes.set(termKeys.data[id], (homeBytes.get(termKeys.data[id]) ?? 0) + ENTRY_BYTES + Math.min(count[id], cap) * POSTING_BYTES);
  }
  const spilled = (h: number) => (homeBytes.get(h) ?? 0) > homePairBytes;
  const shards = Math.max(1, Math.ceil(total / shardBytes));
  const byShard: number[][] = Array.from({ length: shards }, () => []);
  for (const id of entryIds) byShard[(pair(id) && !spilled(termKeys.data[id]) ? termKeys.data[id] : termHashes.data[id]) % shards].push(id);

  const files: LookupIndexFile[] = [];
  byShard.forEach((list, s) => {
    list.sort((x, y) => termHashes.data[x] - termHashes.data[y]);
    const w = new ByteWriter();
    w.varint(list.length);
    let h = 0;
    for (const id of list) {
      w.varint(termHashes.data[id] - h);
      h = termHashes.data[id];
      // The low bit marks a spilled word: its pairs are in shards of their own.
      w.varint(df[id] * 2 + (!pair(id) && spilled(termHashes.data[id]) ? 1 : 0));
      let prev = 0;
      const c = capped.get(id);
      if (c) {
        w.varint(c.docs.length);
        for (let k = 0; k < c.docs.length; k++) { w.varint(c.docs[k] - prev); prev = c.docs[k]; w.byte(c.impacts[k]); }
      } else {
        w.varint(offset[id + 1] - offset[id]);
        for (let i = offset[id]; i < offset[id + 1]; i++) { w.varint(postDoc[i] - prev); prev = postDoc[i]; w.byte(postImpact[i]); }
      }
    }
    files.push({ path: articleShardPath(opts.base, s), data: w.bytes() });
  });

  const displays = keep.map(({ meta: a }): ArticleDisplay => ({
    url: a.url, title: a.title, source: a.source, summary: a.summary.length > 200 ? a.summary.slice(0, 199) + '…' : a.summary,
    date: a.date, products: a.products, areas: a.areas, topic: a.topic, also: also.get(a.url) ?? [],
  }));
  for (let c = 0; c * docChunk < displays.length; c++) {
    files.push({ path: articleDocPath(opts.base, c), data: JSON.stringify(displays.slice(c * docChunk, (c + 1) * docChunk)) });
  }

  const common = entryIds.filter(isCommon).map((id) => termHashes.data[id]).sort((x, y) => x - y);
  const sortedCopies: Record<string, string> = {};
  for (const k of Object.keys(copies).sort()) sortedCopies[k] = copies[k];
  const manifest: ArticleManifest = { v: ARTICLE_INDEX_VERSION, articles: n, shards, docChunk, common: [...new Set(common)], copies: sortedCopies };
  files.push({ path: articleManifestPath(opts.base), data: JSON.stringify(manifest) });
  return { files, manifest, docs: numbered(keep.map((a) => a.meta.url), copies) };
}
