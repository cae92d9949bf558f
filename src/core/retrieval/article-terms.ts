/**
 * What the article index takes from one article: term counts per field, and the little a result
 * shows. The parser writes it beside the model, so the index build never reads whole models.
 */
import type { Article } from '../model/article';
import { ByteReader, ByteWriter } from '../lookup/varint';
import { analyze, forEachWordPair, pairTerm, wordPairs, wordTerms } from './analyzer';
import { isIdentifier, isPair, pairWords, termHash } from './format';

/** Fields of an article, each weighted on its own in the ranking (BM25F). */
export const FIELDS = ['title', 'headings', 'problem', 'messages', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/** Term counts of one field, and its length in terms. */
export interface FieldTerms {
  counts: Record<string, number>;
  length: number;
}

export interface ArticleTerms {
  source: string;
  url: string;
  title: string;
  summary: string;
  date: string | null;
  products: string[];
  areas: string[];
  topic: string;
  fields: Record<Field, FieldTerms>;
}

/** The text of each field. Body holds every section, so a word in the problem counts there too. */
export function fieldTexts(a: Article): Record<Field, string> {
  return {
    title: a.title,
    headings: a.headings.map((h) => h.text).join('\n'),
    problem: [a.description, a.summary, a.problem?.text ?? ''].join('\n'),
    messages: a.errorMessages.map((m) => m.text).join('\n'),
    body: a.sections.map((s) => s.text).join('\n'),
  };
}

/** Terms of one field's text: words, identifiers and adjacent word pairs. */
export function fieldTerms(text: string): FieldTerms {
  const tally = new Map<string, number>();
  const words = wordTerms(text);
  for (const t of analyze(text, words)) tally.set(t.term, (tally.get(t.term) ?? 0) + 1);
  for (const t of wordPairs(text, words)) tally.set(t.term, (tally.get(t.term) ?? 0) + 1);
  let length = 0;
  for (const [t, n] of tally) if (!isPair(t)) length += n;
  return { counts: Object.fromEntries(tally), length };
}

export function articleTermsOf(a: Article): ArticleTerms {
  const texts = fieldTexts(a);
  const fields = {} as Record<Field, FieldTerms>;
  for (const f of FIELDS) fields[f] = fieldTerms(texts[f]);
  return {
    source: a.source,
    url: a.url,
    title: a.title,
    summary: a.summary,
    date: a.date,
    products: a.products,
    areas: a.supportAreas.map((p) => p.join(' › ')),
    topic: a.topic,
    fields,
  };
}

/** Term flags in the compact form. */
export const TERM_PAIR = 1;
export const TERM_IDENTIFIER = 2;

/**
 * An article's terms as the index build takes them: numbers only. Each term is its hash, the hash of
 * the key it is sharded by, its flags, and its count in each field (FIELDS order). The parser
 * writes this form beside the model, so the build reads no term strings at all.
 */
export interface CompactTerms {
  meta: Omit<ArticleTerms, 'fields'>;
  /** Field lengths in terms, FIELDS order. */
  lengths: number[];
  hashes: Uint32Array;
  /** For a pair, the hash of its first word (the home word as the article alone can tell it); the term's own hash otherwise. */
  keys: Uint32Array;
  /** For a pair, the hash of its second word (the index build may make it the home word); 0 otherwise. */
  seconds: Uint32Array;
  flags: Uint8Array;
  /** Counts, FIELDS.length per term. */
  counts: Uint16Array;
}

/**
 * The compact form of an article's term rows (term → count per field, FIELDS order): terms ordered
 * by hash, which the index build reads them by, then by term.
 */
function packTerms(meta: CompactTerms['meta'], lengths: number[], rows: Map<string, ArrayLike<number>>): CompactTerms {
  const byHash = [...rows.keys()].map((t) => ({ t, h: termHash(t) }));
  byHash.sort((x, y) => x.h - y.h || (x.t < y.t ? -1 : x.t > y.t ? 1 : 0));
  const out: CompactTerms = {
    meta,
    lengths,
    hashes: new Uint32Array(byHash.length),
    keys: new Uint32Array(byHash.length),
    seconds: new Uint32Array(byHash.length),
    flags: new Uint8Array(byHash.length),
    counts: new Uint16Array(byHash.length * FIELDS.length),
  };
  byHash.forEach(({ t, h }, i) => {
    out.hashes[i] = h;
    out.keys[i] = termHash(isPair(t) ? pairWords(t)[0] : t);
    if (isPair(t)) out.seconds[i] = termHash(pairWords(t)[1]);
    out.flags[i] = (isPair(t) ? TERM_PAIR : 0) | (isIdentifier(t) ? TERM_IDENTIFIER : 0);
    out.counts.set(rows.get(t)!, i * FIELDS.length);
  });
  return out;
}

export function compactTerms(a: ArticleTerms): CompactTerms {
  const rows = new Map<string, number[]>();
  FIELDS.forEach((f, fi) => {
    const counts = a.fields[f].counts;
    for (const term of Object.keys(counts)) {
      let row = rows.get(term);
      if (!row) rows.set(term, (row = FIELDS.map(() => 0)));
      row[fi] = Math.min(counts[term], 0xffff);
    }
  });
  const { fields, ...meta } = a;
  return packTerms(meta, FIELDS.map((f) => fields[f].length), rows);
}

/**
 * `compactTerms(articleTermsOf(a))` without the intermediate per-field records: the parsers run it on
 * every article, and word pairs are tallied by their two words, never as joined strings until the end.
 */
export function compactTermsOf(a: Article): CompactTerms {
  const texts = fieldTexts(a);
  const rows = new Map<string, Uint16Array>();
  const pairRows = new Map<string, Map<string, Uint16Array>>();
  const lengths = FIELDS.map(() => 0);
  const bump = (row: Uint16Array, fi: number) => { if (row[fi] < 0xffff) row[fi]++; };
  FIELDS.forEach((f, fi) => {
    const text = texts[f];
    const words = wordTerms(text);
    for (const t of analyze(text, words)) {
      let row = rows.get(t.term);
      if (!row) rows.set(t.term, (row = new Uint16Array(FIELDS.length)));
      bump(row, fi);
      lengths[fi]++;
    }
    forEachWordPair(text, words, ({ term: a }, { term: b }) => {
      const [x, y] = a <= b ? [a, b] : [b, a];
      let second = pairRows.get(x);
      if (!second) pairRows.set(x, (second = new Map()));
      let row = second.get(y);
      if (!row) second.set(y, (row = new Uint16Array(FIELDS.length)));
      bump(row, fi);
    });
  });
  for (const [x, second] of pairRows) for (const [y, row] of second) rows.set(pairTerm(x, y), row);
  const meta = { source: a.source, url: a.url, title: a.title, summary: a.summary, date: a.date, products: a.products, areas: a.supportAreas.map((p) => p.join(' › ')), topic: a.topic };
  return packTerms(meta, lengths, rows);
}

const TERMS_FORMAT = 2;

/** The compact form as bytes: format, meta (JSON), lengths, then per term hash, key, flags, a pair's second word and counts. */
export function encodeTerms(c: CompactTerms): Uint8Array {
  const w = new ByteWriter();
  w.varint(TERMS_FORMAT);
  const meta = new TextEncoder().encode(JSON.stringify(c.meta));
  w.varint(meta.length);
  for (const b of meta) w.byte(b);
  for (const l of c.lengths) w.varint(l);
  w.varint(c.hashes.length);
  const u32 = (v: number) => { for (let k = 0; k < 4; k++) w.byte((v >>> (8 * k)) & 0xff); };
  for (let i = 0; i < c.hashes.length; i++) {
    u32(c.hashes[i]);
    u32(c.keys[i]);
    w.byte(c.flags[i]);
    if (c.flags[i] & TERM_PAIR) u32(c.seconds[i]);
    for (let f = 0; f < FIELDS.length; f++) w.varint(c.counts[i * FIELDS.length + f]);
  }
  return w.bytes();
}

/** Reads the bytes `encodeTerms` wrote; throws on anything else (a damaged or older file). */
export function decodeTerms(bytes: Uint8Array): CompactTerms {
  const r = new ByteReader(bytes);
  if (r.varint() !== TERMS_FORMAT) throw new Error('not a terms file of this format');
  const metaLength = r.varint();
  if (r.pos + metaLength > bytes.length) throw new RangeError('truncated terms file');
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(r.pos, r.pos + metaLength))) as CompactTerms['meta'];
  r.pos += metaLength;
  const lengths = FIELDS.map(() => r.varint());
  const n = r.varint();
  const c: CompactTerms = { meta, lengths, hashes: new Uint32Array(n), keys: new Uint32Array(n), seconds: new Uint32Array(n), flags: new Uint8Array(n), counts: new Uint16Array(n * FIELDS.length) };
  const u32 = () => (r.byte() | (r.byte() << 8) | (r.byte() << 16) | (r.byte() << 24)) >>> 0;
  for (let i = 0; i < n; i++) {
    c.hashes[i] = u32();
    c.keys[i] = u32();
    c.flags[i] = r.byte();
    if (c.flags[i] & TERM_PAIR) c.seconds[i] = u32();
    for (let f = 0; f < FIELDS.length; f++) c.counts[i * FIELDS.length + f] = r.varint();
  }
  if (!r.done) throw new Error('trailing bytes in terms file');
  return c;
}
