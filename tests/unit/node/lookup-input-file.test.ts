import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, generatorDigest } from '../../../src/node/build-content';
import { writeLookupIndex } from '../../../src/node/lookup-build';
import { lookupInputFile } from '../../../src/node/lookup-input';
import { projectRoot } from '../../helpers/build-site';

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

describe('lookup input files', () => {
  it('the lookup index is built from the small files the parsers write, without the models', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-lookup-input-'));
    const cache = path.join(work, 'cache');
    const build = await buildContent(path.join(projectRoot, 'content'), cache);
    const withMessages = build.articles.filter((a) => a.errorMessages > 0);
    expect(withMessages.length).toBeGreaterThan(10);
    for (const a of withMessages) expect(fs.existsSync(path.join(cache, lookupInputFile(a.modelFile)))).toBe(true);

    await writeLookupIndex(build, cache, path.join(work, 'from-models-and-files'), generatorDigest());
    for (const a of build.articles) fs.rmSync(path.join(cache, a.modelFile));
    await writeLookupIndex(build, cache, path.join(work, 'from-files'), generatorDigest());
    const files = digests(path.join(work, 'from-files'));
    expect(Object.keys(files).length).toBeGreaterThan(20);
    expect(files).toEqual(digests(path.join(work, 'from-models-and-files')));
  }, 120_000);
});
