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
    expect(list.bundles).toEqual(['/pagefind/x/2/', '/pagefind/x/3/']);
    for (const b of list.bundles) expect(fs.existsSync(path.join(outDir, b, 'pagefind-entry.json'))).toBe(true);
  });

  it('finds articles from the first and the last bundle', async () => {
    const w = await watchedPage(browser.context);
    // Sorted by URL: azure-kubernetes/* is in the first bundle, windows-server/* in the last.
    for (const [query, url] of [
      ['trust relationship workstation', '/windows-server/trust-relationship-workstation-primary-domain-failed/'],
      ['ImagePullBackOff', '/azure-kubernetes/imagepullbackoff-401-unauthorized-acr/'],
    ]) {
      await w.page.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`);
      await w.page.waitForFunction(() => Number(document.body.dataset.searchRenders ?? 0) > 0, null, { timeout: 15_000 });
      const urls = await w.page.$$eval('[data-search-page-results] .sr-item a.sr-link', (as) => as.map((a) => a.getAttribute('href')));
      expect(urls, query).toContain(url);
    }
    expect(w.csp).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
