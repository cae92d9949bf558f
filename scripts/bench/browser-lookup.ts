import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../eval/serve';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserLookupStats {
  queries: number;
  p50ms: number;
  p95ms: number;
  bytesMedian: number;
  bytesP95: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/**
 * Each query on a freshly loaded page (nothing cached in the module), timed from the call to the
 * result; bytes are what the lookup fetched for that query (resource timing, decoded sizes).
 */
export async function measureBrowserLookup(site: string, queries: string[]): Promise<BrowserLookupStats> {
  const server = await serveStatic(path.resolve(site));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const times: number[] = [];
  const bytes: number[] = [];
  try {
    const page = await browser.newPage();
    for (const q of queries) {
      await page.goto(`${server.url}/404.html`);
      const r = await page.evaluate(async (text) => {
        const moduleUrl = '/_kb/lookup.js';
        const mod = (await import(moduleUrl)) as { lookup: (t: string, o: { limit: number }) => Promise<unknown[]> };
        const before = performance.getEntriesByType('resource').length;
        const t0 = performance.now();
        await mod.lookup(text, { limit: 10 });
        const ms = performance.now() - t0;
        const entries = performance.getEntriesByType('resource').slice(before) as PerformanceResourceTiming[];
        return { ms, bytes: entries.reduce((n, e) => n + (e.decodedBodySize || e.encodedBodySize || 0), 0) };
      }, q);
      times.push(r.ms);
      bytes.push(r.bytes);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return { queries: queries.length, p50ms: pct(times, 50), p95ms: pct(times, 95), bytesMedian: pct(bytes, 50), bytesP95: pct(bytes, 95) };
}
