import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../core/model/article';
import type { NavGroup } from '../core/toc';
import type { ArticleEntry } from './build-content';
import { cacheDir } from './config';

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

/** Full article model, read from the cache the loader wrote; pages load one at a time so memory stays flat. */
export function loadArticle(modelFile: string): Article {
  return JSON.parse(fs.readFileSync(path.join(cacheDir(), modelFile), 'utf8')) as Article;
}

/** The toc groups of the last content sync, written by the loader next to the manifest. */
export const NAV_GROUPS_FILE = 'nav-groups.json';

/** Toc groups for side navs. */
export function loadNavGroups(): NavGroup[] {
  return readCacheJson<NavGroup[]>(NAV_GROUPS_FILE, []);
}

/** The article pages this build leaves alone (see render-plan.ts), for the article route's getStaticPaths. */
export const PLAN_FILE = 'render-plan.json';

/** URLs of the article pages this build does not render: empty outside a planned build. */
export function pagesKept(): Set<string> {
  try {
    return new Set(JSON.parse(fs.readFileSync(path.join(cacheDir(), PLAN_FILE), 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}
