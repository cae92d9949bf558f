/** The /lookup/ page in Chromium, on a build of the sample content. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser';
import { serveStatic, type StaticServer } from '../../scripts/eval/serve';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

const PASTE = "Hello,\n2025-02-11T08:01:12Z ERROR Login failed for user 'WOODGROVE\\etl_runner'. Reason: Password did not match that for the login provided. [CLIENT: 10.9.8.7]";
const HOSTILE = 'HTTP Error 500.19 - Internal Server Error <img src=x onerror="window.__pwned=1">';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  site = buildSite(path.join(projectRoot, 'content'));
  if (site.status !== 0) throw new Error(site.output);
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const firstResult = () => page.locator('.lk-result').first();

describe('lookup page', () => {
  it('shows the right article first for a pasted error, and keeps ?q= in sync', async () => {
    await page.goto(`${server.url}/lookup/`);
    await page.locator('#lookup-q').fill(PASTE);
    await expect.poll(() => page.locator('#lookup-status').textContent(), { timeout: 10_000 }).toMatch(/confident match/);
    expect(await firstResult().getAttribute('data-source')).toBe('sql-server/login-failed-error-18456.md');
    const href = await firstResult().locator('a.lk-title').getAttribute('href');
    expect(href).toMatch(/^\/sql-server\/login-failed-error-18456\/#[\w-]+$/);
    expect(await firstResult().locator('.lk-confident').count()).toBe(1);
    expect(await firstResult().locator('mark').count()).toBeGreaterThan(0);
    expect(await firstResult().locator('a.lk-solution').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe(PASTE);
    expect(errors).toEqual([]);
  });

  it('runs the lookup from a shared ?q= URL', async () => {
    await page.goto(`${server.url}/lookup/?q=${encodeURIComponent(PASTE)}`);
    expect(await page.locator('#lookup-q').inputValue()).toBe(PASTE);
    await expect.poll(() => firstResult().getAttribute('data-source'), { timeout: 10_000 }).toBe('sql-server/login-failed-error-18456.md');
  });

  it('renders pasted markup as text only', async () => {
    await page.goto(`${server.url}/lookup/?q=${encodeURIComponent(HOSTILE)}`);
    await expect.poll(() => page.locator('.lk-result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('#lookup-results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#lookup-results').innerText()).toContain('<img src=x');
  });

  it('clearing the box clears the results and the URL', async () => {
    await page.locator('#lookup-clear').click();
    await expect.poll(() => page.locator('.lk-result').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
  });

  it('answers a large paste in a worker, and says when a paste was cut', async () => {
    await page.goto(`${server.url}/lookup/`);
    // A string, so the test runner's transform leaves the page's dynamic import alone.
    const out = (await page.evaluate(`(async (paste) => {
      let made = 0;
      const Base = window.Worker;
      window.Worker = class extends Base { constructor(url, opts) { super(url, opts); made++; } };
      const m = await import('/_kb/lookup.js');
      const big = await m.search(paste + '\\n' + 'worker heartbeat ok\\n'.repeat(2000), { limit: 3 });
      const huge = await m.search(paste + '\\n' + 'x '.repeat(200000), { limit: 3 });
      return { made, first: big.results[0]?.source, cut: big.truncated, hugeCut: huge.truncated, hugeFirst: huge.results[0]?.source };
    })(${JSON.stringify(PASTE)})`)) as { made: number; first?: string; cut: boolean; hugeCut: boolean; hugeFirst?: string };
    expect(out.made).toBe(1);
    expect(out.first).toBe('sql-server/login-failed-error-18456.md');
    expect(out.cut).toBe(false);
    expect(out.hugeCut).toBe(true);
    expect(out.hugeFirst).toBe('sql-server/login-failed-error-18456.md');
    expect(errors).toEqual([]);
  });
});
