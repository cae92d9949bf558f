/**
 * Evaluation of the error lookup against Pagefind, on one built site:
 *   npm run eval -- [--site dist] [--cache .kb-cache] [--queries 500] [--negatives 200] [--seed 7] [--no-browser] [--verbose] (-h for all)
 *
 * Queries come from the site's own corpus (the build's model cache), perturbed the
 * way real pastes differ (scripts/eval/perturb.ts), plus pastes no article
 * documents. The lookup runs through the CLI path (the site's `_kb/lookup.js` read
 * from disk) and again inside Chromium; Pagefind runs in the same Chromium on the
 * same queries. A benchmark, not a test: it prints figures and exits 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileFetcher, loadSiteModule } from '../bin/site-lookup.mjs';
import { resolveConfig } from '../src/config';
import { buildQueries, loadCorpus, targetRanks, type Query } from './eval/queries';
import { LOOKUP_JOB, runInChromium } from './eval/page-runner';
import { parseScriptArgs } from './script-args';
import { bm25Baseline, loadRealSets, type RealQuery, type RealSet } from './eval/real-sets';
import { rawPastes } from './eval/raw-pastes';
import { classifyMiss, loadMissContext, MISS_CLASSES, type MissContext } from './eval/miss-classes';

const OPTIONS = {
  site: { type: 'string', default: 'dist' },
  cache: { type: 'string' },
  queries: { type: 'string', default: '500' },
  negatives: { type: 'string', default: '200' },
  seed: { type: 'string', default: '7' },
  limit: { type: 'string', default: '10' },
  'no-browser': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  real: { type: 'string', default: '../shared/eval' },
  content: { type: 'string', default: '../shared/corpus' },
  sets: { type: 'string', default: 'real,raw,synthetic' },
  raw: { type: 'string', default: '300' },
  smoke: { type: 'boolean', default: false },
  http2: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const USAGE = `usage: npm run eval -- [options]
  --site DIR        built site (default dist)
  --cache DIR       the build's cache, for the queries (default: $KB_CACHE_DIR or .kb-cache)
  --queries N       pastes of documented errors (default 500)
  --negatives N     pastes no article documents (default 200)
  --seed N          query seed (default 7)
  --limit N         results per lookup (default 10)
  --no-browser      the Node path only, no Chromium or Pagefind
  --http2           serve the site to Chromium over HTTP/2 (TLS, a throwaway certificate; needs openssl), as
                    static hosts do, instead of HTTP/1.1 and its six connections per host
  --verbose         print every missed paste and false-confident answer
  --real DIR        real query sets, labelled with corpus sources (default ../shared/eval; used when the site's articles match)
  --content DIR     the content the site was built from, for the BM25 baseline (default ../shared/corpus)
  --sets LIST       which sets to run: real, raw, synthetic (default all three)
  --raw N           synthetic pastes from the raw Markdown of --content (default 300)
  --smoke           small sets (50 raw, 50 synthetic, 20 no-article pastes), for CI: it must run, not score
  -h, --help        show this help`;
const values = parseScriptArgs('eval', OPTIONS, USAGE);
const site = path.resolve(values.site!);
const cache = path.resolve(values.cache ?? resolveConfig().cacheDir);
if (values.smoke) { values.raw = '50'; values.queries = '50'; values.negatives = '20'; }
const NQ = Number(values.queries), NN = Number(values.negatives), SEED = Number(values.seed), LIMIT = Number(values.limit);

/** One system's answers: per paste, the result URLs, whether any was confident, time and bytes. */
interface Answer { urls: string[]; also?: string[][]; confident: boolean | null; ms: number; bytes: number; files?: number }
interface Figures { r1: number; r3: number; mrr: number; falseConfident: number | null; negAny: number; p50: number; p95: number; bytesMedian: number; filesMedian: number; filesP95: number; targets: number }

const quantile = (xs: number[], q: number): number => {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

function score(positives: Query[], pos: Answer[], neg: Answer[]): Figures {
  let r1 = 0, r3 = 0, mrr = 0, n = 0;
  positives.forEach((q, i) => {
    for (const rank of targetRanks(q, pos[i].urls)) {
      n++;
      if (rank === 0) r1++;
      if (rank >= 0 && rank < 3) r3++;
      if (rank >= 0) mrr += 1 / (rank + 1);
    }
  });
  const all = [...pos, ...neg];
  const files = all.flatMap((a) => (a.files === undefined ? [] : [a.files]));
  return {
    r1: r1 / n, r3: r3 / n, mrr: mrr / n, targets: n,
    falseConfident: neg.some((a) => a.confident === null) ? null : neg.filter((a) => a.confident).length / Math.max(1, neg.length),
    negAny: neg.filter((a) => a.urls.length > 0).length / Math.max(1, neg.length),
    p50: quantile(all.map((a) => a.ms), 0.5), p95: quantile(all.map((a) => a.ms), 0.95),
    bytesMedian: quantile(pos.map((a) => a.bytes), 0.5),
    // Requests cost more than their bytes in a browser (about 1.2 ms each, serialized, in Chromium here).
    filesMedian: quantile(files, 0.5),
    filesP95: quantile(files, 0.95),
  };
}

async function runNode(pastes: string[]): Promise<Answer[]> {
  const { module, kbDir } = await loadSiteModule(site);
  const out: Answer[] = [];
  for (const p of pastes) {
    const lk = module.createLookupFromFetcher(fileFetcher(kbDir)); // cold: every lookup pays its own fetches
    const t = performance.now();
    const res = await lk.lookup(p, { limit: LIMIT });
    const s = lk.stats();
    out.push({ urls: res.map((r) => r.url), also: res.map((r) => (r as { also?: string[] }).also ?? []), confident: res.some((r) => r.confident), ms: performance.now() - t, bytes: s.bytes, files: s.files });
  }
  return out;
}

// Jobs run in a page of headless Chromium with no DevTools client attached (see eval/page-runner.ts):
// Playwright's instrumentation would add about 1 ms to every request. Each paste is timed inside the
// page with performance.now(); bytes are what that paste fetched (the lookup's own count, or for
// Pagefind, which fetches from a worker, the bytes the server sent meanwhile).
const PAGEFIND_JOB = `export default async function ({ pastes, limit }) {
  const pf = await import('/pagefind/pagefind.js');
  // As the site's search does (src/browser/search-engine.ts): the primary index, then every other bundle.
  const extra = await fetch('/pagefind/bundles.json').then((r) => (r.ok ? r.json() : null)).catch(() => null);
  await pf.init();
  await Promise.all(((extra && extra.bundles) || []).map((url) => pf.mergeIndex(url)));
  const served = async () => (await (await fetch('/__kb_run/served')).json()).bytes;
  const norm = (u) => { try { const x = new URL(u, location.href); return x.pathname.replace(/index\\.html$/, '').replace(/([^/])$/, '$1/'); } catch { return u; } };
  const out = [];
  for (const paste of pastes) {
    const before = await served();
    const t = performance.now();
    let urls = [];
    try {
      const s = await pf.search(paste);
      const data = await Promise.all(((s && s.results) || []).slice(0, limit).map((r) => r.data()));
      urls = data.map((d) => norm(d.url));
    } catch { urls = []; }
    const ms = performance.now() - t;
    out.push({ urls, confident: null, ms, bytes: (await served()) - before });
  }
  return out;
}`;

async function runBrowser(pastes: string[], hasPagefind: boolean): Promise<{ lookup: Answer[]; pagefind: Answer[] | null }> {
  const input = { pastes, limit: LIMIT };
  const serve = { http2: values.http2 };
  const lookup = (await runInChromium<Answer[]>(site, LOOKUP_JOB, input, undefined, serve)).value;
  const pagefind = hasPagefind ? (await runInChromium<Answer[]>(site, PAGEFIND_JOB, input, undefined, serve)).value : null;
  return { lookup, pagefind };
}

function dirBytes(dir: string, filter: (f: string) => boolean = () => true): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += dirBytes(p, filter);
    else if (filter(p)) n += fs.statSync(p).size;
  }
  return n;
}

const pct = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(1) + '%');
const f3 = (x: number) => x.toFixed(3);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) + ' ms' : 'n/a');
const kb = (x: number) => (Number.isFinite(x) ? (x / 1024).toFixed(1) + ' KB' : 'n/a');

function table(cols: Array<[string, Figures | string]>): string {
  const rows: Array<[string, (f: Figures) => string]> = [
    ['recall@1', (f) => f3(f.r1)],
    ['recall@3', (f) => f3(f.r3)],
    ['MRR', (f) => f3(f.mrr)],
    ['false-confident (no-article pastes)', (f) => pct(f.falseConfident)],
    ['no-article pastes with any result', (f) => pct(f.negAny)],
    ['latency p50', (f) => ms(f.p50)],
    ['latency p95', (f) => ms(f.p95)],
    ['bytes per lookup, median', (f) => kb(f.bytesMedian)],
    ['files per lookup, median / p95', (f) => (Number.isFinite(f.filesMedian) ? `${f.filesMedian} / ${f.filesP95}` : 'n/a')],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length)) + 2;
  const w = cols.map(([h]) => Math.max(h.length, 22) + 2);
  const line = (a: string, cells: string[]) => a.padEnd(w0) + cells.map((c, i) => c.padEnd(w[i])).join('');
  const out = [line('', cols.map(([h]) => h))];
  for (const [name, fn] of rows) out.push(line(name, cols.map(([, f]) => (typeof f === 'string' ? f : fn(f)))));
  return out.join('\n');
}

/** Rank of the first result that is (or is a copy of) an expected article; -1 when none is. */
function realRank(expected: Set<string>, a: Answer): number {
  return a.urls.findIndex((u, i) => expected.has(u) || (a.also?.[i] ?? []).some((x) => expected.has(x)));
}

interface RealFigures { n: number; r1: number; r3: number; r10: number; mrr: number; negConfident: number | null; negs: number; p50: number; p95: number; bytes: number }

function scoreReal(qs: RealQuery[], answers: Answer[], urlOf: Map<string, string>): RealFigures & { misses: string[] } {
  let n = 0, r1 = 0, r3 = 0, r10 = 0, mrr = 0, negs = 0, negConf = 0;
  const misses: string[] = [];
  qs.forEach((q, i) => {
    const a = answers[i];
    if (!q.expected.length) { negs++; if (a.confident) negConf++; return; }
    n++;
    const rank = realRank(new Set(q.expected.map((s) => urlOf.get(s) ?? s)), a);
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 3) r3++;
    if (rank >= 0 && rank < 10) r10++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (rank !== 0) misses.push(`${q.id} rank ${rank}: ${q.text.replace(/\s+/g, ' ').slice(0, 90)}\n      want ${urlOf.get(q.expected[0]) ?? q.expected[0]}\n      got  ${a.urls.slice(0, 2).join(' | ')}`);
  });
  return {
    n, r1: r1 / n, r3: r3 / n, r10: r10 / n, mrr: mrr / n, negs,
    negConfident: answers.some((a) => a.confident === null) ? null : negConf / Math.max(1, negs),
    p50: quantile(answers.map((a) => a.ms), 0.5), p95: quantile(answers.map((a) => a.ms), 0.95),
    bytes: quantile(answers.map((a) => a.bytes), 0.5), misses,
  };
}

async function runReal(siteArticles: Array<{ url: string; source: string }>, wanted: Set<string>): Promise<void> {
  const urlOf = new Map(siteArticles.map((a) => [a.source, a.url]));
  const known: RealSet[] = [];
  if (wanted.has('real')) {
    const sets = loadRealSets(path.resolve(values.real!)).filter((s) => s.queries.some((q) => q.expected.some((e) => urlOf.has(e))));
    if (!sets.length) console.log(`real sets: none apply to this site (${values.real})\n`);
    known.push(...sets);
  }
  const onDisk = siteArticles.filter((a) => fs.existsSync(path.join(values.content!, a.source)));
  if (wanted.has('raw')) {
    if (onDisk.length) known.push({ name: `synthetic pastes from raw Markdown (seed ${SEED})`, queries: rawPastes(values.content!, onDisk.map((a) => a.source), { count: Number(values.raw), seed: SEED }) });
    else console.log(`raw pastes: the site's articles are not under --content ${values.content}\n`);
  }
  if (!known.length) return;
  const baseline = fs.existsSync(values.content!) ? bm25Baseline(path.resolve(values.content!), siteArticles.filter((a) => fs.existsSync(path.join(values.content!, a.source)))) : null;
  const hasPagefind = fs.existsSync(path.join(site, 'pagefind/pagefind.js'));
  const missContext = loadMissContext(cache, site);
  for (const set of known) {
    const texts = set.queries.map((q) => q.text);
    const cols: Array<[string, RealFigures & { misses: string[] }]> = [];
    const node = await runNode(texts);
    cols.push(['engine (node, CLI path)', scoreReal(set.queries, node, urlOf)]);
    if (!values['no-browser']) {
      const b = await runBrowser(texts, hasPagefind);
      cols.push(['engine (chromium)', scoreReal(set.queries, b.lookup, urlOf)]);
      if (b.pagefind) cols.push(['pagefind (chromium)', scoreReal(set.queries, b.pagefind, urlOf)]);
    }
    if (baseline) {
      const answers = texts.map((t): Answer => { const t0 = performance.now(); const urls = baseline(t, LIMIT); return { urls, confident: null, ms: performance.now() - t0, bytes: NaN }; });
      cols.push(['BM25 raw Markdown (node)', scoreReal(set.queries, answers, urlOf)]);
    }
    const f = cols[0][1];
    console.log(`\n## ${set.name}: ${f.n} answered, ${f.negs} with no article`);
    const rows: Array<[string, (x: RealFigures) => string]> = [
      ['recall@1', (x) => f3(x.r1)], ['recall@3', (x) => f3(x.r3)], ['recall@10', (x) => f3(x.r10)], ['MRR', (x) => f3(x.mrr)],
      ['no-article answered confidently', (x) => pct(x.negConfident)],
      ['time p50 / p95', (x) => `${ms(x.p50)} / ${ms(x.p95)}`], ['bytes per query, median', (x) => kb(x.bytes)],
    ];
    const w0 = 34;
    console.log(''.padEnd(w0) + cols.map(([h]) => h.padEnd(28)).join(''));
    for (const [name, fn] of rows) console.log(name.padEnd(w0) + cols.map(([, x]) => fn(x).padEnd(28)).join(''));
    if (values.verbose) for (const m of f.misses) console.log('  miss ' + m);
    if (missContext) printMissClasses(set, node, urlOf, missContext);
  }
  console.log('');
}

/** The engine's misses on one set, grouped by failure class (eval/miss-classes.ts). */
function printMissClasses(set: RealSet, answers: Answer[], urlOf: Map<string, string>, ctx: MissContext): void {
  const groups = new Map<string, string[]>();
  set.queries.forEach((q, i) => {
    if (!q.expected.length) return;
    const want = new Set(q.expected.map((s) => urlOf.get(s) ?? s));
    const rank = realRank(want, answers[i]);
    if (rank === 0) return;
    const facts = ctx.facts(q.text, [...want][0], answers[i].urls[0], rank);
    const name = facts ? classifyMiss(facts).name : 'wanted article not in the cache';
    groups.set(name, [...(groups.get(name) ?? []), `${q.id}${rank > 0 ? `@${rank + 1}` : ''}`]);
  });
  if (!groups.size) return;
  console.log('misses of the engine by failure class (id@rank; no rank: not in the first 10):');
  for (const c of [...MISS_CLASSES.map((x) => x.name), 'wanted article not in the cache']) {
    const ids = groups.get(c);
    if (ids) console.log(`  ${c.padEnd(28)} ${String(ids.length).padStart(3)}  ${ids.join(' ')}`);
  }
}

async function main(): Promise<void> {
  const wanted = new Set(values.sets!.split(','));
  if (wanted.has('real') || wanted.has('raw')) {
    const rep = JSON.parse(fs.readFileSync(path.join(site, '_kb/report.json'), 'utf8')) as { articles: Array<{ url: string; source: string }> };
    await runReal(rep.articles, wanted);
  }
  if (!wanted.has('synthetic')) return;
  const report = JSON.parse(fs.readFileSync(path.join(site, '_kb/report.json'), 'utf8')) as { articles: Array<{ url: string }> };
  const siteUrls = new Set(report.articles.map((a) => a.url));
  const corpus = loadCorpus(cache, siteUrls);
  if (!corpus.length) throw new Error(`The cache ${cache} holds no article of the site ${site}. Pass --cache <the KB_CACHE_DIR used to build it>.`);
  const { positives, negatives } = buildQueries(corpus, { queries: NQ, negatives: NN, seed: SEED });
  const pastes = [...positives.map((q) => q.paste), ...negatives];
  console.log(`site ${site}\ncache ${cache}\narticles with error messages: ${corpus.length}, messages: ${corpus.reduce((n, a) => n + a.messages.length, 0)}`);
  console.log(`queries: ${positives.length} pastes (${positives.filter((q) => q.targets.length > 1).length} with two errors), ${negatives.length} no-article pastes, seed ${SEED}\n`);

  const t0 = performance.now();
  const node = await runNode(pastes);
  const nodeFig = score(positives, node.slice(0, positives.length), node.slice(positives.length));
  console.log(`node (CLI path) done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const hasPagefind = fs.existsSync(path.join(site, 'pagefind/pagefind.js'));
  const cols: Array<[string, Figures | string]> = [['lookup (node, CLI path)', nodeFig]];
  if (!values['no-browser']) {
    const t1 = performance.now();
    const b = await runBrowser(pastes, hasPagefind);
    console.log(`chromium done in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    cols.push(['lookup (chromium)', score(positives, b.lookup.slice(0, positives.length), b.lookup.slice(positives.length))]);
    cols.push(['pagefind (chromium)', b.pagefind ? score(positives, b.pagefind.slice(0, positives.length), b.pagefind.slice(positives.length)) : 'pagefind: not built']);
  } else cols.push(['pagefind (chromium)', hasPagefind ? 'skipped (--no-browser)' : 'pagefind: not built']);
  console.log('\n' + table(cols));
  console.log(`\n(chromium: headless, no DevTools client attached, page loaded; a fresh lookup per paste, so every shard and document is fetched.`);
  console.log(` Bytes: body bytes of the files that paste fetched.`);
  console.log(` recall counts ${nodeFig.targets} targets: a two-error paste has two. Pagefind has no confidence signal; its "any result" row is the comparable figure.)`);

  const html = dirBytes(site, (f) => f.endsWith('.html'));
  const index = dirBytes(path.join(site, '_kb/lookup')) + (fs.existsSync(path.join(site, '_kb/lookup.js')) ? fs.statSync(path.join(site, '_kb/lookup.js')).size : 0);
  console.log(`\nsize: lookup index + module ${(index / 1e6).toFixed(2)} MB; site HTML ${(html / 1e6).toFixed(2)} MB; ratio ${pct(index / Math.max(1, html))}`);

  // Where the lookup misses, by perturbation (diagnostic only; the set is not tuned from it).
  const by = new Map<string, { n: number; hit: number }>();
  positives.forEach((q, i) => {
    const ranks = targetRanks(q, node[i].urls);
    for (const a of q.applied) {
      const e = by.get(a) ?? { n: 0, hit: 0 };
      e.n += ranks.length;
      e.hit += ranks.filter((r) => r === 0).length;
      by.set(a, e);
    }
  });
  console.log('\nlookup recall@1 by perturbation (node): ' + [...by].sort().map(([k, v]) => `${k} ${f3(v.hit / v.n)} (${v.n})`).join(', '));
  if (values.verbose) {
    console.log('\nmisses:');
    positives.forEach((q, i) => {
      const ranks = targetRanks(q, node[i].urls);
      if (ranks.every((r) => r === 0)) return;
      console.log(`- ${q.targets.map((t) => `${t.source} [${t.kind}]`).join(' + ')} ranks ${ranks.join(',')} applied ${q.applied.join(',')}\n  paste: ${q.paste.replace(/\n/g, ' ⏎ ').slice(0, 220)}\n  got: ${node[i].urls.slice(0, 3).join(' ')}`);
    });
    console.log('\nfalse confident:');
    negatives.forEach((p, i) => { const a = node[positives.length + i]; if (a.confident) console.log(`- ${p.replace(/\n/g, ' ⏎ ').slice(0, 200)}\n  got: ${a.urls[0]}`); });
  }
}

await main();
