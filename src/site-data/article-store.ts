/**
 * What the pages read at render time: the build's record (every article's entry), the toc groups,
 * the render plan, and an article's full model, all from the cache folder of the site's
 * configuration (`virtual:kb/config`). A file rewritten since it was read (the dev server's loader
 * writes them on every sync) is read again.
 */
import fs from 'node:fs';
import config from 'virtual:kb/config';
import type { Article } from '../core/model/article';
import type { NavGroup } from '../core/toc';
import { readModel } from '../build/article-cache';
import { z } from 'zod';
import { navGroupSchema, parseBuildRecord, parseCacheJson, planForRoutesSchema, type ArticleEntry, type PlanForRoutes } from '../build/build-record';
import { cacheLayout } from '../build/cache-layout';
import { faultPoint } from '../build/fault-hooks';

/** The cache's layout, from the configuration as it is now (the dev server's configuration can change). */
const layout = () => cacheLayout(config.cacheDir);
const memos = new Map<string, { mtimeMs: number; value: unknown }>();

/** A file of the cache, read and parsed once per write of it; `fallback` when there is none. */
function readOnce<T>(file: string, parse: (text: string) => T, fallback: T): T {
  let mtimeMs: number;
  try { mtimeMs = fs.statSync(file).mtimeMs; } catch { return fallback; }
  const memo = memos.get(file);
  if (memo?.mtimeMs === mtimeMs) return memo.value as T;
  const value = parse(fs.readFileSync(file, 'utf8'));
  memos.set(file, { mtimeMs, value });
  return value;
}

/**
 * Every published article's entry, from the record of the last content sync. Pages read entries
 * here, not from Astro's content collection: Astro puts its data store into the build as one
 * module, `JSON.parse("…")` of the whole store, which is slow to compile at scale
 * (docs/decisions/2026-11-26-build-at-50000-articles.md).
 */
export function loadEntries(): ArticleEntry[] {
  const { manifest } = layout();
  return readOnce(manifest, (text) => parseBuildRecord(text, manifest).articles, []);
}

/**
 * Full article model, read from the cache the loader wrote; pages load one at a time so memory stays
 * flat. A damaged model file is made again from the article's source, with a warning.
 */
export function loadArticle(entry: Pick<ArticleEntry, 'source' | 'modelFile'>): Article {
  faultPoint('render');
  return readModel(entry, config.cacheDir, config.contentDir);
}

/** Toc groups for side navs. */
export function loadNavGroups(): NavGroup[] {
  const file = layout().navGroups;
  return readOnce<NavGroup[]>(file, (text) => parseCacheJson(z.array(navGroupSchema), text, file), []);
}

/** The plan (render-plan.ts), parsed once per write of it (four browse routes and the article route ask). */
function readPlan(): PlanForRoutes {
  const file = layout().renderPlan;
  try {
    return readOnce<PlanForRoutes>(file, (text) => parseCacheJson(planForRoutesSchema, text, file), { pages: [], browse: false });
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
