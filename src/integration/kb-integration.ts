import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generatorDigest, MANIFEST_FILE, type ContentBuild } from '../build/build-content';
import { cacheDir, contentRoot, strictMode } from '../config';
import { buildReport, summarize } from '../build/report';
import { recordTiming } from '../build/timings';
import { pagesDigest, reuseOrBuild, type StoredOutput } from '../build/output-cache';
import { repairSearchDocuments, searchIndexGenerator, type SearchIndexStats } from '../build/pagefind-build';
import { searchDocument } from '../core/search/index-document';
import { readModel } from '../site-data/article-store';
import { ARTICLE_INDEX_PATH, ERROR_LOOKUP_PATHS, LOOKUP_DIR, LOOKUP_MODULE, articleDocs, articleIndexDigest, lookupDigest, prepareLookupModule, writeArticleIndex, writeErrorLookup, writeLookupModuleFor } from '../build/lookup-build';
import { writeSearchIndexInWorker } from '../build/pagefind-thread';
import { onContentReady } from '../build/content-ready';
import { beginInPlace, type InPlaceOutput } from '../build/out-dir';
import { clearRenderPlan, planRender, siteDigest, type RenderPlan, type SiteSettings } from '../build/render-plan';
import { createProgress, type Progress } from '../build/progress';
import { quietRouteLines, type QuietRoutes } from '../build/quiet-routes';

let renderStart = 0;
/** Astro's per-page log lines, counted instead of printed while pages are written. */
let quietRoutes: QuietRoutes | null = null;
/** The previous build's output, written over in place and pruned in build:done. */
let inPlace: InPlaceOutput | null = null;
/** Which article pages this build renders; planned once the content is known. */
let renderPlan: RenderPlan | null = null;
/** This build's dist/ and the Astro settings every page depends on (for the render plan). */
let outDirPath = '';
let settings: SiteSettings | null = null;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The search index, started as soon as the content is parsed; settled, never rejected, so an early failure waits for build:done. */
let pendingSearch: Promise<Settled<StoredOutput<SearchIndexStats>>> | null = null;
/**
 * How far the search index is, as its worker reports it. Shown only while build:done waits for it
 * (during rendering Astro's own lines say what the build does): 136 s of a 50,000-article build.
 */
const searchProgress: { done: number; toIndex: number; since: number; shown: Progress | null } = { done: 0, toIndex: 0, since: 0, shown: null };

/** This build's content, as the loader announced it (saves reading the manifest again). */
let contentBuild: ContentBuild | null = null;

function readManifest(): ContentBuild {
  return JSON.parse(fs.readFileSync(path.join(cacheDir(), MANIFEST_FILE), 'utf8')) as ContentBuild;
}

/** An output built in the cache, timed; settled so that its failure surfaces at build:done. */
function startOutput<T>(phase: string, name: string, digest: string, paths: string[], write: (stage: string) => Promise<T>): Promise<Settled<StoredOutput<T>>> {
  const started = performance.now();
  return reuseOrBuild(cacheDir(), name, digest, paths, write).then(
    (value) => {
      recordTiming(phase, (performance.now() - started) / 1000);
      return { ok: true as const, value };
    },
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Pagefind indexes from the cached models, not from the pages, so it starts once the content is
 * parsed and runs beside Astro's rendering (fed from a worker thread, indexing in its own process).
 */
function startSearchIndex(build: ContentBuild): NonNullable<typeof pendingSearch> {
  const generator = generatorDigest();
  // The documents' facets are the site's taxonomy, which other articles can change: it is part of each page's key here.
  const entries = build.articles.map(({ source, url, modelFile, contentKey, products, supportAreas, topic }) => ({
    source, url, modelFile, products, supportAreas, topic, contentKey: `${contentKey}#${JSON.stringify([products, supportAreas])}`,
  }));
  Object.assign(searchProgress, { done: 0, toIndex: 0, since: performance.now(), shown: null });
  const onProgress = (done: number, toIndex: number) => {
    Object.assign(searchProgress, { done, toIndex });
    searchProgress.shown?.tick(done);
  };
  return startOutput('pagefind', 'pagefind', pagesDigest(searchIndexGenerator(generator, build.articles.length), entries), ['pagefind'], (stage) => {
    for (const line of repairSearchDocuments(entries, cacheDir(), generator, (e) => searchDocument(readModel(e)))) console.warn(`KB: ${line}.`);
    return writeSearchIndexInWorker({ entries, cacheDir: cacheDir(), outDir: stage, generator }, onProgress);
  });
}

/** This build's content is parsed: plan the pages to render and start what needs only the content. */
function contentKnown(build: ContentBuild): void {
  contentBuild = build;
  renderPlan = planRender(build, outDirPath, siteDigest(settings!));
  pendingSearch = startSearchIndex(build);
  prepareLookupModule(cacheDir(), generatorDigest());
}

/** After Astro writes the pages: the build report, copied assets, the search and lookup indexes. */
export function kbIntegration(): AstroIntegration {
  return {
    name: 'kb-site',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        pendingSearch = null;
        contentBuild = null;
        renderPlan = null;
        quietRoutes?.restore();
        quietRoutes = null;
        clearRenderPlan();
        if (command === 'build') {
          outDirPath = fileURLToPath(config.outDir);
          settings = { base: config.base, site: config.site, trailingSlash: config.trailingSlash, format: config.build.format };
          // A rebuild writes over the old files; what it did not write is pruned in build:done.
          inPlace = beginInPlace(outDirPath);
          if (inPlace) updateConfig({ vite: { build: { emptyOutDir: false } } });
        }
        // The dev server would otherwise watch the cache the loader writes, and log and reload on each write.
        if (command === 'dev') updateConfig({ vite: { server: { watch: { ignored: [`${cacheDir()}/**`] } } } });
        // Pages leave out their CSP under the dev server, whose client injects inline scripts; not by
        // NODE_ENV, which a build started from a test runner may set to anything.
        updateConfig({ vite: { define: { __KB_DEV_SERVER__: JSON.stringify(command === 'dev') } } });
        // Only a build indexes; the loader calls this the moment its content is parsed.
        onContentReady(command === 'build' ? contentKnown : null);
      },
      // Page rendering sits between these two hooks; the bench reads the figure.
      'astro:build:start': ({ logger }) => {
        renderStart = performance.now();
        quietRoutes = quietRouteLines((line) => logger.info(line));
        // Content that synced without announcing itself: the manifest on disk is this build's.
        if (!contentBuild && fs.existsSync(path.join(cacheDir(), MANIFEST_FILE))) contentKnown(readManifest());
      },
      'astro:build:generated': () => {
        if (renderStart) recordTiming('render', (performance.now() - renderStart) / 1000);
        quietRoutes?.restore();
        quietRoutes = null;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const doneStart = performance.now();
        const out = fileURLToPath(dir);
        const build = contentBuild ?? readManifest();
        const report = buildReport(build);
        fs.mkdirSync(path.join(out, '_kb'), { recursive: true });
        fs.writeFileSync(path.join(out, '_kb', 'report.json'), JSON.stringify(report, null, 1) + '\n');
        copyAssets(contentRoot(), out, build.assets);
        recordTiming('report', (performance.now() - doneStart) / 1000);
        // The lookup index is built here, after rendering, while Pagefind finishes on the other core:
        // on a worker thread during rendering its heap came on top of Astro's at the build's peak.
        // Two stored outputs: an edit that leaves every article's error messages as they were
        // rebuilds the article index alone. The module, with both manifests built in, follows.
        const docs = articleDocs(build.articles);
        for (const [phase, name, digest, paths, write] of [
          ['lookup', 'error lookup', lookupDigest(generatorDigest(), build, docs), ERROR_LOOKUP_PATHS, (stage: string) => writeErrorLookup(build, cacheDir(), stage, docs, (line) => logger.info(line))],
          ['articles', 'article index', articleIndexDigest(generatorDigest(), build), [ARTICLE_INDEX_PATH], (stage: string) => writeArticleIndex(build, cacheDir(), stage, (line) => logger.info(line))],
        ] as const) {
          const settled = await startOutput(phase, phase, digest, [...paths], write);
          if (!settled.ok) throw settled.error;
          settled.value.install(out);
          const r = settled.value.result;
          logger.info(r ? `KB: ${name}: ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KB in ${r.seconds.toFixed(2)} s` : `KB: ${name} unchanged, reused from the cache`);
        }
        writeLookupModuleFor(out, cacheDir(), generatorDigest());
        const t = performance.now();
        const searching = pendingSearch ?? startSearchIndex(build);
        // The lookup index kept this thread busy: take the worker's queued progress messages first,
        // or the first line shows where Pagefind was a minute ago (seen at 50,000: 29,692, then 46,029 5 s later).
        await new Promise((resolve) => setImmediate(resolve));
        if (searchProgress.done < searchProgress.toIndex) {
          const { done, toIndex, since } = searchProgress;
          searchProgress.shown = createProgress('KB: search index: articles', toIndex, (line) => logger.info(line), process.stderr, since);
          searchProgress.shown.tick(done);
        }
        const searchSettled = await searching;
        searchProgress.shown?.end();
        searchProgress.shown = null;
        pendingSearch = null;
        recordTiming('pagefind-wait', (performance.now() - t) / 1000);
        if (!searchSettled.ok) throw searchSettled.error;
        const search = searchSettled.value;
        search.install(out);
        logger.info(
          search.result
            ? `KB: search index: ${search.result.pages} pages, ${(search.result.bytes / 1048576).toFixed(1)} MB, ${search.result.seconds.toFixed(1)} s (alongside page rendering)`
            : 'KB: search index unchanged, reused from the cache',
        );
        if (inPlace) {
          const pruned = inPlace.prune(['pagefind', LOOKUP_DIR, LOOKUP_MODULE, ...(renderPlan?.keptFiles ?? [])]);
          if (pruned) logger.info(`KB: removed ${pruned} files of the previous build that this one did not write`);
          inPlace = null;
        }
        if (renderPlan) {
          const kept = renderPlan.keptArticles;
          logger.info(`KB: article pages: ${build.articles.length - kept} rendered, ${kept} unchanged and kept${renderPlan.keptBrowse ? '; browse pages unchanged and kept' : ''}`);
          renderPlan.complete();
          renderPlan = null;
        }
        for (const line of summarize(report, path.relative(process.cwd(), path.join(out, '_kb', 'report.json')) || 'report.json').split('\n')) logger.info(line);
        const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
        if (strictMode() && errors > 0) {
          throw new Error(`KB_STRICT is set and the build completed with ${errors} error diagnostics (see dist/_kb/report.json).`);
        }
      },
    },
  };
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
