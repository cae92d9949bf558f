/**
 * The kb integration: `kb(options)` in `astro.config.mjs`. It parses the configuration once (see
 * src/config.ts), hands it to the pages and the content loader as `virtual:kb/config`, and
 * delegates each hook to the build session (build-session.ts) and the steps of build-done.ts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { onContentReady } from '../build/content-ready';
import { quietRouteLines } from '../build/quiet-routes';
import { recordTiming } from '../build/timings';
import { resolveConfig, type KbConfig, type KbOptions } from '../config';
import { installSearchIndex, pruneAndRecord, summarizeAndCheck, writeLookupIndexes, writeReport } from './build-done';
import { contentClassified, contentFromRecord, contentKnown, contentOf, createBuildSession, type BuildSession } from './build-session';

export type { KbOptions };

const CONFIG_MODULE = 'virtual:kb/config';

/** A Vite plugin that serves the parsed configuration as `virtual:kb/config`. */
function configModule(config: KbConfig) {
  const resolved = '\0' + CONFIG_MODULE;
  return {
    name: 'kb-config',
    resolveId: (id: string) => (id === CONFIG_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(config)};` : undefined),
  };
}

export function kb(options: KbOptions = {}): AstroIntegration {
  let session: BuildSession | null = null;
  const current = (): BuildSession => {
    if (!session) throw new Error('kb: a build hook ran before astro:config:setup');
    return session;
  };
  return {
    name: 'kb-site',
    hooks: {
      'astro:config:setup': ({ command, config: astro, updateConfig }) => {
        session?.quietRoutes?.restore();
        const config = resolveConfig(options);
        const output = command === 'build'
          ? {
              dir: fileURLToPath(astro.outDir),
              settings: { base: astro.base, site: astro.site, trailingSlash: astro.trailingSlash, format: astro.build.format, source: config.sourceUrl ?? '', feedback: config.feedbackUrl ?? '' },
            }
          : null;
        const s = (session = createBuildSession(config, output));
        updateConfig({ vite: { plugins: [configModule(config)] } });
        if (s.inPlace) updateConfig({ vite: { build: { emptyOutDir: false } } });
        // The dev server would otherwise watch the cache the loader writes, and log and reload on each write.
        if (command === 'dev') updateConfig({ vite: { server: { watch: { ignored: [`${config.cacheDir}/**`] } } } });
        // Pages leave out their CSP under the dev server, whose client injects inline scripts; not by
        // NODE_ENV, which a build started from a test runner may set to anything.
        updateConfig({ vite: { define: { __KB_DEV_SERVER__: JSON.stringify(command === 'dev') } } });
        // Only a build indexes; the loader calls this the moment its content is parsed.
        onContentReady(command === 'build' ? (build, stage) => (stage === 'classified' ? contentClassified(s, build) : contentKnown(s, build)) : null);
      },
      // Page rendering sits between these two hooks; the bench reads the figure.
      'astro:build:start': ({ logger }) => {
        const s = current();
        s.renderStart = performance.now();
        s.quietRoutes = quietRouteLines((line) => logger.info(line));
        contentFromRecord(s);
      },
      'astro:build:generated': () => {
        const s = current();
        if (s.renderStart) recordTiming('render', (performance.now() - s.renderStart) / 1000, s.config.cacheDir);
        s.quietRoutes?.restore();
        s.quietRoutes = null;
      },
      // After Astro writes the pages: the report, the indexes, pruning, and the strict check.
      'astro:build:done': async ({ dir, logger }) => {
        const s = current();
        const out = fileURLToPath(dir);
        const log = (line: string) => logger.info(line);
        const build = contentOf(s);
        const report = writeReport(s, build, out);
        await writeLookupIndexes(s, build, out, log);
        await installSearchIndex(s, build, out, log);
        pruneAndRecord(s, build, log);
        summarizeAndCheck(s, report, out, log);
      },
    },
  };
}
