// Where a lookup's time goes in Chromium: total vs. time waiting on fetches, page already loaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../eval/chromium';
import { serveStatic } from '../eval/serve';

const site = path.resolve(process.argv[2] ?? 'dist');
const cache = process.argv[3];
const manifest = JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8'));
const queries: string[] = [];
for (const a of manifest.articles) {
  if (!a.errorMessages || queries.length >= 40) continue;
  if (queries.length * 97 % 7 !== 0 && Math.random() < 0.9) continue;
  const m = JSON.parse(fs.readFileSync(path.join(cache, a.modelFile), 'utf8'));
  const msg = m.errorMessages.find((e: { kind: string; text: string }) => e.kind !== 'title' && e.text.length > 30);
  if (msg) queries.push(msg.text);
}
const server = await serveStatic(site);
const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'lt-'));
const browser = await chromium.launchPersistentContext(udd, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(server.url + '/404.html');
// A string, not a function: tsx would inject helpers the page does not have.
const rows = (await page.evaluate(`(async (qs) => {
  const url = '/_kb/lookup.js';
  const mod = await import(url);
  const out = [];
  for (const q of qs) {
    let inFlight = 0, waitStart = 0, fetchWait = 0, files = 0, rounds = 0, docs = 0;
    const http = mod.httpFetcher(new URL(url, location.href));
    const fetcher = async (p) => {
      if (inFlight++ === 0) { waitStart = performance.now(); rounds++; }
      files++; if (p.includes("/d/")) docs++;
      try { return await http(p); } finally { if (--inFlight === 0) fetchWait += performance.now() - waitStart; }
    };
    const lk = mod.createLookupFromFetcher(fetcher);
    await lk.lookup('warm up the manifest', { limit: 1 });
    fetchWait = 0; files = 0; rounds = 0; docs = 0;
    const t0 = performance.now();
    await lk.lookup(q, { limit: 10 });
    out.push({ total: performance.now() - t0, fetchWait, files, rounds, docs });
  }
  return out;
})(${JSON.stringify(queries)})`)) as Array<{ total: number; fetchWait: number; files: number; rounds: number; docs: number }>;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
const col = (k: keyof (typeof rows)[number]) => rows.map((r) => r[k]);
console.log(`queries ${rows.length}: total p50 ${pct(col('total'), 0.5).toFixed(1)} p95 ${pct(col('total'), 0.95).toFixed(1)} ms; fetch wait p50 ${pct(col('fetchWait'), 0.5).toFixed(1)} p95 ${pct(col('fetchWait'), 0.95).toFixed(1)}; files p50 ${pct(col('files'), 0.5)}; rounds p50 ${pct(col('rounds'), 0.5)}; docs p50 ${pct(col('docs'), 0.5)} p95 ${pct(col('docs'), 0.95)}; files p95 ${pct(col('files'), 0.95)}`);
await browser.close();
await server.close();
