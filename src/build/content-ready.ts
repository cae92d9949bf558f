import type { ContentBuild } from './build-record';

/**
 * The content loader and the integration run in different module graphs (Vite's and Node's), so
 * module state is not shared between them; a listener on `globalThis` is. During `astro build` the
 * integration listens, and the loader announces the parsed content as soon as it has it, so work
 * that needs only the content (the search index) can start before Astro's own build does.
 */
const KEY = Symbol.for('kb-site.content-ready');

type Listener = (build: ContentBuild) => void;

export function onContentReady(listener: Listener | null): void {
  (globalThis as Record<symbol, unknown>)[KEY] = listener;
}

export function announceContent(build: ContentBuild): void {
  ((globalThis as Record<symbol, unknown>)[KEY] as Listener | null | undefined)?.(build);
}
