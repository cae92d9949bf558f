import fs from 'node:fs';
import path from 'node:path';
import { searchDocument } from '../../src/core/search/index-document';
const cache = process.argv[2];
const m = JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8'));
let t = performance.now(); let bytes = 0, out = 0, n = 0;
for (const e of m.articles.slice(0, Number(process.argv[3] ?? 1e9))) { const s = fs.readFileSync(path.join(cache, e.modelFile), 'utf8'); bytes += s.length; const d = searchDocument(JSON.parse(s)); out += d.length; n++; }
console.log(n, 'models', (bytes / 1e6).toFixed(0), 'MB →', (out / 1e6).toFixed(0), 'MB documents', ((performance.now() - t) / 1000).toFixed(1), 's');
