// Rewrite an existing site's lookup index and module from the build cache (after an index-side change; no page build).
import path from 'node:path';
import { readBuildRecord } from '../../src/build/build-record';
import { cacheLayout } from '../../src/build/cache-layout';
import { generatorDigest } from '../../src/build/code-digest';
import { writeLookupIndex } from '../../src/build/lookup-build';

const site = path.resolve(process.argv[2] ?? 'dist');
const cache = path.resolve(process.argv[3] ?? '.kb-cache');
const build = readBuildRecord(cacheLayout(cache));
const r = await writeLookupIndex(build, cache, site, generatorDigest(), (line) => console.log(`${(performance.now() / 1000).toFixed(1)} s ${line}`));
console.log(`reindexed ${site}/_kb: ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB in ${r.seconds.toFixed(1)} s`);
