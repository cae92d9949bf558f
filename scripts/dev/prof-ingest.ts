import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ingestArticle } from '../../src/core/ingest';
import { createFsIncludeResolver } from '../../src/node/include-resolver';
const root = process.argv[2] ?? '/work/shared/corpus';
const limit = Number(process.argv[3] ?? 1e9);
function* walk(d: string): Generator<string> { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) yield* walk(p); else if (/\.mdx?$/.test(n)) yield p; } }
const files = [...walk(root)].slice(0, limit);
const resolver = createFsIncludeResolver(root);
const t = performance.now();
for (const f of files) ingestArticle(relative(root, f), readFileSync(f), resolver);
console.log(files.length, 'files', ((performance.now() - t) / 1000).toFixed(1), 's');
