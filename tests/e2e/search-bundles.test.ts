/**
 * Large sites are indexed in several Pagefind bundles so the indexer's memory stays bounded; the
 * search page merges them. A tiny KB_PAGEFIND_CHUNK makes the sample site use several bundles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site';
import { chromiumAvailable, launchBrowser, watchedPage, type Browser } from './browser';
import { serveStatic, type StaticServer } from './static-server';
import { bundleCount, bundleOf } from '../../src/build/pagefind-build';

let site: StaticServer;
let browser: Browser;
let outDir: string;

describe.skipIf(!chromiumAvailable)('a site indexed in several Pagefind bundles', () => {
  beforeAll(async () => {
    const built = buildSite(path.join(projectRoot, 'content'), { env: { KB_PAGEFIND_CHUNK: '12' } });
    if (built.status !== 0) throw new Error(built.output.slice(-3000));
    outDir = built.outDir;
    site = await serveStatic(outDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('writes the extra bundles and lists them', () => {
    const list = JSON.parse(fs.readFileSync(path.join(outDir, 'pagefind/bundles.json'), 'utf8'));
    const pages = JSON.parse(fs.readFileSync(path.join(outDir, '_kb/report.json'), 'utf8')).pages as number;
    const count = bundleCount(pages, 12);
    expect(count).toBeGreaterThan(2);
    expect(list.bundles).toEqual(Array.from({ length: count - 1 }, (_, i) => `/pagefind/x/${i + 2}/`));
    for (const b of list.bundles) expect(fs.existsSync(path.join(outDir, b, 'pagefind-entry.json'))).toBe(true);
  });

  it('finds an article from every bundle', async () => {
    const articles = JSON.parse(fs.readFileSync(path.join(outDir, '_kb/report.json'), 'utf8')).articles as Array<{ url: string; title: string }>;
    const count = bundleCount(articles.length, 12);
    const w = await watchedPage(browser.context);
    for (let b = 0; b < count; b++) {
      const member = articles.find((a) => bundleOf(a.url, count) === b);
      expect(member, `bundle ${b + 1} has an article`).toBeDefined();
      await w.page.goto(`${site.origin}/search/?q=${encodeURIComponent(member!.title)}`);
      await w.page.waitForFunction(() => Number(document.body.dataset.searchRenders ?? 0) > 0, null, { timeout: 15_000 });
      const urls = await w.page.$$eval('[data-search-page-results] .sr-item a.sr-link', (as) => as.map((a) => a.getAttribute('href')));
      expect(urls, `bundle ${b + 1}: ${member!.title}`).toContain(member!.url);
    }
    expect(w.csp).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
