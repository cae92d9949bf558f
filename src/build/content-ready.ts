import type { ContentBuild } from './build-record';

/**
 * The content loader and the integration run in different module graphs (Vite's and Node's), so
 * module state is not shared between them; a listener on `globalThis` is. During `astro build` the
 * integration listens, and the loader announces the parsed content as soon as it has it, so work
 * that needs only the content (the search index) can start before Astro's own build does.
 */
const KEY = Symbol.for('kb-site.content-ready');

/**
 * `classified`: every article has its URL, products and support areas, and the search index can
 * start; its related articles come later, on the same object. `complete`: the build is as the
 * record holds it.
 */
export type ContentStage = 'classified' | 'complete';

type Listener = (build: ContentBuild, stage: ContentStage) => void;

export function onContentReady(listener: Listener | null): void {
  (globalThis as Record<symbol, unknown>)[KEY] = listener;
}

export function announceContent(build: ContentBuild, stage: ContentStage): void {
  ((globalThis as Record<symbol, unknown>)[KEY] as Listener | null | undefined)?.(build, stage);
}
