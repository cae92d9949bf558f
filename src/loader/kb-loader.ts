import fs from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { buildContent, MANIFEST_FILE, type ContentBuild } from '../node/build-content';
import { cacheDir, contentRoot } from '../node/config';
import { NAV_GROUPS_FILE } from '../node/article-store';
import { createProgress, type Progress } from '../node/progress';
import { announceContent } from '../node/content-ready';


/**
 * Astro content loader for a DocFX-style knowledge base. Runs our own unified pipeline,
 * stores a light entry per article, and keeps the full model in the cache for the page.
 */
export function kbLoader(): Loader {
  return {
    name: 'kb-loader',
    load: async ({ store, logger, watcher, parseData, generateDigest }) => {
      const root = contentRoot();
      const cache = cacheDir();
      const sync = async () => {
        const started = performance.now();
        let progress: Progress | null = null;
        const build: ContentBuild = await buildContent(root, cache, {
          onProgress: (done, total) => {
            progress ??= createProgress('parsing articles', total, (l) => logger.info(l));
            progress.tick(done);
            if (done === total) progress.end();
          },
        });
        fs.writeFileSync(path.join(cache, MANIFEST_FILE), JSON.stringify(build));
        fs.writeFileSync(path.join(cache, NAV_GROUPS_FILE), JSON.stringify(build.navGroups));
        announceContent(build);
        // Only new or changed entries are validated and stored again: at 50,000 articles, re-adding
        // every entry on a rebuild with nothing changed costs seconds.
        const published = new Set<string>();
        let stored = 0;
        for (const entry of build.articles) {
          published.add(entry.url);
          const digest = generateDigest(JSON.stringify(entry));
          if (store.get(entry.url)?.digest === digest) continue;
          const data = await parseData({ id: entry.url, data: { ...entry } });
          store.set({ id: entry.url, data, digest });
          stored++;
        }
        for (const id of store.keys()) if (!published.has(id)) store.delete(id);
        const secs = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${build.inputs} files read from ${root}: ${build.articles.length} pages, ${build.diagnostics.length} diagnostics (cache ${build.cache.hits} hit, ${build.cache.misses} parsed; ${stored} entries stored) in ${secs}s`,
        );
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
