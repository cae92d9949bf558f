import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { buildContent } from '../build/build-content';
import { writeBuildRecord, type ContentBuild } from '../build/build-record';
import { cacheLayout } from '../build/cache-layout';
import type { KbConfig } from '../config';
import { createProgress, type Progress } from '../build/progress';
import { announceContent } from '../build/content-ready';


/** The one entry the loader stores: which content sync the manifest in the cache is. */
export const SYNC_ENTRY_ID = 'content-sync';

/**
 * Astro content loader for a DocFX-style knowledge base. Runs our own pipeline, writes the
 * manifest (every article's entry) and the full models to the cache, where pages read them
 * (article-store.ts), and stores one small entry that changes with the content, so the dev server
 * reloads on an edit. A store entry per article would make Astro put every entry into one module
 * of the build (docs/decisions/2026-11-26-build-at-50000-articles.md).
 */
export function kbLoader(config: KbConfig): Loader {
  return {
    name: 'kb-loader',
    load: async ({ store, logger, watcher, parseData, generateDigest }) => {
      const root = config.contentDir;
      const cache = config.cacheDir;
      const sync = async () => {
        const started = performance.now();
        let progress: Progress | null = null;
        const build: ContentBuild = await buildContent(root, cache, {
          workers: config.workers,
          onClassified: (classified) => announceContent(classified, 'classified'),
          onProgress: (done, total) => {
            progress ??= createProgress('parsing articles', total, (l) => logger.info(l));
            progress.tick(done);
            if (done === total) progress.end();
          },
        });
        const manifest = writeBuildRecord(cacheLayout(cache), build);
        announceContent(build, 'complete');
        // The record's own text: serializing every entry again would cost as much again.
        const digest = generateDigest(manifest);
        if (store.get(SYNC_ENTRY_ID)?.digest !== digest) {
          const data = await parseData({ id: SYNC_ENTRY_ID, data: { articles: build.articles.length, digest } });
          store.set({ id: SYNC_ENTRY_ID, data, digest });
        }
        // Entries of older versions, which stored one per article.
        for (const id of store.keys()) if (id !== SYNC_ENTRY_ID) store.delete(id);
        const secs = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${build.inputs} files read from ${root}: ${build.articles.length} pages, ${build.diagnostics.length} diagnostics (cache ${build.cache.hits} hit, ${build.cache.misses} parsed) in ${secs}s`,
        );
        if (build.cache.indexProblem) logger.warn(`cache: the cache index could not be read (${build.cache.indexProblem}); every article was parsed again`);
        const repaired = build.cache.repaired;
        if (repaired.length) {
          logger.warn(`cache: ${repaired.length} article(s) had cached files that did not match their source or could not be read; they were made again:`);
          for (const line of repaired.slice(0, 10)) logger.warn(`  ${line}`);
          if (repaired.length > 10) logger.warn(`  … and ${repaired.length - 10} more`);
        }
      };
      await sync();
      if (watcher) {
        watcher.add(root);
        const onChange = (file: string) => {
          if (path.resolve(file).startsWith(root + path.sep)) void sync();
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
