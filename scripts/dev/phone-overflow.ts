/**
 * Loads a sample of a built site's article pages at phone width in Chromium and lists those that
 * scroll sideways (document scrollWidth above the viewport's). Needs a server on the site:
 *   npx tsx scripts/dev/phone-overflow.ts --base http://localhost:8931 --cache .kb-cache [--count 300] [--width 390]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { ContentBuild } from '../../src/build/build-record';

const { values } = parseArgs({ options: { base: { type: 'string' }, cache: { type: 'string', default: '.kb-cache' }, count: { type: 'string', default: '300' }, width: { type: 'string', default: '390' } } });
const build = JSON.parse(fs.readFileSync(path.join(values.cache!, 'manifest.json'), 'utf8')) as ContentBuild;
// Spread across folders: every k-th article in path order.
const all = [...build.articles].sort((a, b) => (a.source < b.source ? -1 : 1));
const count = Math.min(Number(values.count), all.length);
const sample = Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]);
const folders = new Set(sample.map((a) => a.source.split('/').slice(0, -1).join('/')));
const width = Number(values.width);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width, height: 844 } });
const wide: string[] = [];
for (const a of sample) {
  await page.goto(values.base + a.url, { waitUntil: 'load' });
  const [sw, culprit] = await page.evaluate(() => {
    const w = document.documentElement.scrollWidth;
    let worst = '';
    if (w > innerWidth) for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if (r.right > innerWidth + 1 && getComputedStyle(el).position !== 'fixed') { worst = `${el.tagName.toLowerCase()}.${el.className}`; } }
    return [w, worst] as const;
  });
  if (sw > width) wide.push(`${a.url} ${sw}px ${culprit}`);
}
await browser.close();
console.log(`${sample.length} pages from ${folders.size} folders at ${width} px: ${wide.length} scroll sideways`);
for (const w of wide.slice(0, 20)) console.log('  ' + w);
