import path from 'node:path';
import { LOOKUP_JOB, runInChromium, type PageLookup } from '../eval/page-runner';

export interface BrowserLookupStats {
  queries: number;
  /** Chromium runs (a fresh browser each); every figure below is the median over them. */
  runs: number;
  p50ms: number;
  p95ms: number;
  /** Each run's p95, in run order: the spread the median hides. */
  p95msByRun: number[];
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
 * Lookup latency in headless Chromium with no DevTools client attached (see page-runner.ts), in
 * `runs` fresh browsers: back-to-back runs on these VMs moved p95 by ±30%, so one run says little.
 */
export async function measureBrowserLookup(site: string, queries: string[], runs = 3): Promise<BrowserLookupStats> {
  const perRun: Array<Omit<BrowserLookupStats, 'queries' | 'runs' | 'p95msByRun'>> = [];
  for (let i = 0; i < runs; i++) {
    const { value } = await runInChromium<PageLookup[]>(path.resolve(site), LOOKUP_JOB, { pastes: queries, limit: 10 });
    const col = (k: 'ms' | 'bytes' | 'files') => value.map((r) => r[k]);
    perRun.push({
      p50ms: pct(col('ms'), 50),
      p95ms: pct(col('ms'), 95),
      bytesMedian: pct(col('bytes'), 50),
      bytesP95: pct(col('bytes'), 95),
      filesMedian: pct(col('files'), 50),
      filesP95: pct(col('files'), 95),
    });
  }
  const med = (k: keyof (typeof perRun)[number]) => pct(perRun.map((r) => r[k]), 50);
  return {
    queries: queries.length,
    runs,
    p50ms: med('p50ms'),
    p95ms: med('p95ms'),
    p95msByRun: perRun.map((r) => r.p95ms),
    bytesMedian: med('bytesMedian'),
    bytesP95: med('bytesP95'),
    filesMedian: med('filesMedian'),
    filesP95: med('filesP95'),
  };
}
