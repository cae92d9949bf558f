/** axe-core on the home page, an article, the search page (with results) and the lookup page, both colour schemes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, runAxe, watchedPage, type Browser } from './browser';
import { e2eSite } from './global-site';
import { serveStatic, type StaticServer } from './static-server';

let site: StaticServer;
let browser: Browser;

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['article', '/windows-server/iis-http-error-500-19-0x8007000d/'],
  ['search', '/search/?q=access+denied'],
  ['lookup', '/lookup/'],
];

describe.skipIf(!chromiumAvailable)('accessibility (axe-core)', () => {
  beforeAll(async () => {
    site = await serveStatic(await e2eSite());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`%s page (${scheme}) has no serious or critical violations`, async (name, url) => {
      const w = await watchedPage(browser.context);
      await w.page.emulateMedia({ colorScheme: scheme });
      const res = await w.page.goto(site.origin + url);
      expect(res?.status(), `${name} page exists`).toBe(200);
      if (name === 'search') await w.page.waitForFunction(() => Number(document.body.dataset.searchRenders ?? 0) > 0, null, { timeout: 15_000 });
      const violations = (await runAxe(w.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      expect(w.csp).toEqual([]);
      await w.page.close();
    });
  }

  it('the header results panel (open, with results) passes too', async () => {
    const w = await watchedPage(browser.context);
    await w.page.goto(site.origin + '/');
    await w.page.fill('#site-search', 'access denied');
    await w.page.waitForFunction(() => document.querySelector<HTMLElement>('form[data-search-box]')?.dataset.searchQuery === 'access denied');
    const violations = (await runAxe(w.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await w.page.close();
  });
});
