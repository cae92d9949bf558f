/**
 * The real engine (src/core/retrieval) over an article index built in memory from a build cache's
 * terms files, with the site's fingerprint index from disk: recall on the real sets in seconds,
 * without a site build. A dev tool; `npm run eval` is the measure.
 *   npx tsx scripts/dev/engine-lab.ts --cache /work/cache-corpus --site /work/site-corpus2 [--verbose]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RANKING, buildArticleIndex } from '../../src/core/retrieval/build-article-index';
import { EVIDENCE, createRetrieval } from '../../src/core/retrieval/engine';
import { articleTermsOf, compactTerms, decodeTerms, type CompactTerms } from '../../src/core/retrieval/article-terms';
import type { Article } from '../../src/core/model/article';
import type { ContentBuild } from '../../src/build/build-record';
import { articleTermsFile } from '../../src/build/cache-layout';
import { loadRealSets } from '../eval/real-sets';
import { rawPastes } from '../eval/raw-pastes';
import { QUERY_RANKING } from '../../src/core/retrieval/rank-articles';
import { QUERY_TUNING } from '../../src/core/lookup/query';
import { readCacheFile, readCacheText } from '../../src/build/cache-file';
import type { Manifest } from '../../src/core/lookup/format';

const { values } = parseArgs({ options: { cache: { type: 'string' }, site: { type: 'string' }, eval: { type: 'string', default: '../shared/eval' }, verbose: { type: 'boolean', default: false }, fresh: { type: 'boolean', default: false }, raw: { type: 'string', default: '0' }, synthetic: { type: 'string', default: '0' }, content: { type: 'string', default: '../shared/corpus' } } });
const cache = values.cache!, site = values.site!;
const build = JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8')) as ContentBuild;
const terms: CompactTerms[] = [];
/** A model file, verified; a cache written before files carried digests is read as it is. */
const readModelText = (file: string): string => {
  try { return readCacheText(file); } catch { return fs.readFileSync(file, 'utf8'); }
};
// --fresh: terms from the models with the analyzer as it is now (the cache's terms files are the build's).
for (const e of build.articles) {
  const t = values.fresh
    ? compactTerms(articleTermsOf(JSON.parse(readModelText(path.join(cache, e.modelFile))) as Article))
    : decodeTerms(readCacheFile(path.join(cache, articleTermsFile(e.modelFile))));
  t.meta.url = e.url;
  if (process.env.NO_BODY_PAIRS) {
    for (let i = 0; i < t.hashes.length; i++) if (t.flags[i] & 1) t.counts[i * 5 + 4] = 0;
  }
  if (process.env.NO_PAIRS) {
    const keep = [...t.flags].map((f, i) => ((f & 1) ? -1 : i)).filter((i) => i >= 0);
    const c = t.counts;
    t.hashes = Uint32Array.from(keep.map((i) => t.hashes[i])); t.keys = Uint32Array.from(keep.map((i) => t.keys[i])); t.seconds = Uint32Array.from(keep.map((i) => t.seconds[i])); t.flags = Uint8Array.from(keep.map((i) => t.flags[i]));
    t.counts = Uint16Array.from(keep.flatMap((i) => Array.from(c.subarray(i * 5, i * 5 + 5))));
  }
  terms.push(t);
}
if (process.env.RANK) {
  const over = JSON.parse(process.env.RANK) as { weight?: object; lengthNorm?: object; k1?: number };
  Object.assign(RANKING.weight, over.weight ?? {});
  Object.assign(RANKING.lengthNorm, over.lengthNorm ?? {});
  if (over.k1) RANKING.k1 = over.k1;
}
if (process.env.QR) Object.assign(QUERY_RANKING, JSON.parse(process.env.QR));
if (process.env.EVID) Object.assign(EVIDENCE, JSON.parse(process.env.EVID));
if (process.env.QT) Object.assign(QUERY_TUNING, JSON.parse(process.env.QT));
const t0 = performance.now();
const index = buildArticleIndex(terms, { base: '_kb/lookup', ...(process.env.CAP ? { cap: Number(process.env.CAP) } : {}) });
console.log(`article index: ${index.files.length} files, ${index.manifest.shards} shards, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const mem = new Map(index.files.map((f) => [f.path, f.data]));
const kinds = new Map<string, number>();
const kindBytes = new Map<string, number>();
const fetchFile = async (p: string): Promise<string | Uint8Array> => {
  const kind = p.replace(/\/[^/]*$/, '');
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const m = mem.get(p) ?? (p.endsWith('.bin') ? new Uint8Array(fs.readFileSync(path.join(site, p))) : fs.readFileSync(path.join(site, p), 'utf8'));
  kindBytes.set(kind, (kindBytes.get(kind) ?? 0) + (typeof m === 'string' ? Buffer.byteLength(m) : m.byteLength));
  return m;
};
const urlOf = new Map(build.articles.map((a) => [a.source, a.url]));
// The published module has the fingerprint manifest built in, so a lookup never fetches it.
const lookupManifest = JSON.parse(fs.readFileSync(path.join(site, '_kb/lookup/manifest.json'), 'utf8')) as Manifest;
if (process.env.EXPLAIN) {
  const { queryTerms, decodeArticleShard, rankArticles } = await import('../../src/core/retrieval/rank-articles');
  const { healHardWraps } = await import('../../src/core/errors/hard-wrap');
  const all = [...loadRealSets(values.eval!).flatMap((s) => s.queries), ...(Number(values.raw) > 0 ? rawPastes(values.content!, build.articles.map((a) => a.source), { count: Number(values.raw), seed: 7 }) : [])];
  for (const id of process.env.EXPLAIN.split(',')) {
    const q = all.find((x) => x.id === id)!;
    const m = index.manifest;
    const qt = queryTerms(healHardWraps(q.text).text, new Set(m.common));
    const { scored, keys } = await rankArticles(qt, m, async (s) => decodeArticleShard(mem.get(`_kb/lookup/a/p/${s}.bin`) as Uint8Array));
    const urlOfDoc = (d: number) => JSON.parse(String(mem.get(`_kb/lookup/a/d/${d}.json`)))[0].url as string;
    const want = new Set(q.expected.map((s) => urlOf.get(s) ?? s));
    console.log(`\n== ${id}: ${q.text.replace(/\s+/g, ' ').slice(0, 300)}\n keys: ${[...keys].join(' ')}`);
    scored.slice(0, 5).forEach((s, i) => console.log(` ${i + 1}. ${s.score.toFixed(2)} ${urlOfDoc(s.doc)}\n      ${s.matched.join(' ')}`));
    const wi = scored.findIndex((s) => want.has(urlOfDoc(s.doc)));
    if (wi >= 5) console.log(` want #${wi + 1} ${scored[wi].score.toFixed(2)} ${urlOfDoc(scored[wi].doc)}\n      ${scored[wi].matched.join(' ')}`);
    if (wi < 0) console.log(` want not scored: ${[...want].join(' ')}`);
    const { createLookup } = await import('../../src/core/lookup/query');
    const fp = await createLookup(fetchFile, '_kb/lookup', lookupManifest).lookup(q.text, { limit: Number(process.env.FPN ?? 5) });
    for (const r of fp) {
      console.log(`   fp ${r.score.toFixed(3)} ${r.confident ? 'C' : ' '} ${want.has(r.url) ? '*' : ' '} ${r.url}\n        ${r.matched.text.slice(0, 120)}`);
      if (process.env.SPANS) console.log(`        error ${r.errorIndex}, paste: ${r.pasteMatches.map((x) => JSON.stringify(q.text.slice(x.start, x.end))).join(' ').slice(0, 200)}`);
    }
  }
  process.exit(0);
}
const grid = (process.env.GRID ?? '16:6').split(',').map((x) => x.split(':').map(Number));
for (const [keys, fpShards] of grid) {
QUERY_RANKING.maxKeys = keys;
QUERY_TUNING.maxShards = fpShards;
console.log(`-- article keys ${keys}, fingerprint shards ${fpShards}`);
const sets = loadRealSets(values.eval!);
if (Number(values.synthetic) > 0) {
  const { buildQueries, loadCorpus } = await import('../eval/queries');
  const { positives } = buildQueries(loadCorpus(cache, null), { queries: Number(values.synthetic), negatives: 0, seed: 7, twoErrorShare: 0 });
  sets.push({ name: 'extractor-synthetic', queries: positives.map((q, i) => ({ id: `syn-${i}`, text: q.paste, expected: q.targets[0].truth })) });
}
if (Number(values.raw) > 0) sets.push({ name: 'raw-pastes', queries: rawPastes(values.content!, build.articles.map((a) => a.source), { count: Number(values.raw), seed: 7 }) });
for (const set of sets) {
  let posConf = 0, wrongConf = 0, n = 0, r1 = 0, r3 = 0, r10 = 0, neg = 0, negConf = 0, bytes: number[] = [], files: number[] = [];
  for (const q of set.queries) {
    const lk = createRetrieval(fetchFile, '_kb/lookup', lookupManifest, index.manifest);
    const res = await lk.lookup(q.text, { limit: 10 });
    bytes.push(lk.stats().bytes); files.push(lk.stats().files);
    if (!q.expected.length) { neg++; if (res.some((r) => r.confident)) { negConf++; if (values.verbose) console.log(`  confident on no-article ${q.id}: ${q.text.replace(/\s+/g, ' ').slice(0, 100)}\n     got  ${res.filter((r) => r.confident).map((r) => r.url + ' ' + (r.matched?.text ?? '').slice(0, 80)).join(' | ')}`); } continue; }
    n++;
    const want = new Set(q.expected.map((s) => urlOf.get(s) ?? s));
    const rank = res.findIndex((r) => want.has(r.url) || r.also.some((u) => want.has(u)));
    if (rank === 0) r1++;
    if (rank === 0 && res[0].confident) posConf++;
    if (rank !== 0 && res[0]?.confident) { wrongConf++; if (values.verbose) console.log(`  confident and wrong ${q.id}: ${res[0].url}`); }
    if (rank >= 0 && rank < 3) r3++;
    if (rank >= 0) r10++;
    if (values.verbose && rank !== 0) console.log(`  miss ${q.id} rank ${rank}: ${q.text.replace(/\s+/g, ' ').slice(0, 100)}\n     want ${[...want][0]}\n     got  ${res.slice(0, 3).map((r) => r.url).join(' | ')}`);
  }
  bytes.sort((a, b) => a - b); files.sort((a, b) => a - b);
  if (process.env.FILES) console.log('   by folder, mean files / KB per query: ' + [...kinds].map(([k, v]) => `${k} ${(v / set.queries.length).toFixed(1)} / ${((kindBytes.get(k) ?? 0) / 1024 / set.queries.length).toFixed(1)}`).join(', '));
  kinds.clear();
  kindBytes.clear();
  console.log(`  ${set.name.padEnd(22)} r1 ${(r1 / n).toFixed(3)} r3 ${(r3 / n).toFixed(3)} r10 ${(r10 / n).toFixed(3)} (${n})  neg-confident ${negConf}/${neg} top-confident right ${posConf} wrong ${wrongConf}  bytes p50 ${(bytes[bytes.length >> 1] / 1024).toFixed(1)} KB  files p50 ${files[files.length >> 1]} p95 ${files[Math.floor(files.length * 0.95)]}`);
}
}
