/**
 * A rebuild renders only the article pages whose inputs changed. A page depends on its article's
 * model (the entry's content key), its entry (URL, toc placement, counts), its toc group (the side
 * navigation lists the siblings) and the site itself: templates, styles, scripts, the generator's
 * code, dependencies and the settings pages read. When all of these are what they were when the
 * page in dist/ was written, Astro is not asked to render it again and the build keeps the file.
 *
 * Browse pages list many articles each, so they are kept or rendered as one set: kept only when no
 * article page's key changed (then no list can have changed either).
 *
 * The record of what dist/ holds lives in the cache and names its dist/ and each page file's size
 * and mtime, so a page changed or replaced by hand is rendered again. It is removed before
 * rendering starts and written back only when the build completes, so a build cut short leaves
 * no record and the next one renders every page.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCacheJson, renderRecordSchema, type ArticleEntry, type ContentBuild, type PlanForRoutes, type RenderRecord } from './build-record';
import type { CacheLayout } from './cache-layout';
import { generatorDigest } from './code-digest';
import { hashTree } from './code-digest';
import { SITE_SOURCES } from './source-folders';
import { fileStamp, hasStamp, stampsBelow } from './file-stamps';
import { readCacheText, replaceFile, writeCacheFile } from './cache-file';



/** Where the browse routes write, relative to dist/. */
const BROWSE_DIR = 'browse';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Settings of the Astro config and the kb config that change every page. */
export interface SiteSettings {
  base: string;
  site?: string;
  trailingSlash: string;
  format: string;
  source: string;
  feedback: string;
}

/** Digest of everything every page depends on besides its own article. */
export function siteDigest(settings: SiteSettings): string {
  const hash = crypto.createHash('sha256').update(generatorDigest());
  const src = path.resolve(here, '..');
  for (const part of SITE_SOURCES) hashTree(hash, path.join(src, part));
  for (const file of ['astro.config.mjs', 'package-lock.json']) hashTree(hash, path.resolve(src, '..', file));
  hash.update(JSON.stringify(settings));
  return hash.digest('hex').slice(0, 24);
}

/** The file an article page is written to, relative to dist/ (directory format, trailing slash). */
export function pageFile(url: string): string {
  return `${url.replace(/^\/+/, '')}index.html`;
}

function pageKey(entry: ArticleEntry, build: ContentBuild): string {
  const group = entry.nav ? build.navGroups[entry.nav.group] : null;
  return crypto.createHash('sha256').update(JSON.stringify(entry)).update(JSON.stringify(group ?? null)).digest('hex').slice(0, 24);
}

export interface RenderPlan {
  /** How many article pages are left as they are in dist/. */
  keptArticles: number;
  /** Whether the browse pages are left as they are. */
  keptBrowse: boolean;
  /** Pages left as they are in dist/: article pages, and the browse pages when kept (files relative to dist/). */
  keptFiles: string[];
  /** Call when the build has completed: records what dist/ now holds. */
  complete(): void;
}

/**
 * Decides which article pages to render and tells the article route through a file in the cache
 * (the route runs in another module graph). Every page is rendered when dist/ is new, was written
 * by another build, or the site changed.
 */
export function planRender(build: ContentBuild, outDir: string, site: string, layout: CacheLayout): RenderPlan {
  const recordFile = layout.renderedPages;
  let record: RenderRecord | null = null;
  try {
    record = parseCacheJson(renderRecordSchema, readCacheText(recordFile), recordFile);
  } catch {
    record = null;
  }
  fs.rmSync(recordFile, { force: true });
  const keys = new Map(build.articles.map((a) => [a.url, pageKey(a, build)]));
  const unchanged = (url: string): boolean => {
    const was = record!.pages[url];
    return !!was && was[0] === keys.get(url) && hasStamp(path.join(outDir, pageFile(url)), [was[1], was[2]]);
  };
  const sameSite = !!record && record.outDir === outDir && record.site === site;
  const kept = sameSite ? build.articles.map((a) => a.url).filter(unchanged) : [];
  const browseKey = crypto.createHash('sha256').update(site).update(JSON.stringify([...keys].sort((a, b) => (a[0] < b[0] ? -1 : 1)))).digest('hex').slice(0, 24);
  const browseFiles = sameSite && record!.browse?.key === browseKey ? Object.entries(record!.browse.files) : [];
  const keepBrowse = browseFiles.length > 0 && browseFiles.every(([file, stamp]) => hasStamp(path.join(outDir, file), stamp));
  const forRoutes: PlanForRoutes = { pages: kept, browse: keepBrowse };
  replaceFile(layout.renderPlan, JSON.stringify(forRoutes));
  return {
    keptArticles: kept.length,
    keptBrowse: keepBrowse,
    keptFiles: [...kept.map(pageFile), ...(keepBrowse ? browseFiles.map(([file]) => file) : [])],
    complete() {
      fs.rmSync(layout.renderPlan, { force: true });
      const pages: RenderRecord['pages'] = {};
      for (const [url, key] of keys) {
        const stamp = fileStamp(path.join(outDir, pageFile(url)));
        if (stamp) pages[url] = [key, ...stamp];
      }
      const browse = Object.entries(stampsBelow(path.join(outDir, BROWSE_DIR))).map(([rel, stamp]) => [`${BROWSE_DIR}/${rel}`, stamp]);
      const next: RenderRecord = { outDir, site, pages, browse: { key: browseKey, files: Object.fromEntries(browse) } };
      writeCacheFile(recordFile, JSON.stringify(next));
    },
  };
}

/** Forgets an earlier build's plan, so a dev server or a build that plans nothing renders every page. */
export function clearRenderPlan(layout: CacheLayout): void {
  fs.rmSync(layout.renderPlan, { force: true });
}
