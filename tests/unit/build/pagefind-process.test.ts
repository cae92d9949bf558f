/**
 * The search index runs one Pagefind process per lane for all its bundles: a process per bundle
 * faulted its memory in anew each time, which costs about 20 µs a page on the build VMs, and two
 * lanes in one process take turns on one core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/build/build-content';
import { generatorDigest } from '../../../src/build/code-digest';
import { bundleCount, bundlesAtOnce, EXTRA_BUNDLES_FILE, writeSearchIndex } from '../../../src/build/pagefind-build';
import { projectRoot } from '../../helpers/build-site';

/** Pagefind processes among this process's children (Linux). */
function pagefindChildren(): number[] {
  const dir = `/proc/${process.pid}/task`;
  const pids = fs.readdirSync(dir).flatMap((t) => fs.readFileSync(`${dir}/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return pids.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind');
    } catch {
      return false;
    }
  });
}

describe.skipIf(process.platform !== 'linux')('the search index', () => {
  it('indexes every bundle in one Pagefind process, and ends it', async () => {
    const bundleSize = 8;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pagefind-process-'));
    const build = await buildContent(path.join(projectRoot, 'content'), path.join(work, 'cache'));
    expect(bundleCount(build.articles.length, bundleSize)).toBeGreaterThan(2);

    const seen = new Set<number>();
    const watch = setInterval(() => pagefindChildren().forEach((pid) => seen.add(pid)), 5);
    const stats = await writeSearchIndex(build.articles, path.join(work, 'cache'), path.join(work, 'out'), generatorDigest(), { bundleSize });
    clearInterval(watch);
    expect(stats.pages).toBe(build.articles.length);
    expect(seen.size).toBe(1);
    // Closed when the index is written: no Pagefind process outlives it.
    await new Promise((r) => setTimeout(r, 200));
    expect(pagefindChildren()).toEqual([]);
  }, 120_000);

  it('indexes two bundles at once above eight, each lane in its own Pagefind process, and installs every bundle', async () => {
    const bundleSize = 2;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pagefind-lanes-'));
    const build = await buildContent(path.join(projectRoot, 'content'), path.join(work, 'cache'));
    const count = bundleCount(build.articles.length, bundleSize);
    expect(count).toBeGreaterThan(8);
    expect(bundlesAtOnce(count)).toBe(2);

    const out = path.join(work, 'out');
    const seen = new Set<number>();
    const watch = setInterval(() => pagefindChildren().forEach((pid) => seen.add(pid)), 5);
    const stats = await writeSearchIndex(build.articles, path.join(work, 'cache'), out, generatorDigest(), { bundleSize });
    clearInterval(watch);
    expect(stats.pages).toBe(build.articles.length);
    expect(seen.size).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(pagefindChildren()).toEqual([]);
    const listed = JSON.parse(fs.readFileSync(path.join(out, 'pagefind', EXTRA_BUNDLES_FILE), 'utf8')).bundles as string[];
    expect(listed).toEqual(Array.from({ length: count - 1 }, (_, i) => `/pagefind/x/${i + 2}/`));
    // Installing the root bundle replaces the folder: the others must still be there after it.
    for (const url of ['/pagefind/', ...listed]) expect(fs.existsSync(path.join(out, url, 'pagefind-entry.json')), url).toBe(true);

    // Reused from the cache, the same files come back.
    const again = path.join(work, 'again');
    await writeSearchIndex(build.articles, path.join(work, 'cache'), again, generatorDigest(), { bundleSize });
    const list = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
    expect(list(path.join(again, 'pagefind'))).toEqual(list(path.join(out, 'pagefind')));
  }, 180_000);
});
