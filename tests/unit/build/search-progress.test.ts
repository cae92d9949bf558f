/** The search index reports its progress, so a build waiting for it can say how far it is. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/build/build-content';
import { generatorDigest } from '../../../src/build/code-digest';
import { bundleCount, writeSearchIndex } from '../../../src/build/pagefind-build';
import { writeSearchIndexInWorker } from '../../../src/build/pagefind-thread';
import { projectRoot } from '../../helpers/build-site';

/** Bundles of 8 articles: the sample site makes several. */
const bundleSize = 8;

describe('search index progress', () => {
  it('counts up to the articles it indexes, and reports nothing to do when every bundle is reused', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-search-progress-'));
    const cache = path.join(work, 'cache');
    const build = await buildContent(path.join(projectRoot, 'content'), cache);
    expect(bundleCount(build.articles.length, bundleSize)).toBeGreaterThan(1);

    const seen: Array<[number, number]> = [];
    await writeSearchIndex(build.articles, cache, path.join(work, 'out'), generatorDigest(), { bundleSize, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.length).toBeGreaterThan(bundleCount(build.articles.length, bundleSize));
    expect(new Set(seen.map(([, t]) => t))).toEqual(new Set([build.articles.length]));
    const done = seen.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Part-way while a bundle is only added, all of it once the last bundle is written.
    expect(done.some((d) => d > 0 && d < build.articles.length)).toBe(true);
    expect(done.at(-1)).toBe(build.articles.length);

    const again: Array<[number, number]> = [];
    let planned = -1;
    await writeSearchIndex(build.articles, cache, path.join(work, 'again'), generatorDigest(), {
      bundleSize,
      onPlan: (toIndex) => (planned = toIndex),
      onProgress: (d, t) => again.push([d, t]),
    });
    expect(planned).toBe(0);
    expect(again).toEqual([]);

    // From the worker thread too, ending with everything indexed.
    const fromWorker: Array<[number, number]> = [];
    const fresh = path.join(work, 'cache-2');
    const build2 = await buildContent(path.join(projectRoot, 'content'), fresh);
    await writeSearchIndexInWorker({ entries: build2.articles, cacheDir: fresh, outDir: path.join(work, 'worker'), generator: generatorDigest(), bundleSize }, (d, t) => fromWorker.push([d, t]));
    expect(fromWorker.at(-1)).toEqual([build2.articles.length, build2.articles.length]);
  }, 180_000);
});
