/**
 * One `astro build` (or dev server) as the integration sees it: the parsed configuration, the cache
 * layout, the output folder, and what the build has started so far. Created at config setup and
 * passed to every hook; nothing of a build outlives its session.
 */
import fs from 'node:fs';
import type { ContentBuild } from '../build/build-record';
import { readBuildRecord } from '../build/build-record';
import { cacheLayout, type CacheLayout } from '../build/cache-layout';
import { generatorDigest } from '../build/code-digest';
import { prepareLookupModule } from '../build/lookup-build';
import { beginInPlace, type InPlaceOutput } from '../build/out-dir';
import { pagesDigest, reuseOrBuild, type StoredOutput } from '../build/output-cache';
import { repairSearchDocuments, searchIndexGenerator, type SearchIndexStats } from '../build/pagefind-build';
import { writeSearchIndexInWorker } from '../build/pagefind-thread';
import type { Progress } from '../build/progress';
import type { QuietRoutes } from '../build/quiet-routes';
import { clearRenderPlan, planRender, siteDigest, type RenderPlan, type SiteSettings } from '../build/render-plan';
import { recordTiming } from '../build/timings';
import { readModel } from '../build/article-cache';
import { searchDocument } from '../core/search/index-document';
import type { KbConfig } from '../config';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface BuildSession {
  readonly config: KbConfig;
  readonly layout: CacheLayout;
  /** The build's dist/ and the settings every page depends on; null under the dev server. */
  readonly output: { dir: string; settings: SiteSettings } | null;
  /** The previous build's output, written over in place and pruned when the build is done. */
  inPlace: InPlaceOutput | null;
  /** This build's content, as the loader announced it (saves reading the record again). */
  content: ContentBuild | null;
  /** Which article pages this build renders; planned once the content is known. */
  renderPlan: RenderPlan | null;
  /** The search index, started as soon as the content is parsed; settled, never rejected, so an early failure waits for build:done. */
  search: Promise<Settled<StoredOutput<SearchIndexStats>>> | null;
  /**
   * How far the search index is, as its worker reports it. Shown only while build:done waits for it
   * (during rendering Astro's own lines say what the build does).
   */
  searchProgress: { done: number; toIndex: number; since: number; shown: Progress | null };
  renderStart: number;
  /** Astro's per-page log lines, counted instead of printed while pages are written. */
  quietRoutes: QuietRoutes | null;
}

export function createBuildSession(config: KbConfig, output: BuildSession['output']): BuildSession {
  const layout = cacheLayout(config.cacheDir);
  // A dev server or a build that plans nothing renders every page.
  clearRenderPlan(layout);
  return {
    config,
    layout,
    output,
    // A rebuild writes over the old files; what it did not write is pruned in build:done.
    inPlace: output ? beginInPlace(output.dir) : null,
    content: null,
    renderPlan: null,
    search: null,
    searchProgress: { done: 0, toIndex: 0, since: 0, shown: null },
    renderStart: 0,
    quietRoutes: null,
  };
}

/** This build's content, as announced, or as the record in the cache holds it. */
export function contentOf(session: BuildSession): ContentBuild {
  return session.content ?? readBuildRecord(session.layout);
}

/** An output built in the cache, timed; settled so that its failure surfaces at build:done. */
export function startOutput<T>(session: BuildSession, phase: string, digest: string, paths: string[], write: (stage: string) => Promise<T>): Promise<Settled<StoredOutput<T>>> {
  const started = performance.now();
  return reuseOrBuild(session.config.cacheDir, phase, digest, paths, write).then(
    (value) => {
      recordTiming(phase, (performance.now() - started) / 1000, session.config.cacheDir);
      return { ok: true as const, value };
    },
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Pagefind indexes from the cached models, not from the pages, so it starts once the content is
 * parsed and runs beside Astro's rendering (fed from a worker thread, indexing in its own process).
 */
export function startSearchIndex(session: BuildSession, build: ContentBuild): NonNullable<BuildSession['search']> {
  const { config, searchProgress } = session;
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
  const bundleSize = config.pagefindBundleSize;
  return startOutput(session, 'pagefind', pagesDigest(searchIndexGenerator(generator, build.articles.length, bundleSize), entries), ['pagefind'], (stage) => {
    const remake = (e: (typeof entries)[number]) => searchDocument(readModel(e, config.cacheDir, config.contentDir));
    for (const line of repairSearchDocuments(entries, config.cacheDir, generator, bundleSize, remake)) console.warn(`KB: ${line}.`);
    return writeSearchIndexInWorker({ entries, cacheDir: config.cacheDir, outDir: stage, generator, bundleSize }, onProgress);
  });
}

/** Every article has its URL and taxonomy: start what needs no more (the search index, the lookup module's bundle). */
export function contentClassified(session: BuildSession, build: ContentBuild): void {
  if (!session.output || session.search) return;
  session.search = startSearchIndex(session, build);
  prepareLookupModule(session.config.cacheDir, generatorDigest());
}

/** This build's content is parsed: plan the pages to render, and start what needs only the content if not yet started. */
export function contentKnown(session: BuildSession, build: ContentBuild): void {
  if (!session.output) return;
  session.content = build;
  session.renderPlan = planRender(build, session.output.dir, siteDigest(session.output.settings), session.layout);
  contentClassified(session, build);
}

/** Content that synced without announcing itself (a cached sync): the record on disk is this build's. */
export function contentFromRecord(session: BuildSession): void {
  if (!session.content && fs.existsSync(session.layout.manifest)) contentKnown(session, readBuildRecord(session.layout));
}
