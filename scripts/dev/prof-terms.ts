// Dev-only: the parsers' term extraction (compactTermsOf) alone, over the models of a build cache,
// for profiling: `node --cpu-prof --import tsx scripts/dev/prof-terms.ts <cache> [rounds]`.
import fs from 'node:fs';
import path from 'node:path';
import { compactTermsOf } from '../../src/core/retrieval/article-terms';
import type { Article } from '../../src/core/model/article';
import { readCacheText } from '../../src/build/cache-file';

const cache = process.argv[2];
const rounds = Number(process.argv[3] ?? 3);
const dir = path.join(cache, 'articles');
const models = fs.readdirSync(dir).filter((f) => f.endsWith('.model.json')).sort().map((f) => JSON.parse(readCacheText(path.join(dir, f))) as Article);
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  let terms = 0;
  for (const m of models) terms += compactTermsOf(m).hashes.length;
  console.log(`${models.length} articles, ${terms} term rows, ${((performance.now() - t) / 1000).toFixed(2)} s`);
}
