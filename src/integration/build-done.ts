/**
 * What a build does once Astro has written the pages, as named steps: the report and the articles'
 * assets, the lookup indexes, the search index, pruning what an earlier build left, and the
 * strict check. Each step reads the session and the output folder, and logs what it did.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentBuild } from '../build/build-record';
import { generatorDigest } from '../build/code-digest';
import {
  ARTICLE_INDEX_PATH, ERROR_LOOKUP_PATHS, LOOKUP_DIR, LOOKUP_MODULE,
  articleDocs, articleIndexDigest, lookupDigest, writeArticleIndex, writeErrorLookup, writeLookupModuleFor,
} from '../build/lookup-build';
import { createProgress } from '../build/progress';
import { buildReport, summarize, type BuildReport } from '../build/report';
import { recordTiming } from '../build/timings';
import { startOutput, startSearchIndex, type BuildSession } from './build-session';

type Log = (line: string) => void;

/** `dist/_kb/report.json`, and the images the articles reference (served from their source paths). */
export function writeReport(session: BuildSession, build: ContentBuild, out: string): BuildReport {
  const started = performance.now();
  const report = buildReport(build);
  fs.mkdirSync(path.join(out, '_kb'), { recursive: true });
  fs.writeFileSync(path.join(out, '_kb', 'report.json'), JSON.stringify(report, null, 1) + '\n');
  copyAssets(session.config.contentDir, out, build.assets);
  recordTiming('report', (performance.now() - started) / 1000, session.config.cacheDir);
  return report;
}

/**
 * The error lookup and the article index, then `lookup.js` with both manifests built in. Built here,
 * after rendering, while Pagefind finishes on the other core: on a worker thread during rendering
 * its heap came on top of Astro's at the build's peak. Two stored outputs: an edit that leaves every
 * article's error messages as they were rebuilds the article index alone.
 */
export async function writeLookupIndexes(session: BuildSession, build: ContentBuild, out: string, log: Log): Promise<void> {
  const cacheDir = session.config.cacheDir;
  const docs = articleDocs(build.articles);
  for (const [phase, name, digest, paths, write] of [
    ['lookup', 'error lookup', lookupDigest(generatorDigest(), build, docs), ERROR_LOOKUP_PATHS, (stage: string) => writeErrorLookup(build, cacheDir, stage, docs, log)],
    ['articles', 'article index', articleIndexDigest(generatorDigest(), build), [ARTICLE_INDEX_PATH], (stage: string) => writeArticleIndex(build, cacheDir, stage, log)],
  ] as const) {
    const settled = await startOutput(session, phase, digest, [...paths], write);
    if (!settled.ok) throw settled.error;
    settled.value.install(out);
    const r = settled.value.result;
    log(r ? `KB: ${name}: ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KB in ${r.seconds.toFixed(2)} s` : `KB: ${name} unchanged, reused from the cache`);
  }
  writeLookupModuleFor(out, cacheDir, generatorDigest());
}

/** Waits for the search index started with the content (showing its progress meanwhile), and installs it. */
export async function installSearchIndex(session: BuildSession, build: ContentBuild, out: string, log: Log): Promise<void> {
  const t = performance.now();
  const searching = session.search ?? startSearchIndex(session, build);
  const progress = session.searchProgress;
  // The lookup index kept this thread busy: take the worker's queued progress messages first,
  // or the first line shows where Pagefind was a minute ago.
  await new Promise((resolve) => setImmediate(resolve));
  if (progress.done < progress.toIndex) {
    progress.shown = createProgress('KB: search index: articles', progress.toIndex, log, process.stderr, progress.since);
    progress.shown.tick(progress.done);
  }
  const settled = await searching;
  progress.shown?.end();
  progress.shown = null;
  session.search = null;
  recordTiming('pagefind-wait', (performance.now() - t) / 1000, session.config.cacheDir);
  if (!settled.ok) throw settled.error;
  const search = settled.value;
  search.install(out);
  log(
    search.result
      ? `KB: search index: ${search.result.pages} pages, ${(search.result.bytes / 1048576).toFixed(1)} MB, ${search.result.seconds.toFixed(1)} s (alongside page rendering)`
      : 'KB: search index unchanged, reused from the cache',
  );
}

/** Removes what an earlier build wrote and this one did not, and records the pages this build left in dist/. */
export function pruneAndRecord(session: BuildSession, build: ContentBuild, log: Log): void {
  const plan = session.renderPlan;
  if (session.inPlace) {
    const pruned = session.inPlace.prune(['pagefind', LOOKUP_DIR, LOOKUP_MODULE, ...(plan?.keptFiles ?? [])]);
    if (pruned) log(`KB: removed ${pruned} files of the previous build that this one did not write`);
    session.inPlace = null;
  }
  if (plan) {
    const kept = plan.keptArticles;
    log(`KB: article pages: ${build.articles.length - kept} rendered, ${kept} unchanged and kept${plan.keptBrowse ? '; browse pages unchanged and kept' : ''}`);
    plan.complete();
    session.renderPlan = null;
  }
}

/** The report's summary in the log; in strict mode, a build with error diagnostics fails (the report is written first). */
export function summarizeAndCheck(session: BuildSession, report: BuildReport, out: string, log: Log): void {
  for (const line of summarize(report, path.relative(process.cwd(), path.join(out, '_kb', 'report.json')) || 'report.json').split('\n')) log(line);
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (session.config.strict && errors > 0) {
    throw new Error(`Strict mode (kb({ strict: true }) or KB_STRICT) is on and the build completed with ${errors} error diagnostics (see dist/_kb/report.json).`);
  }
}

/** Images referenced by articles are served from the same relative path as the article source. */
function copyAssets(root: string, out: string, assets: string[]): void {
  for (const asset of assets) {
    const from = path.join(root, asset);
    const to = path.join(out, asset);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
}
