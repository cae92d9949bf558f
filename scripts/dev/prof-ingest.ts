// Dev-only: what the parser processes do (parse, normalize, write the model and the files beside
// it), on one core, for profiling: `node --cpu-prof --import tsx scripts/dev/prof-ingest.ts [root] [limit]`.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestArticle } from '../../src/core/ingest';
import { discover } from '../../src/build/discover';
import { createFsIncludeResolver } from '../../src/build/include-resolver';
import { storeParsedArticle } from '../../src/build/light-result';

const root = process.argv[2] ?? '../shared/corpus';
const limit = Number(process.argv[3] ?? 1e9);
const files = discover(root).files.filter((f) => f.kind === 'article').slice(0, limit);
const cache = mkdtempSync(join(tmpdir(), 'kb-prof-'));
mkdirSync(join(cache, 'articles'));
const resolver = createFsIncludeResolver(root);
const t = performance.now();
for (const f of files) storeParsedArticle(ingestArticle(f.source, readFileSync(join(root, f.source)), resolver), cache);
console.log(files.length, 'files', ((performance.now() - t) / 1000).toFixed(1), 's; cache', cache);
