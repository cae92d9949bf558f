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
    load: async ({ store, logger, watcher, parseData }) => {
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
        store.clear();
        for (const entry of build.articles) {
          const data = await parseData({ id: entry.url, data: { ...entry } });
          store.set({ id: entry.url, data });
        }
        const secs = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${build.inputs} files read from ${root}: ${build.articles.length} pages, ${build.diagnostics.length} diagnostics (cache ${build.cache.hits} hit, ${build.cache.misses} parsed) in ${secs}s`,
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
