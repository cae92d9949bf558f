/** axe-core on the home page, an article, the search page (with results) and the lookup page, both colour schemes. */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, runAxe, watchedPage } from './browser';
import { servedSiteAndBrowser } from './site-fixture';


const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['article', '/windows-server/iis-http-error-500-19-0x8007000d/'],
  ['search', '/search/?q=access+denied'],
  ['lookup', '/lookup/'],
  ['products', '/browse/products/'],
  ['product family', '/browse/families/windows-server/'],
  ['product', '/browse/products/windows-server-2019/'],
  ['article with nav and long strings', '/windows-server/dfsr-no-inbound-partners/'],
];

describe.skipIf(!chromiumAvailable)('accessibility (axe-core)', () => {
  const f = servedSiteAndBrowser();

  for (const scheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`%s page (${scheme}) has no serious or critical violations`, async (name, url) => {
      const w = await watchedPage(f.browser.context);
      await w.page.emulateMedia({ colorScheme: scheme });
      const res = await w.page.goto(f.site.origin + url);
      expect(res?.status(), `${name} page exists`).toBe(200);
      if (name === 'search') await w.page.waitForFunction(() => Number(document.body.dataset.searchRenders ?? 0) > 0, null, { timeout: 15_000 });
      const violations = (await runAxe(w.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      expect(w.csp).toEqual([]);
      await w.page.close();
    });
  }

  it('the header results panel (open, with results) passes too', async () => {
    const w = await watchedPage(f.browser.context);
    await w.page.goto(f.site.origin + '/');
    await w.page.fill('#site-search', 'access denied');
    await w.page.waitForFunction(() => document.querySelector<HTMLElement>('form[data-search-box]')?.dataset.searchQuery === 'access denied');
    const violations = (await runAxe(w.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await w.page.close();
  });
});
