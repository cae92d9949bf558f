/**
 * Full-text index: Pagefind, fed from the search documents the parsers wrote beside the models
 * (not from the built HTML), written to `<outDir>/pagefind/`. Runs on a worker thread (pagefind-thread.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { fnv1a } from '../core/lookup/fingerprint';
import type { ArticleEntry } from './build-record';
import { cacheLayout, searchDocumentFile } from './cache-layout';
import { withFacets } from '../core/search/index-document';
import { readCacheFile, readCacheText, remadeLine, writeCacheFile } from './cache-file';
import { isStored, pagesDigest, reuseOrBuild } from './output-cache';
import { packageEntry } from './worker-bundle';
import { faultPoint } from './fault-hooks';

/** What indexing takes from a manifest entry (the document is read from beside the model). */
export type SearchSource = Pick<ArticleEntry, 'source' | 'url' | 'modelFile' | 'contentKey' | 'products' | 'supportAreas' | 'topic'>;

/** Documents in flight to the Pagefind service at once (it indexes them in parallel). */
const IN_FLIGHT = 32;

const UNUSED_BUNDLE_FILE = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

export interface SearchIndexStats {
  pages: number;
  bytes: number;
  seconds: number;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/**
 * Pagefind cannot update an index, so an edit re-indexes the whole bundle that holds the article,
 * and its indexer holds a whole bundle in memory; its time per article grows with the bundle. Small
 * bundles keep an edit, the memory and the indexing cheap; each extra bundle costs the search page
 * one more index to merge on its first search. So: bundles of about the configuration's
 * `pagefindBundleSize` articles, at most `MAX_BUNDLES` (docs/decisions/2026-12-04-pagefind-bundles-and-lanes.md).
 */
export const MAX_BUNDLES = 16;

/**
 * Bundles indexed at once, each in its own Pagefind process (see `pagefindForLane`). Above 8 bundles
 * (sites over 8,000 articles) Pagefind is the clean build's critical path: one indexer runs on about
 * one core beside rendering. Below that, the second indexer's memory is not worth it.
 */
export function bundlesAtOnce(bundles: number): number {
  return bundles > 8 ? 2 : 1;
}

/** Bundles for `articles` articles at about `target` (the configuration's `pagefindBundleSize`) each. */
export function bundleCount(articles: number, target: number): number {
  return Math.max(1, Math.min(MAX_BUNDLES, Math.ceil(articles / target)));
}

/**
 * The bundle (0-based) an article's URL belongs to: a hash, so adding or removing an article
 * changes one bundle, not every bundle after it in URL order.
 */
export function bundleOf(url: string, bundles: number): number {
  return fnv1a(url) % bundles;
}

/** The part of Pagefind's API the index uses. */
type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/**
 * Pagefind's API for one lane. Its service process answers one request at a time (its main loop
 * awaits each), so two indexes in one process take turns on one core; two lanes need two processes.
 * The npm module keeps one process per module instance, so every lane after the first loads the
 * module again under its own URL. `entry` is the module's file: the worker thread's bundle cannot
 * look it up itself.
 */
async function pagefindForLane(lane: number, entry: string): Promise<PagefindApi> {
  if (lane === 0) return pagefind;
  // A file URL decided at run time: Vite has nothing to analyze here.
  return (await import(/* @vite-ignore */ `${pathToFileURL(entry).href}?lane=${lane}`)) as PagefindApi;
}

/** Extra bundles live inside the main one, listed in this file for the search page. */
export const EXTRA_BUNDLES_FILE = 'bundles.json';

/** What the whole search output depends on besides the pages: the generator and the partition. */
export function searchIndexGenerator(generator: string, articles: number, bundleSize: number): string {
  return `${generator}\0bundles=${bundleCount(articles, bundleSize)}`;
}

/**
 * Share of an article's indexing time spent adding it; the rest is its bundle's writing (see the
 * decision note on bundles). Progress counts an article by these shares.
 */
const ADD_SHARE = 0.4;

export interface SearchIndexOptions {
  /** Articles per bundle, about (the configuration's `pagefindBundleSize`). */
  bundleSize: number;
  /** Called once, before any indexing: how many articles are in bundles to rebuild. */
  onPlan?: (toIndex: number, total: number) => void;
  /** Articles indexed so far of `toIndex`, an article counting part-way once added and fully once its bundle is written. */
  onProgress?: (done: number, toIndex: number) => void;
  /** Pagefind's module file (a worker thread's bundle cannot look it up itself). */
  pagefindEntry?: string;
}

/** The articles of each bundle (sorted by URL, so a bundle does not depend on discovery order), its digest, and whether it is stored. */
function planBundles(articles: SearchSource[], cacheDir: string, generator: string, bundleSize: number) {
  const count = bundleCount(articles.length, bundleSize);
  const members: SearchSource[][] = Array.from({ length: count }, () => []);
  for (const a of articles) members[bundleOf(a.url, count)].push(a);
  for (const entries of members) entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const digests = members.map((entries) => pagesDigest(generator, entries));
  const stored = digests.map((d, i) => isStored(cacheDir, `${BUNDLES_OUTPUT}/${i + 1}`, d));
  return { count, members, digests, stored };
}

/**
 * Checks the search documents of the bundles that will be indexed again, on the calling thread:
 * a damaged one is made again by `remake` (from the article, which the indexing thread cannot
 * parse) and written back. Returns one line per document remade.
 */
export function repairSearchDocuments(articles: SearchSource[], cacheDir: string, generator: string, bundleSize: number, remake: (entry: SearchSource) => string): string[] {
  const { members, stored } = planBundles(articles, cacheDir, generator, bundleSize);
  const repaired: string[] = [];
  members.forEach((entries, i) => {
    if (stored[i]) return;
    for (const entry of entries) {
      const file = path.join(cacheDir, searchDocumentFile(entry.modelFile));
      try {
        readCacheFile(file);
      } catch (e) {
        writeCacheFile(file, remake(entry));
        repaired.push(remadeLine(entry.source, 'search document', e));
      }
    }
  });
  return repaired;
}

/**
 * Builds the Pagefind bundles for every published article. Throws only if Pagefind itself fails.
 * `generator` is the generator's digest: a bundle is reused only when it and its pages are
 * unchanged.
 */
export async function writeSearchIndex(
  articles: SearchSource[],
  cacheDir: string,
  outDir: string,
  generator: string,
  { bundleSize, onPlan, onProgress, pagefindEntry = packageEntry('pagefind') }: SearchIndexOptions,
): Promise<SearchIndexStats> {
  const started = performance.now();
  const outputPath = path.join(outDir, 'pagefind');
  fs.rmSync(outputPath, { recursive: true, force: true });
  const { count, members, digests, stored } = planBundles(articles, cacheDir, generator, bundleSize);
  const toIndex = members.reduce((sum, entries, i) => sum + (stored[i] ? 0 : entries.length), 0);
  onPlan?.(toIndex, articles.length);
  let added = 0;
  let written = 0;
  const progress: BundleProgress = (addedNow, writtenNow) => {
    added += addedNow;
    written += writtenNow;
    onProgress?.(Math.round(ADD_SHARE * added + (1 - ADD_SHARE) * written), toIndex);
  };
  const results: Array<{ pages: number; problems: string[] }> = new Array(count);
  // `bundlesAtOnce` lanes, so at most that many indexers' memory is held. A lane keeps its Pagefind
  // process for all its bundles: a fresh one per bundle touched its memory anew, and page faults are
  // dear on these VMs.
  const installs: Array<(outDir: string) => void> = new Array(count);
  const apis: PagefindApi[] = [];
  let next = 0;
  const lane = async (k: number) => {
    // Opened only if the lane has a bundle to build.
    let api: PagefindApi | undefined;
    const open = async (): Promise<PagefindApi> => {
      if (!api) apis.push((api = await pagefindForLane(k, pagefindEntry)));
      return api;
    };
    while (next < count) {
      const i = next++;
      [results[i], installs[i]] = await reuseOrWriteBundle(i + 1, members[i], cacheDir, digests[i], open, progress);
    }
  };
  try {
    await Promise.all(Array.from({ length: bundlesAtOnce(count) }, (_, k) => lane(k)));
  } finally {
    await Promise.all(apis.map((api) => api.close()));
  }
  // In order, once all are built: the first bundle is the root, and installing it replaces the folder.
  installs.forEach((install, i) => install(i === 0 ? outputPath : path.join(outputPath, 'x', String(i + 1))));
  const pages = results.reduce((sum, r) => sum + r.pages, 0);
  const problems = results.flatMap((r) => r.problems);
  const extra = members.slice(1).map((_, i) => `/pagefind/x/${i + 2}/`);
  // Bundles past the last one are from a larger corpus: never reused, so not kept.
  for (const name of fs.existsSync(bundleStore(cacheDir)) ? fs.readdirSync(bundleStore(cacheDir)) : []) {
    if (Number(name) > count) fs.rmSync(path.join(bundleStore(cacheDir), name), { recursive: true, force: true });
  }
  if (extra.length) fs.writeFileSync(path.join(outputPath, EXTRA_BUNDLES_FILE), JSON.stringify({ bundles: extra }));
  if (problems.length && pages === 0) throw new Error(`Pagefind indexed nothing: ${problems.slice(0, 5).join(' | ')}`);
  return { pages, bytes: dirBytes(outputPath), seconds: (performance.now() - started) / 1000 };
}

const BUNDLES_OUTPUT = 'pagefind-bundles';
const bundleStore = (cacheDir: string) => cacheLayout(cacheDir).output(BUNDLES_OUTPUT).dir;

/**
 * A bundle whose articles are all unchanged (same URLs, same content keys) is taken from the cache,
 * so an edit re-indexes only the bundle holding the edited article. A bundle that had problems is
 * never reused, so its problems are reported again on the next build.
 */
async function reuseOrWriteBundle(
  n: number,
  entries: SearchSource[],
  cacheDir: string,
  digest: string,
  open: () => Promise<PagefindApi>,
  progress: BundleProgress,
): Promise<[{ pages: number; problems: string[] }, (bundleDir: string) => void]> {
  const stored = await reuseOrBuild(
    cacheDir,
    `${BUNDLES_OUTPUT}/${n}`,
    digest,
    ['.'],
    async (stage) => writeBundle(await open(), entries, cacheDir, stage, progress),
    (r) => !r.problems.length && r.pages === entries.length,
  );
  return [stored.result ?? { pages: entries.length, problems: [] }, stored.install];
}

/** Articles just added to a bundle, and just written with it. */
type BundleProgress = (added: number, written: number) => void;

/** One bundle; its index is deleted afterwards, so the Pagefind process frees it for the next. */
async function writeBundle(
  api: PagefindApi,
  entries: SearchSource[],
  cacheDir: string,
  outputPath: string,
  progress: BundleProgress,
): Promise<{ pages: number; problems: string[] }> {
  const { index, errors } = await api.createIndex({ forceLanguage: 'en', keepIndexUrl: false });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const problems: string[] = [];
  let pages = 0;
  for (let i = 0; i < entries.length; i += IN_FLIGHT) {
    const batch = entries.slice(i, i + IN_FLIGHT);
    const added = await Promise.all(
      batch.map((entry) => index.addHTMLFile({ url: entry.url, content: withFacets(readCacheText(path.join(cacheDir, searchDocumentFile(entry.modelFile))), entry) })),
    );
    faultPoint('search-index');
    for (const [k, r] of added.entries()) {
      if (r.errors.length) problems.push(`${batch[k].source}: ${r.errors.join('; ')}`);
      else pages++;
    }
    progress(batch.length, 0);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) problems.push(...written.errors);
  progress(0, entries.length);
  await index.deleteIndex();
  // The site has its own search UI; Pagefind's prebuilt UIs would only be dead weight.
  for (const name of fs.existsSync(outputPath) ? fs.readdirSync(outputPath) : []) {
    if (UNUSED_BUNDLE_FILE.test(name)) fs.rmSync(path.join(outputPath, name));
  }
  return { pages, problems };
}
