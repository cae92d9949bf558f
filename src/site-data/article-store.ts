import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../core/model/article';
import type { NavGroup } from '../core/toc';
import type { ArticleEntry } from '../build/build-content';
import { cacheDir, contentRoot } from '../config';
import { ingestArticle } from '../core/ingest';
import { createFsIncludeResolver } from '../build/include-resolver';
import { articleTermsFile, lightOf } from '../build/light-result';
import { compactTermsOf, decodeTerms, encodeTerms, type CompactTerms } from '../core/retrieval/article-terms';
import { faultPoint } from '../build/fault-hooks';
import { firstLine, readCacheFile, readCacheText, remadeLine, writeCacheFile } from '../build/cache-file';

/** The loader's record of a content sync (a `ContentBuild`), in the cache. */
export const MANIFEST_FILE = 'manifest.json';

const memos = new Map<string, { mtimeMs: number; value: unknown }>();

/** A JSON file of the cache, parsed once per write of it (the loader rewrites it on every sync, as in dev). */
function readCacheJson<T>(name: string, fallback: T): T {
  const file = path.join(cacheDir(), name);
  let mtimeMs: number;
  try { mtimeMs = fs.statSync(file).mtimeMs; } catch { return fallback; }
  const memo = memos.get(file);
  if (memo?.mtimeMs === mtimeMs) return memo.value as T;
  const value = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  memos.set(file, { mtimeMs, value });
  return value;
}

/**
 * Every published article's entry, from the manifest of the last content sync. Pages read entries
 * here, not from Astro's content collection: Astro puts its data store into the build as one
 * module, `JSON.parse("…")` of the whole store (61 MB at 50,000 articles), and compiling that
 * module took 35 s of every build there.
 */
export function loadEntries(): ArticleEntry[] {
  return readCacheJson<{ articles: ArticleEntry[] }>(MANIFEST_FILE, { articles: [] }).articles;
}

/**
 * Full article model, read from the cache the loader wrote; pages load one at a time so memory stays
 * flat. A model file that cannot be read as one (damaged on disk after its stamp was checked) is
 * made again from the article's source, with a warning: the cache never fails a build.
 */
export function loadArticle(entry: Pick<ArticleEntry, 'source' | 'modelFile'>): Article {
  faultPoint('render');
  return readModel(entry);
}

/** `loadArticle` without the fault hook, for the index builds; `cache` is the cache folder. */
export function readModel(entry: Pick<ArticleEntry, 'source' | 'modelFile'>, cache: string = cacheDir()): Article {
  const file = path.join(cache, entry.modelFile);
  let problem: string;
  try {
    const model = JSON.parse(readCacheText(file)) as Article;
    if (typeof model?.title === 'string' && Array.isArray(model.sections) && model.source === entry.source) return model;
    problem = 'it holds another shape or another article';
  } catch (e) {
    problem = firstLine(e);
  }
  const again = ingestArticle(entry.source, fs.readFileSync(path.join(contentRoot(), entry.source)), createFsIncludeResolver(contentRoot()));
  if (!again.article) throw new Error(`${entry.source}: the cached model could not be read (${problem}), and the source no longer makes a page`);
  lightOf(again, cache);
  console.warn(`KB: ${entry.source}: its cached model could not be read (${problem}); parsed again from the source.`);
  return again.article;
}

/**
 * An article's terms, from the file its parser wrote beside the model; a damaged file is made again
 * from the article (`remade` is the log line saying so), so neither the related articles nor the
 * article index loses an article to the cache.
 */
export function readTerms(entry: Pick<ArticleEntry, 'source' | 'modelFile'>, cache: string = cacheDir()): { terms: CompactTerms; remade: string | null } {
  const file = path.join(cache, articleTermsFile(entry.modelFile));
  try {
    return { terms: decodeTerms(readCacheFile(file)), remade: null };
  } catch (e) {
    const terms = compactTermsOf(readModel(entry, cache));
    writeCacheFile(file, encodeTerms(terms));
    return { terms, remade: remadeLine(entry.source, 'terms', e) };
  }
}

/** The toc groups of the last content sync, written by the loader next to the manifest. */
export const NAV_GROUPS_FILE = 'nav-groups.json';

/** Toc groups for side navs. */
export function loadNavGroups(): NavGroup[] {
  return readCacheJson<NavGroup[]>(NAV_GROUPS_FILE, []);
}

/** The pages this build leaves alone (see render-plan.ts), for the routes' getStaticPaths. */
export const PLAN_FILE = 'render-plan.json';

/** What the render plan tells the routes: the article URLs they leave alone, and whether the browse pages are kept. */
export interface PlanForRoutes {
  pages: string[];
  browse: boolean;
}

/** The plan, parsed once per write of it (four browse routes and the article route ask). */
function readPlan(): PlanForRoutes {
  try {
    const plan = readCacheJson<Partial<PlanForRoutes>>(PLAN_FILE, {});
    return { pages: Array.isArray(plan.pages) ? plan.pages : [], browse: plan.browse === true };
  } catch {
    return { pages: [], browse: false };
  }
}

/** URLs of the article pages this build does not render: empty outside a planned build. */
export function pagesKept(): Set<string> {
  return new Set(readPlan().pages);
}

/** Whether this build leaves the browse pages as they are (no article's page key changed). */
export function browseKept(): boolean {
  return readPlan().browse;
}
