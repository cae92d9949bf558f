/**
 * Search bundles are indexed while parsing goes on: the loader hands each bundle over as soon as its
 * last article is parsed, and the whole index reuses what was built ahead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent, generatorDigest, type ContentBuild } from '../../../src/node/build-content';
import { prebuildSearchBundle, searchBundleOf, writeSearchIndex, type SearchSource } from '../../../src/node/pagefind-build';

const article = (n: number) => `---\ntitle: Article ${n}\nms.topic: troubleshooting\n---\n\n## Symptoms\n\nError 0x8007${String(n).padStart(4, '0')} appears.\n\n## Resolution\n\n1. Restart service ${n}.\n`;
const ARTICLES = 40;

let root: string;
let cache: string;
let build: ContentBuild;
const announced: Array<{ bundle: number; entries: SearchSource[]; parsedSoFar: number }> = [];
const previousChunk = process.env.KB_PAGEFIND_CHUNK;
const previousWorkers = process.env.KB_WORKERS;

beforeAll(async () => {
  process.env.KB_PAGEFIND_CHUNK = '10';
  process.env.KB_WORKERS = '2';
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-ahead-root-'));
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-ahead-cache-'));
  for (let n = 0; n < ARTICLES; n++) fs.writeFileSync(path.join(root, `article-${n}.md`), article(n));
  // Not a page: it still has to be parsed before its bundle is complete.
  fs.writeFileSync(path.join(root, 'broken.md'), '---\ntitle: [unclosed\n---\n');
  let parsed = 0;
  build = await buildContent(root, cache, {
    onProgress: (done) => (parsed = done),
    onSearchBundle: (bundle, entries) => announced.push({ bundle, entries, parsedSoFar: parsed }),
  });
}, 120_000);

afterAll(() => {
  if (previousChunk === undefined) delete process.env.KB_PAGEFIND_CHUNK;
  else process.env.KB_PAGEFIND_CHUNK = previousChunk;
  if (previousWorkers === undefined) delete process.env.KB_WORKERS;
  else process.env.KB_WORKERS = previousWorkers;
});

describe('search bundles handed over during parsing', () => {
  it('announces every bundle once, with exactly its published articles', () => {
    expect(build.searchBundles).toBe(5);
    expect(announced.map((a) => a.bundle).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const { bundle, entries } of announced) {
      const expected = build.articles.filter((a) => searchBundleOf(a.source, build.searchBundles) === bundle);
      expect(entries.map((e) => e.source).sort()).toEqual(expected.map((a) => a.source).sort());
      // Same URLs and content keys as the finished build, so the whole index can reuse the bundle.
      for (const e of entries) {
        const final = build.articles.find((a) => a.source === e.source)!;
        expect([e.url, e.modelFile, e.contentKey]).toEqual([final.url, final.modelFile, final.contentKey]);
      }
    }
  });

  it('parses bundle by bundle, so the first is handed over early', () => {
    // At most one bundle's inputs, plus the articles already sent to the two parsers (two each).
    const inputsPerBundle = Array.from({ length: build.searchBundles }, (_, b) => announced.find((a) => a.bundle === b)!.entries.length + (b === searchBundleOf('broken.md', build.searchBundles) ? 1 : 0));
    expect(announced[0].parsedSoFar).toBeLessThanOrEqual(Math.max(...inputsPerBundle) + 4);
    expect(announced[0].parsedSoFar).toBeLessThan(build.cache.misses / 2);
  });

  it('lets the whole index reuse the bundles built ahead, and index again one whose URLs changed', async () => {
    const generator = generatorDigest();
    for (const { bundle, entries } of announced) await prebuildSearchBundle(bundle + 1, entries, cache, generator);
    const plans: number[] = [];
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-ahead-out-'));
    const stats = await writeSearchIndex(build.articles, build.searchBundles, cache, out, generator, (toIndex) => plans.push(toIndex));
    expect(plans).toEqual([0]);
    expect(stats.pages).toBe(build.articles.length);

    // As when duplicate URLs are told apart after parsing: that article's bundle is indexed again.
    const moved = build.articles.map((a, i) => (i === 0 ? { ...a, url: a.url.replace(/\/$/, '-2/') } : a));
    const movedBundle = announced.find((a) => a.bundle === searchBundleOf(moved[0].source, build.searchBundles))!;
    await writeSearchIndex(moved, build.searchBundles, cache, out, generator, (toIndex) => plans.push(toIndex));
    expect(plans[1]).toBe(movedBundle.entries.length);
  }, 120_000);
});
