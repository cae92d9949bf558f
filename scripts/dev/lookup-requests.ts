// Files and results per lookup over the eval's query set (node path): the request count drives browser latency.
import { fileFetcher, loadSiteModule } from '../../bin/site-lookup.mjs';
import { buildQueries, loadCorpus } from '../eval/queries';
import fs from 'node:fs';
const site = process.argv[2] ?? '/tmp/cdist', cache = process.argv[3] ?? '/tmp/kbc';
const report = JSON.parse(fs.readFileSync(site + '/_kb/report.json', 'utf8'));
const corpus = loadCorpus(cache, new Set(report.articles.map((a: any) => a.url)));
const { positives, negatives } = buildQueries(corpus, { queries: 500, negatives: 200, seed: 7 });
const { module, kbDir } = await loadSiteModule(site);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
const all: number[] = [];
for (const [name, ps] of [['pos', positives.map((q) => q.paste)], ['neg', negatives]] as const) {
  const files: number[] = [], results: number[] = [];
  for (const p of ps) { const lk = module.createLookupFromFetcher(fileFetcher(kbDir)); const r = await lk.lookup(p, { limit: 10 }); results.push(r.length); files.push(lk.stats().files); all.push(lk.stats().files); }
  console.log(`${name}: files p50 ${pct(files, 0.5)} p90 ${pct(files, 0.9)} p95 ${pct(files, 0.95)} max ${Math.max(...files)}; results p50 ${pct(results, 0.5)} p95 ${pct(results, 0.95)}`);
}
console.log(`all: files p50 ${pct(all, 0.5)} p95 ${pct(all, 0.95)}`);
