import path from 'node:path';
import { runInChromium } from '../eval/page-runner';

export interface BrowserLookupStats {
  queries: number;
  p50ms: number;
  p95ms: number;
  bytesMedian: number;
  bytesP95: number;
  filesMedian: number;
  filesP95: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/**
 * In the page, after it has loaded `/_kb/lookup.js`: each query gets a fresh lookup instance (nothing
 * cached, every index file fetched over HTTP, the server sends no-store), timed from the call to the
 * results. Bytes and files are what that instance fetched.
 */
const JOB = `export default async function (queries) {
  const m = await import('/_kb/lookup.js');
  const out = [];
  for (const q of queries) {
    const lk = m.createLookupFromFetcher(m.httpFetcher());
    const t0 = performance.now();
    await lk.lookup(q, { limit: 10 });
    const ms = performance.now() - t0;
    const s = lk.stats();
    out.push({ ms, bytes: s.bytes, files: s.files });
  }
  return out;
}`;

/** Lookup latency in headless Chromium with no DevTools client attached (see page-runner.ts). */
export async function measureBrowserLookup(site: string, queries: string[]): Promise<BrowserLookupStats> {
  const { value } = await runInChromium<Array<{ ms: number; bytes: number; files: number }>>(path.resolve(site), JOB, queries);
  const col = (k: 'ms' | 'bytes' | 'files') => value.map((r) => r[k]);
  return {
    queries: queries.length,
    p50ms: pct(col('ms'), 50),
    p95ms: pct(col('ms'), 95),
    bytesMedian: pct(col('bytes'), 50),
    bytesP95: pct(col('bytes'), 95),
    filesMedian: pct(col('files'), 50),
    filesP95: pct(col('files'), 95),
  };
}
