/** What a reader meets on article and browse pages: phone layout, section links, print, "Show more". */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, watchedPage } from './browser';
import { servedSiteAndBrowser } from './site-fixture';


/** Long unbroken strings in prose and a heading, a wide table and long code lines, with a toc nav. */
const LONG_ARTICLE = '/windows-server/dfsr-no-inbound-partners/';
const PAGES = [LONG_ARTICLE, '/windows-server/iis-http-error-500-19-0x8007000d/', '/', '/browse/products/', '/browse/families/windows-server/', '/browse/products/windows-server-2019/', '/browse/areas/', '/lookup/', '/search/?q=access+denied'];

describe.skipIf(!chromiumAvailable)('reading on a phone and a desktop', () => {
  const f = servedSiteAndBrowser();

  for (const width of [390, 1366]) {
    it(`no page scrolls sideways at ${width} px`, async () => {
      const w = await watchedPage(f.browser.context);
      await w.page.setViewportSize({ width, height: 844 });
      const wide: string[] = [];
      for (const url of PAGES) {
        const res = await w.page.goto(f.site.origin + url);
        expect(res?.status(), url).toBe(200);
        const sw = await w.page.evaluate(() => document.documentElement.scrollWidth);
        if (sw > width) wide.push(`${url}: ${sw}px`);
      }
      expect(wide).toEqual([]);
      // Code and tables scroll inside their own box instead.
      await w.page.goto(f.site.origin + LONG_ARTICLE);
      const boxes = await w.page.evaluate(() => [...document.querySelectorAll('article pre, article table')].map((el) => [el.scrollWidth > el.clientWidth, getComputedStyle(el).overflowX]));
      if (width === 390) expect(boxes.filter(([scrolls]) => scrolls).length).toBeGreaterThan(0);
      for (const [scrolls, overflow] of boxes) if (scrolls) expect(overflow).toBe('auto');
      await w.page.close();
    });
  }

  it('puts the title first on a phone, with the section nav and "On this page" as closed disclosures under it', async () => {
    const w = await watchedPage(f.browser.context);
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(f.site.origin + LONG_ARTICLE);
    const layout = await w.page.evaluate(() => {
      const top = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
      const box = (sel: string) => document.querySelector<HTMLDetailsElement>(sel)!;
      return { h1: top('h1'), crumbs: top('.breadcrumbs'), nav: top('.side-nav-box'), toc: top('.page-toc-box'), body: top('article.article'), navOpen: box('.side-nav-box').open, tocOpen: box('.page-toc-box').open, links: document.querySelector('.side-nav')!.checkVisibility() };
    });
    expect(layout.crumbs).toBeLessThan(layout.h1);
    expect(layout.h1).toBeLessThan(layout.nav);
    expect(layout.nav).toBeLessThan(layout.toc);
    expect(layout.toc).toBeLessThan(layout.body);
    expect(layout.h1).toBeLessThan(844);
    expect([layout.navOpen, layout.tocOpen, layout.links]).toEqual([false, false, false]);
    // Opening the disclosure shows the section's articles.
    await w.page.click('.side-nav-box > summary');
    expect(await w.page.evaluate(() => document.querySelector('.side-nav')!.checkVisibility())).toBe(true);
    await w.page.close();
  });

  it('shows the section nav and "On this page" as side columns on a desktop', async () => {
    const w = await watchedPage(f.browser.context);
    await w.page.setViewportSize({ width: 1366, height: 900 });
    await w.page.goto(f.site.origin + LONG_ARTICLE);
    const r = await w.page.evaluate(() => ['.side-nav', '.page-toc', 'article.article'].map((s) => document.querySelector(s)!).map((el) => ({ left: el.getBoundingClientRect().left, visible: el.checkVisibility() })));
    expect(r.map((x) => x.visible)).toEqual([true, true, true]);
    expect(r[0].left).toBeLessThan(r[2].left);
    expect(r[1].left).toBeGreaterThan(r[2].left);
    await w.page.close();
  });

  it('copies a link to a section from its heading, shown on keyboard focus', async () => {
    await f.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: f.site.origin });
    const w = await watchedPage(f.browser.context);
    await w.page.goto(f.site.origin + LONG_ARTICLE);
    const link = w.page.locator('section.role-cause a.heading-link');
    expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
    await link.focus();
    await w.page.waitForFunction(() => getComputedStyle(document.activeElement!).opacity === '1');
    await w.page.keyboard.press('Enter');
    await w.page.waitForFunction(() => location.hash === '#cause');
    expect(await w.page.evaluate(() => navigator.clipboard.readText())).toBe(`${f.site.origin}${LONG_ARTICLE}#cause`);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('prints the article alone, with its address', async () => {
    const w = await watchedPage(f.browser.context);
    await w.page.goto(f.site.origin + LONG_ARTICLE);
    await w.page.emulateMedia({ media: 'print' });
    const shown = await w.page.evaluate(() => Object.fromEntries(['.site-header', '.site-footer', '.side-nav-box', '.page-toc-box', '.breadcrumbs', '.print-url', 'article.article'].map((s) => [s, getComputedStyle(document.querySelector(s)!).display !== 'none'])));
    expect(shown).toEqual({ '.site-header': false, '.site-footer': false, '.side-nav-box': false, '.page-toc-box': false, '.breadcrumbs': false, '.print-url': true, 'article.article': true });
    expect(await w.page.textContent('.print-url')).toBe(f.site.origin + LONG_ARTICLE);
    await w.page.close();
  });

  it('shows more results on the search page, beyond the first page', async () => {
    const w = await watchedPage(f.browser.context);
    // A word every article has: more results than one page.
    await w.page.goto(`${f.site.origin}/search/?q=the`);
    await w.page.waitForFunction(() => Number(document.body.dataset.searchRenders ?? 0) > 0, null, { timeout: 15_000 });
    const first = await w.page.locator('[data-search-page-results] > li').count();
    expect(first).toBe(30);
    await w.page.click('[data-search-page-more]');
    await w.page.waitForFunction(() => Number(document.body.dataset.searchRenders ?? 0) > 1, null, { timeout: 15_000 });
    const after = await w.page.locator('[data-search-page-results] > li').count();
    expect(after).toBeGreaterThan(first);
    expect(await w.page.isHidden('[data-search-page-more]')).toBe(true);
    // The 31st result has focus, so a keyboard user carries on from there.
    expect(await w.page.evaluate(() => [...document.querySelectorAll('[data-search-page-results] > li')].indexOf(document.activeElement!.closest('li')!))).toBe(30);
    await w.page.close();
  });

  it('brings pasted-error results into view on a phone', async () => {
    const w = await watchedPage(f.browser.context);
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(f.site.origin + '/lookup/');
    await w.page.fill('#lookup-q', 'HTTP Error 500.19 - Internal Server Error\nError Code 0x8007000d\nConfig Error: Configuration file is not well-formed XML');
    await w.page.dispatchEvent('#lookup-q', 'paste');
    await w.page.waitForFunction(() => document.querySelectorAll('#lookup-results a').length > 0, null, { timeout: 15_000 });
    const top = await w.page.evaluate(() => document.getElementById('lookup-status')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(844 / 2);
    await w.page.close();
  });
});
