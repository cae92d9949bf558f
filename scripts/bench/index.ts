/**
 * `npm run bench`: whole-build figures for a clean build, a rebuild with nothing changed and a rebuild
 * with one article changed, on any KB_CONTENT_DIR. Prints a table; gates on nothing but success.
 *
 *   npm run bench -- [--content DIR] [--runs N] [--queries N] [--no-browser] [--smoke] [--scenarios clean,no-change,one-change,one-error-change]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureBrowserLookup, type BrowserLookupStats } from './browser-lookup';
import { sampleLookupQueries } from './lookup-queries';
import { runMeasured, type RunResult } from './process-tree';
import { readTimings } from '../../src/build/timings';
import { cacheLayout } from '../../src/build/cache-layout';
import { parseScriptArgs } from '../script-args';

const root = path.resolve(import.meta.dirname, '../..');
const OPTIONS = {
  content: { type: 'string', default: process.env.KB_CONTENT_DIR ?? 'content' },
  runs: { type: 'string' },
  // 100, not 40: a p95 over 40 lookups is their second slowest, and moved by ±20% between runs.
  queries: { type: 'string', default: '100' },
  'no-browser': { type: 'boolean', default: false },
  smoke: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  /** Which rebuilds follow the clean build (a 100,000-article run may want the clean build alone). */
  scenarios: { type: 'string', default: 'clean,no-change,one-change,one-error-change' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const USAGE = `usage: npm run bench -- [options]
  --content DIR      articles to build (default: $KB_CONTENT_DIR or content/)
  --runs N           runs per scenario; the median is printed (default 1)
  --queries N        lookups timed in Chromium (default 100)
  --scenarios LIST   builds after the clean one (default clean,no-change,one-change,one-error-change)
  --no-browser       skip the Chromium lookups
  --smoke            sample-sized run that proves the bench works (CI)
  --keep             keep the built sites and build logs
  -h, --help         show this help`;
const values = parseScriptArgs('bench', OPTIONS, USAGE);
const source = path.resolve(root, values.content!);
// --smoke: the sample content, one run per scenario, few queries: proves the benchmark still runs (CI).
const runs = Number(values.runs ?? 1);
const queryCount = values.smoke ? Math.min(10, Number(values.queries)) : Number(values.queries);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
const contentDir = path.join(work, 'content');
// Each clean run builds into folders of its own, and nothing is deleted until the bench ends: on
// ext4 without a journal, files created within minutes of a mass delete cost far more kernel time
// (the allocator scans the freed inodes), which would charge one run's clean-up to the next build.
let cache = '';
let outDir = '';
function freshRun(i: number): void {
  cache = path.join(work, `run-${i}`, 'cache');
  outDir = path.join(work, `run-${i}`, 'dist');
}

// A private copy, so the one-article change never touches the user's files.
fs.cpSync(source, contentDir, { recursive: true, dereference: false });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  KB_CONTENT_DIR: contentDir,
  ASTRO_TELEMETRY_DISABLED: '1',
  PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
};

async function build(label: string): Promise<RunResult & { phases: Record<string, number> }> {
  fs.rmSync(cacheLayout(cache).timings, { force: true });
  env.KB_CACHE_DIR = cache;
  const r = await runMeasured(path.join(root, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], env, root);
  // The build's own log, kept with --keep (what a user would have seen, progress lines included).
  fs.writeFileSync(path.join(work, `${label.replace(/\W+/g, '-')}-${Date.now()}.log`), r.output);
  if (r.code !== 0) {
    process.stderr.write(r.output.slice(-5000));
    throw new Error(`${label}: build failed with exit code ${r.code}`);
  }
  const phases: Record<string, number> = {};
  for (const t of readTimings(cache)) phases[t.phase] = (phases[t.phase] ?? 0) + t.seconds;
  return { ...r, phases };
}

function median<T>(xs: T[], key: (x: T) => number): T {
  return [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)];
}

/**
 * One article edited: a sentence appended ('text'), or a new error block ('error'), which changes
 * the lookup index, so that is rebuilt too (the worst case of a one-article edit).
 */
function changeOneArticle(kind: 'text' | 'error'): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8')) as { articles: Array<{ source: string; errorMessages: number }> };
  const pool = kind === 'error' ? manifest.articles.filter((a) => a.errorMessages > 0) : manifest.articles;
  if (!pool.length) throw new Error(`one ${kind} change: the content has no article to change`);
  const sources = pool.map((a) => a.source).sort();
  const target = sources[Math.floor(sources.length / (kind === 'error' ? 3 : 2))];
  const stamp = Date.now();
  const edit =
    kind === 'text'
      ? `\n\nEdited for the benchmark at run ${stamp}.\n`
      : `\n\n## Error after the benchmark's edit\n\n\`\`\`output\nError 0x8007${(stamp % 0xffff).toString(16).padStart(4, '0')}: The benchmark service could not open its state store (run ${stamp}).\n\`\`\`\n`;
  fs.appendFileSync(path.join(contentDir, target), edit);
  return target;
}

function siteSize(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const size = fs.statSync(p).size;
        bytes += size;
        files++;
        if (e.name.endsWith('.html')) html += size;
      }
    }
  };
  walk(dir);
  return { bytes, files, html };
}

// Pagefind runs alongside rendering: 'pagefind' is its own duration, 'pagefind-wait' what build:done still waited for it after the lookup index.
const PHASES = ['discover', 'parse', 'manifest', 'render', 'report', 'pagefind', 'lookup', 'articles', 'pagefind-wait', 'assets'];
const fmtMB = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function main() {
  console.error(`bench: ${source} (copied to ${contentDir}), ${runs} run(s) per scenario`);
  const rows: Array<{ scenario: string; r: Awaited<ReturnType<typeof build>> }> = [];
  const clean: Array<Awaited<ReturnType<typeof build>>> = [];
  for (let i = 0; i < runs; i++) {
    freshRun(i);
    clean.push(await build('clean'));
    console.error(`bench: clean build ${i + 1}: ${clean[i].seconds.toFixed(1)} s`);
  }
  rows.push({ scenario: 'clean', r: median(clean, (x) => x.seconds) });
  const scenarios = new Set(values.scenarios!.split(',').map((x) => x.trim()));
  if (scenarios.has('no-change')) {
    const noChange: Array<Awaited<ReturnType<typeof build>>> = [];
    for (let i = 0; i < runs; i++) noChange.push(await build('no change'));
    rows.push({ scenario: 'no change', r: median(noChange, (x) => x.seconds) });
  }
  for (const [name, kind, label] of [['one-change', 'text', 'one change'], ['one-error-change', 'error', 'one error change']] as const) {
    if (!scenarios.has(name)) continue;
    const changed: Array<Awaited<ReturnType<typeof build>>> = [];
    for (let i = 0; i < runs; i++) {
      console.error(`bench: ${label}: ${changeOneArticle(kind)}`);
      changed.push(await build(label));
    }
    rows.push({ scenario: label, r: median(changed, (x) => x.seconds) });
  }

  const size = siteSize(outDir);
  const report = JSON.parse(fs.readFileSync(path.join(outDir, '_kb/report.json'), 'utf8')) as { inputs: number; pages: number };
  let browser: BrowserLookupStats | null = null;
  if (!values['no-browser'] && fs.existsSync('/usr/bin/chromium') && fs.existsSync(path.join(outDir, '_kb/lookup.js'))) {
    // The builds leave up to gigabytes of dirty pages: flush them first, or their writeback runs
    // under the lookups (at 50,000 a p95 of 81.7 ms right after the builds, 47 ms measured later).
    execFileSync('sync');
    browser = await measureBrowserLookup(outDir, sampleLookupQueries(cache, queryCount), values.smoke ? 1 : 3);
  }

  // CPU and page faults say how busy the machine was, and how costly memory was: on these VMs a
  // page's first touch costs about 20 µs, so the same build runs slower when its processes fault more.
  const header = ['scenario', 'total s', ...PHASES.map((p) => `${p} s`), 'peak RSS', 'cpu user s', 'cpu sys s', 'page faults', 'steal s'];
  console.log(`\n## kb bench: ${report.inputs} inputs, ${report.pages} pages (${path.basename(source)}), ${os.cpus().length} cores\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const { scenario, r } of rows) {
    const cells = PHASES.map((p) => (r.phases[p] !== undefined ? r.phases[p].toFixed(1) : '-'));
    const cpu = [r.cpu.user.toFixed(1), r.cpu.sys.toFixed(1), r.cpu.faults.toLocaleString('en-US'), r.steal.toFixed(1)];
    console.log(`| ${scenario} | ${r.seconds.toFixed(1)} | ${cells.join(' | ')} | ${fmtMB(r.peakRss)} | ${cpu.join(' | ')} |`);
  }
  console.log('\npeak RSS held by:');
  for (const { scenario, r } of rows) {
    const parts = [...r.peakAt.byName].sort((a, b) => b[1] - a[1]).filter(([, b]) => b >= 1048576).map(([n, b]) => `${n} ${fmtMB(b)}`);
    console.log(`- ${scenario}: at ${r.peakAt.seconds.toFixed(1)} s, ${parts.join(', ')}`);
  }
  console.log(`\noutput: ${fmtMB(size.bytes)} in ${size.files} files (HTML ${fmtMB(size.html)}; ${(size.bytes / Math.max(1, report.pages) / 1024).toFixed(1)} KB per page)`);
  if (browser) {
    console.log(
      `lookup in Chromium (${browser.queries} of the corpus's own error messages, a fresh lookup each, page loaded; median of ${browser.runs} browser runs): ` +
        `p50 ${browser.p50ms.toFixed(1)} ms, p95 ${browser.p95ms.toFixed(1)} ms (by run: ${browser.p95msByRun.map((x) => x.toFixed(1)).join(', ')}); ` +
        `bytes per lookup median ${(browser.bytesMedian / 1024).toFixed(1)} KB, p95 ${(browser.bytesP95 / 1024).toFixed(1)} KB; files median ${browser.filesMedian}, p95 ${browser.filesP95}`,
    );
  } else console.log('lookup in Chromium: not measured (--no-browser, no chromium, or no lookup index)');
  if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
