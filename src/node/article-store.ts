import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../core/model/article';
import type { NavGroup } from '../core/toc';
import type { ArticleEntry } from './build-content';
import { cacheDir } from './config';

/** The loader's record of a content sync (a `ContentBuild`), in the cache. */
export const MANIFEST_FILE = 'manifest.json';

let entriesMemo: { mtimeMs: number; entries: ArticleEntry[] } | null = null;

/**
 * Every published article's entry, from the manifest of the last content sync (re-read when the
 * loader rewrites it, as in dev). Pages read entries here, not from Astro's content collection:
 * Astro puts its data store into the build as one module, `JSON.parse("…")` of the whole store
 * (61 MB at 50,000 articles), and compiling that module took 35 s of every build there.
 */
export function loadEntries(): ArticleEntry[] {
  const file = path.join(cacheDir(), MANIFEST_FILE);
  let mtimeMs: number;
  try { mtimeMs = fs.statSync(file).mtimeMs; } catch { return []; }
  if (entriesMemo?.mtimeMs !== mtimeMs) {
    entriesMemo = { mtimeMs, entries: (JSON.parse(fs.readFileSync(file, 'utf8')) as { articles: ArticleEntry[] }).articles };
  }
  return entriesMemo.entries;
}

/** Full article model, read from the cache the loader wrote; pages load one at a time so memory stays flat. */
export function loadArticle(modelFile: string): Article {
  return JSON.parse(fs.readFileSync(path.join(cacheDir(), modelFile), 'utf8')) as Article;
}

/** The toc groups of the last content sync, written by the loader next to the manifest. */
export const NAV_GROUPS_FILE = 'nav-groups.json';

let navMemo: { mtimeMs: number; groups: NavGroup[] } | null = null;

/** Toc groups for side navs, read once per sync (re-read when the loader rewrites them, as in dev). */
export function loadNavGroups(): NavGroup[] {
  const file = path.join(cacheDir(), NAV_GROUPS_FILE);
  let mtimeMs: number;
  try { mtimeMs = fs.statSync(file).mtimeMs; } catch { return []; }
  if (navMemo?.mtimeMs !== mtimeMs) navMemo = { mtimeMs, groups: JSON.parse(fs.readFileSync(file, 'utf8')) as NavGroup[] };
  return navMemo.groups;
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
