/**
 * The cache never makes a build publish what the source does not say: outputs are bound to the
 * content they were made from, whatever order of kills and reverts left the cache behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/build/build-content';
import { articleTermsFile, lookupInputFile, searchDocumentFile } from '../../src/build/cache-layout';
import { openStampJournal } from '../../src/build/stamp-journal';
import { reuseOrBuild } from '../../src/build/output-cache';
import { readCacheText } from '../../src/build/cache-file';

const article = (version: string) => `---
title: Sync fails with error 0x80070005 (${version})
ms.topic: troubleshooting
---

## Symptoms

The sync job stops with this message:

> Error 0x80070005: Access is denied. Version ${version} of the text.

## Resolution

Grant the sync account access (${version}).
`;

function workspace() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-faults-'));
  const root = path.join(work, 'content');
  const cache = path.join(work, 'cache');
  fs.mkdirSync(root, { recursive: true });
  return { root, cache, write: (v: string) => fs.writeFileSync(path.join(root, 'a.md'), article(v)) };
}

const modelText = (cache: string, modelFile: string) => readCacheText(path.join(cache, modelFile));

describe('a cache left by an interrupted build', () => {
  it('never serves an edit that was reverted after a build was cut short (old index, newer files)', async () => {
    const { root, cache, write } = workspace();
    write('v1');
    await buildContent(root, cache);
    const oldIndex = fs.readFileSync(path.join(cache, 'index.json'));
    write('v2');
    await buildContent(root, cache);
    // What a kill during parsing leaves: the files of the v2 parse under the index of the v1 build.
    fs.writeFileSync(path.join(cache, 'index.json'), oldIndex);
    write('v1');
    const b = await buildContent(root, cache);
    const text = modelText(cache, b.articles[0].modelFile);
    expect(text).toContain('Version v1 of the text');
    expect(text).not.toContain('v2');
    expect(b.cache.repaired).toHaveLength(1);
    expect(b.cache.repaired[0]).toMatch(/^a\.md: /);
  });

  it('does not trust a cache index whose bytes changed, even when it still parses', async () => {
    const { root, cache, write } = workspace();
    write('v1');
    await buildContent(root, cache);
    const file = path.join(cache, 'index.json');
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('Sync fails with error');
    expect(at).toBeGreaterThan(0);
    bytes.write('Sync FAILS', at, 'latin1');
    fs.writeFileSync(file, bytes);
    const b = await buildContent(root, cache);
    expect(b.articles[0].title).toBe('Sync fails with error 0x80070005 (v1)');
    expect(b.cache.misses).toBe(1);
    expect(b.cache.indexProblem).toMatch(/index\.json: its bytes do not match their digest/);
  });
  it('parses again an article whose parse was cut before its stamp was written', async () => {
    const { root, cache, write } = workspace();
    write('v1');
    const a = await buildContent(root, cache);
    // What a kill between the withdrawal of the stamp and the parse's end leaves in the journal.
    const journal = openStampJournal(cache);
    journal.withdraw(a.articles[0].modelFile);
    journal.close();
    const b = await buildContent(root, cache);
    expect(b.cache).toMatchObject({ hits: 0, misses: 1 });
    expect(b.cache.repaired[0]).toMatch(/no stamp/);
  });

  it('ignores a journal line cut short by a kill', async () => {
    const { root, cache, write } = workspace();
    write('v1');
    await buildContent(root, cache);
    fs.appendFileSync(path.join(cache, 'stamps.jsonl'), '{"m":"articles/x.model.json","s":{"conte');
    const b = await buildContent(root, cache);
    expect(b.cache).toEqual({ hits: 1, misses: 0, repaired: [], indexProblem: null });
  });

  it('hits the cache when nothing changed', async () => {
    const { root, cache, write } = workspace();
    write('v1');
    await buildContent(root, cache);
    const b = await buildContent(root, cache);
    expect(b.cache).toEqual({ hits: 1, misses: 0, repaired: [], indexProblem: null });
  });
});

describe('damaged cache files', () => {
  for (const [kind, fileOf] of [
    ['model', (m: string) => m],
    ['lookup input', lookupInputFile],
    ['terms', articleTermsFile],
    ['search document', searchDocumentFile],
  ] as const) {
    it(`a truncated ${kind} file is dropped and rebuilt from the source, with the reason`, async () => {
      const { root, cache, write } = workspace();
      write('v1');
      const a = await buildContent(root, cache);
      const file = path.join(cache, fileOf(a.articles[0].modelFile));
      const good = fs.readFileSync(file);
      fs.writeFileSync(file, good.subarray(0, Math.floor(good.length / 2)));
      const b = await buildContent(root, cache);
      expect(b.cache.misses).toBe(1);
      expect(b.cache.repaired[0]).toMatch(/bytes, not the \d+ written/);
      expect(fs.readFileSync(file)).toEqual(good);
    });
  }
});

describe('the site and the cache', () => {
  it('installs stored outputs as copies: an edit in the site reaches neither the cache nor the next install', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-faults-out-'));
    const cache = path.join(work, 'cache');
    const site = path.join(work, 'dist');
    const first = await reuseOrBuild(cache, 'demo', 'digest-1', ['demo'], async (stage) => {
      fs.mkdirSync(path.join(stage, 'demo'), { recursive: true });
      fs.writeFileSync(path.join(stage, 'demo', 'index.json'), '{"ok":true}');
      return true;
    });
    first.install(site);
    const installed = path.join(site, 'demo', 'index.json');
    fs.writeFileSync(installed, 'damaged by a deploy step');
    expect(fs.readFileSync(path.join(cache, 'outputs', 'demo', 'files', 'demo', 'index.json'), 'utf8')).toBe('{"ok":true}');
    const again = await reuseOrBuild(cache, 'demo', 'digest-1', ['demo'], async () => { throw new Error('not rebuilt'); });
    expect(again.reused).toBe(true);
    again.install(site);
    expect(fs.readFileSync(installed, 'utf8')).toBe('{"ok":true}');
  });
});

describe('honest limits', () => {
  it('reports an include reached many ways once, with the count', async () => {
    const { root, cache } = workspace();
    fs.mkdirSync(path.join(root, 'includes'), { recursive: true });
    // An include used six times that names a missing file: six identical reports at one place.
    fs.writeFileSync(path.join(root, 'includes', 'mid.md'), '[!INCLUDE [x](missing.md)]\n');
    const six = Array.from({ length: 6 }, () => '[!INCLUDE [mid](includes/mid.md)]').join('\n\n');
    fs.writeFileSync(path.join(root, 'a.md'), `---\ntitle: Many includes\n---\n\n${six}\n`);
    const b = await buildContent(root, cache);
    const missing = b.diagnostics.filter((d) => d.code === 'include-missing');
    expect(missing, JSON.stringify(b.diagnostics)).toHaveLength(1);
    expect(missing[0].reason).toMatch(/reported 6 times/);
  });
});

describe('include cycles', () => {
  it('are reported on the article that reached them, not only on the include file', async () => {
    const { root, cache } = workspace();
    fs.mkdirSync(path.join(root, 'includes'), { recursive: true });
    fs.writeFileSync(path.join(root, 'includes', 'x.md'), 'X text.\n\n[!INCLUDE [y](y.md)]\n');
    fs.writeFileSync(path.join(root, 'includes', 'y.md'), 'Y text.\n\n[!INCLUDE [x](x.md)]\n');
    fs.writeFileSync(path.join(root, 'a.md'), '---\ntitle: Loop\n---\n\n[!INCLUDE [x](includes/x.md)]\n');
    const b = await buildContent(root, cache);
    const onArticle = b.diagnostics.filter((d) => d.file === 'a.md' && d.code === 'include-cycle');
    expect(onArticle).toHaveLength(1);
    expect(onArticle[0].reason).toContain('a.md → includes/x.md → includes/y.md → includes/x.md');
    expect(onArticle[0].line).toBe(5);
  });
});

describe('size limits', () => {
  it('cuts a description past its hard limit, and says so with the size and the limit', async () => {
    const { root, cache } = workspace();
    fs.writeFileSync(path.join(root, 'a.md'), `---\ntitle: Long description\ndescription: ${'word '.repeat(4000)}\n---\n\nBody.\n`);
    const b = await buildContent(root, cache);
    const d = b.diagnostics.find((x) => x.code === 'size-truncated')!;
    expect(d.reason).toMatch(/description is 19,999 characters, over the limit of 10,000/);
    expect(b.articles[0].description.length).toBe(10_000);
  });
  it('publishes a page past its hard limit cut at a section, with a note on the page', async () => {
    const { root, cache } = workspace();
    const huge = 'x'.repeat(8_500_000);
    fs.writeFileSync(path.join(root, 'a.md'), `---\ntitle: Huge\n---\n\n## First\n\nKept.\n\n## Second\n\n\`\`\`\n${huge}\n\`\`\`\n\n## Third\n\nAlso cut.\n`);
    const b = await buildContent(root, cache);
    expect(b.diagnostics.find((x) => x.code === 'size-truncated')?.reason).toMatch(/over the limit of 8,000,000; only its first 1 section/);
    const model = JSON.parse(modelText(cache, b.articles[0].modelFile)) as { sections: Array<{ title: string; html: string }> };
    expect(model.sections.map((s) => s.title)).toEqual(['First', 'Article truncated']);
    expect(model.sections[1].html).toContain('longer than this site publishes');
  });
});

describe('stored outputs', () => {
  it('builds an output again when one of its stored files was truncated', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-faults-store-'));
    const cache = path.join(work, 'cache');
    let builds = 0;
    const build = () => reuseOrBuild(cache, 'idx', 'digest-1', ['idx'], async (stage) => {
      builds++;
      fs.mkdirSync(path.join(stage, 'idx', 'p'), { recursive: true });
      fs.writeFileSync(path.join(stage, 'idx', 'p', '0.bin'), Buffer.alloc(2048, 7));
      return true;
    });
    await build();
    expect((await build()).reused).toBe(true);
    const shard = path.join(cache, 'outputs', 'idx', 'files', 'idx', 'p', '0.bin');
    fs.writeFileSync(shard, Buffer.alloc(100, 7));
    const again = await build();
    expect(again.reused).toBe(false);
    expect(builds).toBe(2);
    expect(fs.statSync(shard).size).toBe(2048);
    // Rewritten in place with other bytes of the same size (a deploy step, a minifier run on the cache).
    expect((await build()).reused).toBe(true);
    fs.writeFileSync(shard, Buffer.alloc(2048, 9));
    const rewritten = await build();
    expect(rewritten.reused).toBe(false);
    expect(fs.readFileSync(shard)).toEqual(Buffer.alloc(2048, 7));
  });
});

describe('installing a reused output', () => {
  it('copies only the files that changed, and removes the ones the output no longer has', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-faults-sync-'));
    const cache = path.join(work, 'cache');
    const site = path.join(work, 'dist');
    const make = (files: Record<string, string>) => async (stage: string) => {
      for (const [f, text] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(stage, 'o', f)), { recursive: true }); fs.writeFileSync(path.join(stage, 'o', f), text); }
      return true;
    };
    (await reuseOrBuild(cache, 'o', 'd1', ['o'], make({ 'a.json': 'A', 'b.json': 'B' }))).install(site);
    const a = path.join(site, 'o', 'a.json');
    const inode = fs.statSync(a).ino;
    (await reuseOrBuild(cache, 'o', 'd1', ['o'], make({}))).install(site);
    expect(fs.statSync(a).ino).toBe(inode);
    (await reuseOrBuild(cache, 'o', 'd2', ['o'], make({ 'a.json': 'A2' }))).install(site);
    expect(fs.readFileSync(a, 'utf8')).toBe('A2');
    expect(fs.existsSync(path.join(site, 'o', 'b.json'))).toBe(false);
  });
});
