/**
 * In-memory retrieval experiments on a built corpus: loads the models from a build cache and
 * prints recall on the real query sets for variants of the ranking. A dev tool, not the eval.
 *   npx tsx scripts/dev/retrieval-lab.ts --cache /work/cache-corpus --eval ../shared/eval
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import type { Article } from '../../src/core/model/article';
import { fieldTexts } from '../../src/core/retrieval/article-terms';
import { analyze as analyzeBase, wordPairs, wordTerms } from '../../src/core/retrieval/analyzer';
const PAIRS = !!process.env.LAB_PAIRS;
import { tokenizeErrorText } from '../../src/core/errors/normalize';
const SELECT = process.env.SELECT ?? 'idf';
const PAIR_W = Number(process.env.PAIR_W ?? 0.5), PAIR_MAX = Number(process.env.PAIR_MAX ?? 16);
const analyze = (t: string) => (PAIRS ? [...analyzeBase(t), ...wordPairs(t, wordTerms(t))] : analyzeBase(t));

const { values } = parseArgs({ options: { cache: { type: 'string' }, eval: { type: 'string', default: '../shared/eval' }, corpus: { type: 'string', default: '../shared/corpus' }, verbose: { type: 'boolean', default: false } } });
const cache = values.cache!;
const files = fs.readdirSync(path.join(cache, 'articles')).filter((f) => f.endsWith('.model.json'));
const arts: Article[] = files.map((f) => JSON.parse(fs.readFileSync(path.join(cache, 'articles', f), 'utf8')) as Article).sort((a, b) => (a.source < b.source ? -1 : 1));
console.log('articles', arts.length);

type Q = { id: string; text: string; expected: string[]; kind: string };
const load = (f: string, kind: string): Q[] => (JSON.parse(fs.readFileSync(path.join(values.eval!, f), 'utf8')) as Array<{ id: string; paste?: string; query?: string; expected: string[] }>).map((x) => ({ id: x.id, text: x.paste ?? x.query ?? '', expected: x.expected, kind }));
const sets: Record<string, Q[]> = {
  pastes: [...load('real-pastes-dev.json', 'paste'), ...load('real-pastes-dev-2.json', 'paste')],
  typed: load('typed-queries-dev.json', 'typed'),
};

// Fields
const FIELDS = ['title', 'headings', 'problem', 'messages', 'body'] as const;
type Field = (typeof FIELDS)[number];
const fieldsOf = fieldTexts;

const t0 = performance.now();
const N = arts.length;
const tf: Array<Record<Field, Map<string, number>>> = [];
const lens: Array<Record<Field, number>> = [];
const df = new Map<string, number>();
for (const a of arts) {
  const f = fieldsOf(a);
  const rec = {} as Record<Field, Map<string, number>>;
  const len = {} as Record<Field, number>;
  const seen = new Set<string>();
  for (const k of FIELDS) {
    const m = new Map<string, number>();
    let n = 0;
    for (const t of analyze(f[k])) { m.set(t.term, (m.get(t.term) ?? 0) + 1); n++; seen.add(t.term); }
    rec[k] = m; len[k] = n;
  }
  for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  tf.push(rec); lens.push(len);
}
const avg = {} as Record<Field, number>;
for (const k of FIELDS) avg[k] = lens.reduce((s, l) => s + l[k], 0) / N;
console.log('indexed in', ((performance.now() - t0) / 1000).toFixed(1), 's; terms', df.size);

interface Params { w: Record<Field, number>; b: Record<Field, number>; k1: number; maxTerms: number; identBoost: number }
const P: Params = { w: { title: 6, headings: 2, problem: 2, messages: 2, body: 1 }, b: { title: 0.5, headings: 0.6, problem: 0.6, messages: 0.6, body: 0.75 }, k1: 1.2, maxTerms: 32, identBoost: 1.5 };

// impact[d][t]
function impacts(p: Params): Array<Map<string, number>> {
  return tf.map((rec, d) => {
    const out = new Map<string, number>();
    const terms = new Set<string>();
    for (const k of FIELDS) for (const t of rec[k].keys()) terms.add(t);
    for (const t of terms) {
      let x = 0;
      for (const k of FIELDS) {
        const c = rec[k].get(t);
        if (!c) continue;
        x += (p.w[k] * c) / (1 - p.b[k] + (p.b[k] * lens[d][k]) / Math.max(1, avg[k]));
      }
      out.set(t, x / (p.k1 + x));
    }
    return out;
  });
}
// postings
function postings(imp: Array<Map<string, number>>): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  imp.forEach((m, d) => { for (const [t, v] of m) { let l = out.get(t); if (!l) out.set(t, (l = [])); l.push([d, v]); } });
  return out;
}
const idf = (t: string) => { const n = df.get(t) ?? 0; return Math.log(1 + (N - n + 0.5) / (n + 0.5)); };

function search(post: Map<string, Array<[number, number]>>, text: string, p: Params): number[] {
  const qtf = new Map<string, number>();
  if (SELECT === 'masked') text = tokenizeErrorText(text).text;
  for (const t of analyze(text)) qtf.set(t.term, (qtf.get(t.term) ?? 0) + 1);
  let all = [...qtf.keys()].filter((t) => df.has(t)).sort((a, b) => idf(b) - idf(a) || (a < b ? -1 : 1));
  if (SELECT === 'order') all = [...qtf.keys()].filter((t) => df.has(t));
  if (SELECT === 'orderall') all = [...qtf.keys()];
  if (SELECT === 'common' || SELECT === 'masked') { const words = [...qtf.keys()]; all = [...words.filter((t) => t.startsWith('#')), ...words.filter((t) => !t.startsWith('#') && (df.get(t) ?? 0) < N / 50), ...words.filter((t) => !t.startsWith('#') && (df.get(t) ?? 0) >= N / 50)]; }
  const wordsOnly = all.filter((t) => !t.includes('_')).slice(0, p.maxTerms);
  const firsts = new Set(wordsOnly.filter((t) => !t.startsWith('#')));
  const terms = [...wordsOnly, ...all.filter((t) => t.includes('_') && (SELECT === 'idf' || firsts.has(t.split('_')[0]))).slice(0, PAIR_MAX)];
  const acc = new Map<number, number>();
  for (const t of terms) {
    const w = idf(t) * (t.startsWith('#') ? p.identBoost : 1) * (t.includes('_') ? PAIR_W : 1);
    for (const [d, v] of post.get(t) ?? []) acc.set(d, (acc.get(d) ?? 0) + w * v);
  }
  return [...acc].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10).map(([d]) => d);
}

function evaluate(name: string, run: (q: Q) => string[]): void {
  const row: string[] = [name.padEnd(28)];
  for (const [setName, qs] of Object.entries(sets)) {
    let r1 = 0, r3 = 0, r10 = 0, n = 0;
    for (const q of qs) {
      if (!q.expected.length) continue;
      n++;
      const got = run(q);
      const rank = got.findIndex((s) => q.expected.includes(s));
      if (rank === 0) r1++;
      if (rank >= 0 && rank < 3) r3++;
      if (rank >= 0 && rank < 10) r10++;
      if (values.verbose && rank !== 0) console.log(`  miss ${q.id} rank ${rank}: ${q.text.slice(0, 100).replace(/\n/g, ' ')}\n     want ${q.expected[0]}\n     got  ${got.slice(0, 3).join(' | ')}`);
    }
    row.push(`${setName} r1 ${(r1 / n).toFixed(3)} r3 ${(r3 / n).toFixed(3)} r10 ${(r10 / n).toFixed(3)} (${n})`);
  }
  console.log(row.join('  '));
}

// Baseline: MiniSearch BM25 over raw Markdown of whole articles.
if (process.env.LAB_BASELINE) {
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
  ms.addAll(arts.map((a, id) => ({ id, text: fs.readFileSync(path.join(values.corpus!, a.source), 'utf8') })));
  evaluate('minisearch raw md (OR)', (q) => ms.search(q.text.slice(0, 20000), { combineWith: 'OR' }).slice(0, 10).map((r) => arts[r.id as number].source));
}

const imp = impacts(P);
const post = postings(imp);
evaluate('bm25f base', (q) => search(post, q.text, P).map((d) => arts[d].source));

if (process.env.LAB_SWEEP) {
  const grid: Array<[string, Partial<Params>]> = [
    ['title 10', { w: { ...P.w, title: 10 } }],
    ['title 4', { w: { ...P.w, title: 4 } }],
    ['headings 4', { w: { ...P.w, headings: 4 } }],
    ['problem 4', { w: { ...P.w, problem: 4 } }],
    ['messages 4', { w: { ...P.w, messages: 4 } }],
    ['k1 2', { k1: 2 }],
    ['k1 0.8', { k1: 0.8 }],
    ['body b 0.9', { b: { ...P.b, body: 0.9 } }],
    ['body b 0.5', { b: { ...P.b, body: 0.5 } }],
    ['maxTerms 16', { maxTerms: 16 }],
    ['maxTerms 64', { maxTerms: 64 }],
    ['ident 3', { identBoost: 3 }],
  ];
  for (const [name, over] of grid) {
    const p = { ...P, ...over };
    const po = postings(impacts(p));
    evaluate(name, (q) => search(po, q.text, p).map((d) => arts[d].source));
  }
}

if (process.env.LAB_FUSE) {
  const { loadSiteModule, fileFetcher } = await import('../../bin/site-lookup.mjs');
  const { module, kbDir } = await loadSiteModule(process.env.LAB_FUSE);
  const lk = new Map<string, Array<{ source: string; score: number; confident: boolean }>>();
  for (const qs of Object.values(sets)) for (const q of qs) {
    const l = module.createLookupFromFetcher(fileFetcher(kbDir));
    lk.set(q.id, (await l.lookup(q.text, { limit: 10 })).map((r: { source: string; score: number; confident: boolean }) => ({ source: r.source, score: r.score, confident: r.confident })));
  }
  evaluate('old lookup alone', (q) => lk.get(q.id)!.map((r) => r.source));
  const bySource = new Map(arts.map((a, i) => [a.source, i]));
  function scored(post: Map<string, Array<[number, number]>>, text: string, p: Params): Map<number, number> {
    const qtf = new Map<string, number>();
    for (const t of analyze(text)) qtf.set(t.term, (qtf.get(t.term) ?? 0) + 1);
    const all = [...qtf.keys()].filter((t) => df.has(t)).sort((a, b) => idf(b) - idf(a) || (a < b ? -1 : 1));
    const terms = [...all.filter((t) => !t.includes('_')).slice(0, p.maxTerms), ...all.filter((t) => t.includes('_')).slice(0, PAIR_MAX)];
    const acc = new Map<number, number>();
    for (const t of terms) {
      const w = idf(t) * (t.startsWith('#') ? p.identBoost : 1) * (t.includes('_') ? PAIR_W : 1);
      for (const [d, v] of post.get(t) ?? []) acc.set(d, (acc.get(d) ?? 0) + w * v);
    }
    return acc;
  }
  const p = { ...P, maxTerms: 16 };
  const po = postings(impacts(p));
  for (const alpha of [0.25, 0.5, 1, 2]) {
    evaluate(`fuse a=${alpha}`, (q) => {
      const acc = scored(po, q.text, p);
      const max = Math.max(1e-9, ...acc.values());
      const out = new Map<number, number>();
      for (const [d, v] of acc) out.set(d, v / max);
      for (const r of lk.get(q.id)!) { const d = bySource.get(r.source)!; out.set(d, (out.get(d) ?? 0) + alpha * r.score * (r.confident ? 1.5 : 1)); }
      return [...out].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10).map(([d]) => arts[d].source);
    });
  }
}
