// What a lookup costs, over the eval's query set (node path, no browser): files fetched and results
// per paste (in a browser each file is a request, which sets the latency), and the CPU time of a
// lookup with every index file already in memory.
//   npx tsx scripts/dev/lookup-cost.ts <dist> <cache>
import fs from 'node:fs';
import path from 'node:path';
import { fileFetcher, loadSiteModule } from '../../bin/site-lookup.mjs';
import { buildQueries, loadCorpus } from '../eval/queries';
import { inMemoryFetcher } from './in-memory-index';

const site = path.resolve(process.argv[2] ?? 'dist');
const cache = path.resolve(process.argv[3] ?? '.kb-cache');
const report = JSON.parse(fs.readFileSync(path.join(site, '_kb/report.json'), 'utf8')) as { articles: Array<{ url: string }> };
const corpus = loadCorpus(cache, new Set(report.articles.map((a) => a.url)));
const { positives, negatives } = buildQueries(corpus, { queries: 500, negatives: 200, seed: 7 });
const { module, kbDir } = await loadSiteModule(site);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];

const memoryFetcher = inMemoryFetcher(kbDir);

const allFiles: number[] = [];
const cpu: number[] = [];
for (const [name, pastes] of [['pastes', positives.map((q) => q.paste)], ['no-article pastes', negatives]] as const) {
  const files: number[] = [];
  const results: number[] = [];
  for (const p of pastes) {
    const lk = module.createLookupFromFetcher(fileFetcher(kbDir));
    results.push((await lk.lookup(p, { limit: 10 })).length);
    files.push(lk.stats().files);
    // Timed on a fresh in-memory instance after the warm-up above (JIT), so only computation counts.
    const warm = module.createLookupFromFetcher(memoryFetcher);
    const t = performance.now();
    await warm.lookup(p, { limit: 10 });
    cpu.push(performance.now() - t);
  }
  allFiles.push(...files);
  console.log(`${name}: files p50 ${pct(files, 0.5)} p95 ${pct(files, 0.95)} max ${Math.max(...files)}; results p50 ${pct(results, 0.5)} p95 ${pct(results, 0.95)}`);
}
console.log(`all: files p50 ${pct(allFiles, 0.5)} p95 ${pct(allFiles, 0.95)}; cpu ms p50 ${pct(cpu, 0.5).toFixed(2)} p95 ${pct(cpu, 0.95).toFixed(2)}`);
