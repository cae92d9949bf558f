import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/build/build-content';
import { generatorDigest } from '../../../src/build/code-digest';
import { resolveConfig } from '../../../src/config';
import { writeLookupIndex } from '../../../src/build/lookup-build';
import { lookupInputFile, searchDocumentFile } from '../../../src/build/cache-layout';
import { writeSearchIndex } from '../../../src/build/pagefind-build';
import { searchDocument } from '../../../src/core/search/index-document';
import { projectRoot } from '../../helpers/build-site';
import { readCacheText } from '../../../src/build/cache-file';

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

describe('files the parsers write beside each model', () => {
  it('the lookup index is built from the small files the parsers write, without the models', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-lookup-input-'));
    const cache = path.join(work, 'cache');
    const build = await buildContent(path.join(projectRoot, 'content'), cache);
    const withMessages = build.articles.filter((a) => a.errorMessages > 0);
    expect(withMessages.length).toBeGreaterThan(10);
    for (const a of withMessages) expect(fs.existsSync(path.join(cache, lookupInputFile(a.modelFile)))).toBe(true);

    for (const a of build.articles) {
      const model = JSON.parse(readCacheText(path.join(cache, a.modelFile)));
      expect(readCacheText(path.join(cache, searchDocumentFile(a.modelFile)))).toBe(searchDocument(model));
    }
    const lines: string[] = [];
    const written = await writeLookupIndex(build, cache, path.join(work, 'from-models-and-files'), generatorDigest(), (l) => lines.push(l));
    // It says what it does, phase by phase, ending each with its count (a minute at 50,000 articles).
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^KB: error lookup: reading articles ${withMessages.length}/${withMessages.length} done in `)),
      expect.stringMatching(new RegExp(`^KB: error lookup: indexing \\d+ messages of ${withMessages.length} articles$`)),
      expect.stringMatching(/^KB: error lookup: writing files (\d+)\/\1 done in /),
      expect.stringMatching(new RegExp(`^KB: article index: reading articles ${build.articles.length}/${build.articles.length} done in `)),
      `KB: article index: indexing ${build.articles.length} articles`,
      expect.stringMatching(/^KB: article index: writing files (\d+)\/\1 done in /),
    ]);
    // Every file but the module is written under a progress line's count.
    const counts = lines.filter((l) => /writing files/.test(l)).map((l) => Number(/(\d+)\//.exec(l)![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(written.files - 1);
    for (const a of build.articles) fs.rmSync(path.join(cache, a.modelFile));
    await writeLookupIndex(build, cache, path.join(work, 'from-files'), generatorDigest());
    const files = digests(path.join(work, 'from-files'));
    expect(Object.keys(files).length).toBeGreaterThan(20);
    expect(files).toEqual(digests(path.join(work, 'from-models-and-files')));

    // Pagefind is fed from the search documents alone.
    const search = await writeSearchIndex(build.articles, cache, path.join(work, 'search'), generatorDigest(), { bundleSize: resolveConfig().pagefindBundleSize });
    expect(search.pages).toBe(build.articles.length);
  }, 120_000);
});
