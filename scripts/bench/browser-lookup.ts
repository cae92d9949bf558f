import path from 'node:path';
import { LOOKUP_JOB, runInChromium, type PageLookup } from '../eval/page-runner';

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

/** Lookup latency in headless Chromium with no DevTools client attached (see page-runner.ts). */
export async function measureBrowserLookup(site: string, queries: string[]): Promise<BrowserLookupStats> {
  const { value } = await runInChromium<PageLookup[]>(path.resolve(site), LOOKUP_JOB, { pastes: queries, limit: 10 });
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
