// Lookup compute time with every index file already in memory (no I/O): the CPU floor of a lookup.
import fs from 'node:fs'; import path from 'node:path';
import { loadSiteModule } from '../../bin/site-lookup.mjs';
import { buildQueries, loadCorpus } from '../eval/queries';
const site = process.argv[2] ?? '/tmp/cdist', cache = process.argv[3] ?? '/tmp/kbc';
const report = JSON.parse(fs.readFileSync(site + '/_kb/report.json', 'utf8'));
const corpus = loadCorpus(cache, new Set(report.articles.map((a: any) => a.url)));
const { positives, negatives } = buildQueries(corpus, { queries: 500, negatives: 200, seed: 7 });
const { module, kbDir } = await loadSiteModule(site);
const mem = new Map<string, string | Uint8Array>();
const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else { const rel = path.relative(kbDir, p); mem.set(rel, rel.endsWith('.bin') ? new Uint8Array(fs.readFileSync(p)) : fs.readFileSync(p, 'utf8')); } } };
walk(path.join(kbDir, 'lookup'));
const ms: Array<[number, number, string]> = [];
for (const p of [...positives.map((q) => q.paste), ...negatives]) {
  const lk = module.createLookupFromFetcher(async (f: string) => mem.get(f)!);
  await module.createLookupFromFetcher(async (f: string) => mem.get(f)!).lookup(p, { limit: 10 }); // warm (JIT), then time a fresh instance
  const t = performance.now(); await lk.lookup(p, { limit: 10 }); ms.push([performance.now() - t, p.length, p]);
}
ms.sort((a, b) => a[0] - b[0]);
const q = (x: number) => ms[Math.floor(x * (ms.length - 1))];
console.log('compute ms p50', q(0.5)[0].toFixed(2), 'p95', q(0.95)[0].toFixed(2), 'max', q(1)[0].toFixed(1), 'len at max', q(1)[1]);
console.log('slowest', ms.slice(-5).map(([t, l]) => `${t.toFixed(1)}ms/${l}ch`).join(' '));
if (process.argv.includes('--show')) for (const [t, , p] of ms.slice(-3)) console.log(t.toFixed(1), JSON.stringify(p.slice(0, 300)));
if (process.argv.includes('--profile')) {
  const { tokenizeErrorText } = await import('../../src/core/errors/normalize');
  for (const [, , p] of ms.slice(-3)) {
    const lk = module.createLookupFromFetcher(async (f: string) => mem.get(f)!);
    const res = await lk.lookup(p, { limit: 10 });
    let t = performance.now(); tokenizeErrorText(p); const tp = performance.now() - t;
    t = performance.now(); for (const r of res) tokenizeErrorText(r.matched.text); const tm = performance.now() - t;
    const slow = res.map((r) => { const t0 = performance.now(); tokenizeErrorText(r.matched.text); return [performance.now() - t0, r.matched.text] as const; }).sort((a, b) => b[0] - a[0])[0];
    console.log(`paste tokenize ${tp.toFixed(1)} ms; ${res.length} matched messages ${tm.toFixed(1)} ms; slowest ${slow?.[0].toFixed(1)} ms: ${JSON.stringify(slow?.[1].slice(0, 200))}`);
  }
}
