// Re-bundle /_kb/lookup.js into an existing built site after a query-side change (no index rebuild).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeLookupModule } from '../../src/build/lookup-build';

const site = path.resolve(process.argv[2] ?? 'dist');
const fixShards = fs.readdirSync(path.join(site, '_kb/lookup/fix')).length;
// A fresh cache folder, so the module is bundled from the current sources.
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-rebundle-'));
writeLookupModule(path.join(site, '_kb/lookup.js'), cache, 'dev', fixShards, fs.readFileSync(path.join(site, '_kb/lookup/manifest.json'), 'utf8'), fs.readFileSync(path.join(site, '_kb/lookup/a/manifest.json'), 'utf8'));
fs.rmSync(cache, { recursive: true, force: true });
console.log(`rebundled ${site}/_kb/lookup.js (${fixShards} fix shards)`);
