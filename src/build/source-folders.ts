/**
 * Every folder and file of `src/`, by what a change to it invalidates. The article cache
 * (code-digest.ts) and the kept pages (render-plan.ts) read these lists; a test fails when an
 * entry of `src/` is in neither, so moving code can never silently stop invalidating.
 */

/** Code that makes an article's model, its index terms and the lookup module: a change re-parses every article. */
export const GENERATOR_SOURCES = ['core', 'build', 'browser/lookup'] as const;

/** Code and styles that render pages: a change renders every page again. */
export const SITE_SOURCES = [
  'pages', 'layouts', 'components', 'styles', 'browser', 'site-data', 'integration', 'loader', 'config.ts', 'content.config.ts', 'kb-env.d.ts',
] as const;
