/**
 * Builds the static lookup index. Output is deterministic: articles are sorted by
 * source, messages de-duplicated by template per article, every list sorted.
 *
 * Size bounds: each feature keeps at most `maxPostings` postings (the shortest
 * messages, where the feature matters most), so a shard's size does not grow with
 * the corpus; the number of shards grows instead (`total / shardBytes`).
 */
import { fingerprint, featureWeight } from './fingerprint';
import { ByteWriter, varintSize } from './varint';
import { INDEX_VERSION, docPath, manifestPath, postingPath, quantizeNorm, shardOf, type DocChunk, type Manifest } from './format';
import type { BuildLookupOptions, LookupArticleInput, LookupIndexFile } from './types';

const DISPLAY_CHARS = 400;
const SUMMARY_CHARS = 280;
const DOC_CHUNK = 12;

interface IndexedMessage { article: number; msg: number; text: string; anchor: string; section: string; hashes: number[]; identMask: boolean[]; norm: number }

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

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : t.slice(0, n - 1).trimEnd() + '…';
}

export function buildLookupIndex(articles: LookupArticleInput[], opts: BuildLookupOptions = {}): LookupIndexFile[] {
  const base = opts.base ?? '_kb/lookup';
  const shardBytes = opts.shardBytes ?? 3072;
  const maxPostings = opts.maxPostings ?? 400;
  const maxPerArticle = opts.maxMessagesPerArticle ?? 5000;

  const sorted = articles.slice().sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const messages: IndexedMessage[] = [];
  const perArticle: IndexedMessage[][] = [];
  const df = new Map<number, number>();
  const identHash = new Set<number>();
  const anchorOf = new Map<number, number>();

  sorted.forEach((art, ai) => {
    const seen = new Set<string>();
    const list: IndexedMessage[] = [];
    const artHashes = new Set<number>();
    for (const m of art.messages) {
      if (list.length >= maxPerArticle) break;
      const fp = fingerprint(m.text);
      if (fp.features.length === 0 || seen.has(fp.template)) continue;
      seen.add(fp.template);
      const im: IndexedMessage = {
        article: ai, msg: list.length, text: clip(m.text, DISPLAY_CHARS), anchor: m.anchor, section: m.section,
        hashes: fp.features.map((f) => f.h), identMask: fp.features.map((f) => f.ident), norm: 0,
      };
      fp.features.forEach((f) => { artHashes.add(f.h); anchorOf.set(f.h, f.a); if (f.ident) identHash.add(f.h); });
      list.push(im);
      messages.push(im);
    }
    for (const h of artHashes) df.set(h, (df.get(h) ?? 0) + 1);
    perArticle.push(list);
  });

  const n = sorted.length;
  const postings = new Map<number, IndexedMessage[]>();
  for (const m of messages) {
    let norm = 0;
    m.hashes.forEach((h, i) => { norm += featureWeight(df.get(h) ?? 1, n, m.identMask[i]); });
    m.norm = norm;
    for (const h of m.hashes) {
      const list = postings.get(h);
      if (list) list.push(m); else postings.set(h, [m]);
    }
  }

  // Cap long posting lists: keep the messages where the feature weighs most (smallest norm).
  const hashes = [...postings.keys()].sort((a, b) => a - b);
  let estimate = 0;
  const family = new Map<number, number>();
  for (const h of hashes) {
    let list = postings.get(h)!;
    if (list.length > maxPostings) {
      list = list.slice().sort((a, b) => a.norm - b.norm || a.article - b.article || a.msg - b.msg).slice(0, maxPostings);
      list.sort((a, b) => a.article - b.article || a.msg - b.msg);
      postings.set(h, list);
    }
    const bytes = entryBytes(list);
    estimate += bytes;
    const a = anchorOf.get(h)!;
    family.set(a, (family.get(a) ?? 0) + bytes);
  }
  const shards = Math.max(1, Math.ceil(estimate / shardBytes));
  // A common word's family (its unigram and every bigram it starts) would overfill one shard.
  const heavy = [...family].filter(([, bytes]) => bytes > shardBytes).map(([a]) => a).sort((x, y) => x - y);
  const heavySet = new Set(heavy);
  const byShard: number[][] = Array.from({ length: shards }, () => []);
  for (const h of hashes) byShard[shardOf({ h, a: anchorOf.get(h)! }, shards, heavySet)].push(h);

  const files: LookupIndexFile[] = [];
  const manifest: Manifest = { v: INDEX_VERSION, articles: n, messages: messages.length, shards, docChunk: DOC_CHUNK, heavy };
  files.push({ path: manifestPath(base), data: JSON.stringify(manifest) });

  byShard.forEach((list, s) => {
    const w = new ByteWriter();
    w.varint(list.length);
    let prevH = 0;
    for (const h of list) {
      w.varint(h - prevH);
      prevH = h;
      w.varint(((df.get(h) ?? 1) * 2 + (identHash.has(h) ? 1 : 0)) >>> 0);
      const ps = postings.get(h)!;
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
    const meta: DocChunk[0] = [art.url, art.title, art.source, clip(art.summary, SUMMARY_CHARS)];
    for (let c = 0; c < chunks; c++) {
      const msgs = list.slice(c * DOC_CHUNK, (c + 1) * DOC_CHUNK).map((m) => [m.text, m.anchor, m.section] as [string, string, string]);
      const chunk: DocChunk = [meta, msgs];
      files.push({ path: docPath(base, ai, c), data: JSON.stringify(chunk) });
    }
  });
  return files;
}
