// Dev-only: the real pastes that cost the most CPU in the lookup module (every index file in memory,
// after a warm-up), slowest first: where a lookup's p95 comes from besides its requests.
//   npx tsx scripts/dev/slow-pastes.ts <dist> [eval dir]
import path from 'node:path';
import { loadSiteModule } from '../../bin/site-lookup.mjs';
import { loadRealSets } from '../eval/real-sets';
import { inMemoryFetcher } from './in-memory-index';

const site = path.resolve(process.argv[2] ?? 'dist');
const sets = loadRealSets(path.resolve(process.argv[3] ?? '../shared/eval'));
const { module, kbDir } = await loadSiteModule(site);
const inMemory = inMemoryFetcher(kbDir);
const rows: Array<{ id: string; ms: number; chars: number }> = [];
for (const q of sets.flatMap((s) => s.queries)) {
  await module.createLookupFromFetcher(inMemory).lookup(q.text, { limit: 10 });
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const lk = module.createLookupFromFetcher(inMemory);
    const t = performance.now();
    await lk.lookup(q.text, { limit: 10 });
    times.push(performance.now() - t);
  }
  rows.push({ id: q.id, ms: times.sort((a, b) => a - b)[2], chars: q.text.length });
}
rows.sort((a, b) => b.ms - a.ms);
for (const r of rows.slice(0, 12)) console.log(`${r.ms.toFixed(2)} ms  ${r.chars} chars  ${r.id}`);
const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
console.log(`median ${ms[ms.length >> 1].toFixed(2)} ms, p95 ${ms[Math.floor(ms.length * 0.95)].toFixed(2)} ms over ${ms.length}`);
