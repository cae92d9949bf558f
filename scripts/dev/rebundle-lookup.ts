// Re-bundle /_kb/lookup.js into an existing built site after a query-side change (no index rebuild).
import fs from 'node:fs';
import path from 'node:path';
import { bundleLookupModule } from '../../src/node/lookup-build';

const site = path.resolve(process.argv[2] ?? 'dist');
const fixShards = fs.readdirSync(path.join(site, '_kb/lookup/fix')).length;
await bundleLookupModule(path.join(site, '_kb/lookup.js'), fixShards, fs.readFileSync(path.join(site, '_kb/lookup/manifest.json'), 'utf8'));
console.log(`rebundled ${site}/_kb/lookup.js (${fixShards} fix shards)`);
