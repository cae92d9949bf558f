// What the bench's lookup queries fetch, split by kind (node path, no browser): posting shards
// (p/), display chunks (d/), per query. For comparing index layouts across corpus sizes.
//   npx tsx scripts/dev/lookup-bytes.ts <dist> <cache> [queries]
import path from 'node:path';
import { fileFetcher, loadSiteModule } from '../../bin/site-lookup.mjs';
import { sampleLookupQueries } from '../bench/lookup-queries';

const site = path.resolve(process.argv[2] ?? 'dist');
const cache = path.resolve(process.argv[3] ?? '.kb-cache');
const queries = sampleLookupQueries(cache, Number(process.argv[4] ?? 100));
const { module, kbDir } = await loadSiteModule(site);
const disk = fileFetcher(kbDir);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
const size = (d: string | Uint8Array) => (typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength);

const rows: Array<{ shard: number; doc: number; shards: number; docs: number; total: number }> = [];
for (const q of queries) {
  const row = { shard: 0, doc: 0, shards: 0, docs: 0, total: 0 };
  const lk = module.createLookupFromFetcher(async (rel: string) => {
    const d = await disk(rel);
    if (rel.includes('/p/')) { row.shard += size(d); row.shards++; } else if (rel.includes('/d/')) { row.doc += size(d); row.docs++; }
    return d;
  });
  await lk.lookup(q, { limit: 10 });
  row.total = lk.stats().bytes;
  rows.push(row);
}
const col = (k: keyof (typeof rows)[0]) => rows.map((r) => r[k]);
const kb = (b: number) => (b / 1024).toFixed(1);
console.log(`${queries.length} queries: bytes p50 ${kb(pct(col('total'), 0.5))} KB, p95 ${kb(pct(col('total'), 0.95))} KB`);
console.log(`  posting shards: p50 ${kb(pct(col('shard'), 0.5))} KB in ${pct(col('shards'), 0.5)} files, p95 ${kb(pct(col('shard'), 0.95))} KB; mean per shard ${kb(col('shard').reduce((a, b) => a + b, 0) / Math.max(1, col('shards').reduce((a, b) => a + b, 0)))} KB`);
console.log(`  display chunks: p50 ${kb(pct(col('doc'), 0.5))} KB in ${pct(col('docs'), 0.5)} files, p95 ${kb(pct(col('doc'), 0.95))} KB`);
