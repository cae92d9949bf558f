/**
 * Builds the static lookup index. Output is deterministic: articles are sorted by
 * source, messages de-duplicated by template per article, every list sorted.
 *
 * Size bounds: each feature keeps at most `maxPostings` postings and `maxEntryBytes`
 * encoded bytes (the shortest messages, where the feature matters most), so neither a
 * shard nor a common feature's entry grows with the corpus; the number of shards grows
 * instead (`total / shardBytes`).
 */
import { fingerprint, featureWeight, type Feature } from './fingerprint';
import { ByteWriter, varintSize } from './varint';
import { INDEX_VERSION, docPath, manifestPath, postingPath, quantizeNorm, shardOf, type DocChunk, type Manifest } from './format';
import type { BuildLookupOptions, LookupArticleInput, LookupIndexFile } from './types';

const DISPLAY_CHARS = 400;
const SUMMARY_CHARS = 280;
const DOC_CHUNK = 12;

interface IndexedMessage { article: number; msg: number; text: string; anchor: string; section: string; norm: number }

/**
 * Encoded bytes of one feature's entry in a shard (header estimated, postings exact): article-id
 * deltas widen as the corpus grows, so a fixed per-posting guess would let shards grow with it.
 */
function entryBytes(list: readonly IndexedMessage[]): number {
  let bytes = 8;
  let prev = 0;
  for (const p of list) { bytes += varintSize(p.article - prev) + varintSize(p.msg) + 1; prev = p.article; }
  return bytes;
}

/**
 * The postings a long list keeps: the most of the smallest-norm ones that fit both caps, in
 * (article, message) order. By bytes as well as by count: article-id deltas widen as the corpus
 * grows, so 400 postings weigh more at 50,000 articles than at 6,000, and a lookup's shards with them.
 */
function capPostings(list: IndexedMessage[], maxPostings: number, maxBytes: number): IndexedMessage[] {
  const byWeight = list.slice().sort((a, b) => a.norm - b.norm || a.article - b.article || a.msg - b.msg);
  const take = (k: number) => byWeight.slice(0, k).sort((a, b) => a.article - b.article || a.msg - b.msg);
  // Bytes only grow with k (a posting adds its own bytes, and splitting a delta never shrinks
  // the varints), so bisect on k.
  let lo = 1;
  let hi = Math.min(maxPostings, byWeight.length);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (entryBytes(take(mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return take(lo);
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : t.slice(0, n - 1).trimEnd() + '…';
}

/** References sorted by (hash, message): the hash and message of the i-th, and where it stood in the input. */
export interface SortedReferences {
  hash(i: number): number;
  message(i: number): number;
  index(i: number): number;
}

const DIGIT_BITS = 16;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/** One stable counting-sort pass of `order` (input positions) by the 16-bit digit of `keys` at `shift`. */
function radixPass(keys: Uint32Array | Int32Array, shift: number, order: Int32Array, out: Int32Array, counts: Int32Array): void {
  counts.fill(0);
  for (let i = 0; i < order.length; i++) counts[((keys[order[i]] >>> shift) & DIGIT_MASK) + 1]++;
  for (let d = 1; d < counts.length; d++) counts[d] += counts[d - 1];
  for (let i = 0; i < order.length; i++) out[counts[(keys[order[i]] >>> shift) & DIGIT_MASK]++] = order[i];
}

/**
 * Orders every (feature hash, message) reference by hash, then message: a stable radix sort of their
 * positions (message digits first, then hash digits), so each reference keeps its position in the
 * input and what the input knows of it. There are millions at 50,000 articles: Maps keyed by 32-bit
 * hashes (heap numbers in V8) had taken most of the index build, and finding each reference's
 * position again by `indexOf` in its message's feature list took a third of what was left.
 */
export function sortReferences(hashes: Uint32Array, messages: Int32Array, messageCount: number): SortedReferences {
  let order = new Int32Array(hashes.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let out = new Int32Array(hashes.length);
  const counts = new Int32Array((1 << DIGIT_BITS) + 1);
  const passes: Array<[Uint32Array | Int32Array, number]> = [];
  for (let shift = 0; shift < 32 && (shift === 0 || messageCount - 1 >>> shift > 0); shift += DIGIT_BITS) passes.push([messages, shift]);
  passes.push([hashes, 0], [hashes, DIGIT_BITS]);
  for (const [keys, shift] of passes) {
    radixPass(keys, shift, order, out, counts);
    [order, out] = [out, order];
  }
  return { hash: (i) => hashes[order[i]], message: (i) => messages[order[i]], index: (i) => order[i] };
}

/** The (feature, message) references as four parallel typed arrays that grow by doubling. */
class ReferenceBuffer {
  private cap = 1 << 16;
  private n = 0;
  private hash = new Uint32Array(this.cap);
  private message = new Int32Array(this.cap);
  private ident = new Uint8Array(this.cap);
  private anchor = new Uint32Array(this.cap);

  push(f: Feature, message: number): void {
    if (this.n === this.cap) this.grow();
    this.hash[this.n] = f.h;
    this.message[this.n] = message;
    this.ident[this.n] = f.ident ? 1 : 0;
    this.anchor[this.n] = f.a;
    this.n++;
  }

  private grow(): void {
    this.cap *= 2;
    const widen = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => { const b = make(this.cap); b.set(a); return b; };
    this.hash = widen(this.hash, (k) => new Uint32Array(k));
    this.message = widen(this.message, (k) => new Int32Array(k));
    this.ident = widen(this.ident, (k) => new Uint8Array(k));
    this.anchor = widen(this.anchor, (k) => new Uint32Array(k));
  }

  /** Views of the references pushed (not copies: a copy would briefly hold them three times over). */
  done(): { hash: Uint32Array; message: Int32Array; ident: Uint8Array; anchor: Uint32Array; count: number } {
    const n = this.n;
    return { hash: this.hash.subarray(0, n), message: this.message.subarray(0, n), ident: this.ident.subarray(0, n), anchor: this.anchor.subarray(0, n), count: n };
  }
}

export function buildLookupIndex(articles: LookupArticleInput[], opts: BuildLookupOptions = {}): LookupIndexFile[] {
  const base = opts.base ?? '_kb/lookup';
  // A lookup fetches a set number of shards (the paste's anchors, one per shard), so smaller shards
  // cut its bytes at the same recall (docs/decisions/2026-12-04-error-lookup-index-and-module.md).
  const shardBytes = opts.shardBytes ?? 2048;
  const maxPostings = opts.maxPostings ?? 400;
  const maxEntryBytes = opts.maxEntryBytes ?? 1280;
  const maxPerArticle = opts.maxMessagesPerArticle ?? 5000;

  const sorted = articles.slice().sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const messages: IndexedMessage[] = [];
  const perArticle: IndexedMessage[][] = [];
  // Every (feature, message) reference, laid out as each message is fingerprinted: keeping each
  // message's Feature objects until then (with their token lists) costs hundreds of MB at scale.
  const references = new ReferenceBuffer();

  sorted.forEach((art, ai) => {
    const seen = new Set<string>();
    const list: IndexedMessage[] = [];
    for (const m of art.messages) {
      if (list.length >= maxPerArticle) break;
      const fp = fingerprint(m.text);
      if (fp.features.length === 0 || seen.has(fp.template)) continue;
      seen.add(fp.template);
      const im: IndexedMessage = { article: ai, msg: list.length, text: clip(m.text, DISPLAY_CHARS), anchor: m.anchor, section: m.section, norm: 0 };
      for (const f of fp.features) references.push(f, messages.length);
      list.push(im);
      messages.push(im);
    }
    perArticle.push(list);
  });

  // References in (hash, message) order; each run of one hash is that feature's posting list.
  // Each reference with what its message says of that feature: its identifier flag and anchor.
  const { hash: refHash, message: refMsg, ident: refIdent, anchor: refAnchor, count: refCount } = references.done();
  const refs = sortReferences(refHash, refMsg, messages.length);
  const hashAt = refs.hash;
  const msgAt = refs.message;
  const identAt = (i: number) => refIdent[refs.index(i)];

  // One row per distinct hash: its reference run, document frequency, identifier flag, anchor.
  const runStart: number[] = [];
  for (let i = 0; i < refCount; i++) if (i === 0 || hashAt(i) !== hashAt(i - 1)) runStart.push(i);
  runStart.push(refCount);
  const distinct = runStart.length - 1;
  const hashes = new Uint32Array(distinct);
  const dfOf = new Int32Array(distinct);
  const identOf = new Uint8Array(distinct);
  const anchorOfRow = new Uint32Array(distinct);
  const n = sorted.length;
  for (let d = 0; d < distinct; d++) {
    const h = hashAt(runStart[d]);
    hashes[d] = h;
    let df = 0;
    let prevArticle = -1;
    let ident = 0;
    for (let i = runStart[d]; i < runStart[d + 1]; i++) {
      const m = messages[msgAt(i)];
      if (m.article !== prevArticle) { df++; prevArticle = m.article; }
      if (identAt(i)) ident = 1;
    }
    dfOf[d] = df;
    identOf[d] = ident;
    anchorOfRow[d] = refAnchor[refs.index(runStart[d + 1] - 1)];
    // A message's norm sums its features' weights in hash order, as its feature list is sorted.
    for (let i = runStart[d]; i < runStart[d + 1]; i++) {
      const m = messages[msgAt(i)];
      m.norm += featureWeight(df, n, identAt(i) === 1);
    }
  }

  // Cap long posting lists: keep the messages where the feature weighs most (smallest norm).
  // Capped lists are kept (few); the others are read off the sorted references when needed.
  const capped = new Map<number, IndexedMessage[]>();
  const postingsOf = (d: number): IndexedMessage[] => {
    const stored = capped.get(d);
    if (stored) return stored;
    const list: IndexedMessage[] = [];
    for (let i = runStart[d]; i < runStart[d + 1]; i++) list.push(messages[msgAt(i)]);
    if (list.length <= maxPostings && entryBytes(list) <= maxEntryBytes) return list;
    const kept = capPostings(list, maxPostings, maxEntryBytes);
    capped.set(d, kept);
    return kept;
  };
  let estimate = 0;
  const family = new Map<number, number>();
  for (let d = 0; d < distinct; d++) {
    const bytes = entryBytes(postingsOf(d));
    estimate += bytes;
    family.set(anchorOfRow[d], (family.get(anchorOfRow[d]) ?? 0) + bytes);
  }
  const shards = Math.max(1, Math.ceil(estimate / shardBytes));
  // A common word's family (its unigram and every bigram it starts) would overfill one shard.
  const heavy = [...family].filter(([, bytes]) => bytes > shardBytes).map(([a]) => a).sort((x, y) => x - y);
  const heavySet = new Set(heavy);
  const byShard: number[][] = Array.from({ length: shards }, () => []);
  for (let d = 0; d < distinct; d++) byShard[shardOf({ h: hashes[d], a: anchorOfRow[d] }, shards, heavySet)].push(d);

  const files: LookupIndexFile[] = [];
  const manifest: Manifest = { v: INDEX_VERSION, articles: n, messages: messages.length, shards, docChunk: DOC_CHUNK, heavy };
  files.push({ path: manifestPath(base), data: JSON.stringify(manifest) });

  byShard.forEach((rows, s) => {
    const w = new ByteWriter();
    w.varint(rows.length);
    let prevH = 0;
    for (const d of rows) {
      w.varint(hashes[d] - prevH);
      prevH = hashes[d];
      w.varint((dfOf[d] * 2 + identOf[d]) >>> 0);
      const ps = postingsOf(d);
      w.varint(ps.length);
      let prevA = 0;
      for (const p of ps) {
        w.varint(p.article - prevA);
        prevA = p.article;
        w.varint(p.msg);
        w.byte(quantizeNorm(p.norm));
      }
    }
    files.push({ path: postingPath(base, s), data: w.bytes() });
  });

  sorted.forEach((art, ai) => {
    const list = perArticle[ai];
    const chunks = Math.max(1, Math.ceil(list.length / DOC_CHUNK));
    const meta: DocChunk[0] = art.doc === undefined ? [art.url, art.title, art.source, clip(art.summary, SUMMARY_CHARS)] : [art.url, art.title, art.source, clip(art.summary, SUMMARY_CHARS), art.doc];
    for (let c = 0; c < chunks; c++) {
      const msgs = list.slice(c * DOC_CHUNK, (c + 1) * DOC_CHUNK).map((m) => [m.text, m.anchor, m.section] as [string, string, string]);
      const chunk: DocChunk = [meta, msgs];
      files.push({ path: docPath(base, ai, c), data: JSON.stringify(chunk) });
    }
  });
  return files;
}
