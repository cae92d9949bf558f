/**
 * Astro logs a line for every page it writes: a corpus build printed about 7,000, some glued
 * together. While pages are written, those lines are counted instead of printed, and one progress
 * line (rewritten in place on a terminal, every few seconds in CI) stands for them. Every other
 * line goes through untouched.
 */
import { createProgress } from './progress';

const ANSI = /\x1b\[[0-9;]*m/g;
/** `09:04:50   ├─ /a/b/index.html` (the time comes as a separate write), and a page component's header `▶ src/pages/x.astro`. */
const ROUTE_LINE = /^(?:\d\d:\d\d:\d\d\s+)?\s*(?:[├└]─\s|▶\s+src\/)/;
/** The render time Astro writes after a route: ` (+12ms) `, maybe with a note in parentheses. */
const TIMING = /^\s*\(\+[\d.]+\s*m?s\)\s*(?:\([^)]*\))?\s*$/;

export interface QuietRoutes {
  /** Restores the stream and ends the progress line; returns the routes counted. */
  restore(): number;
}

export function quietRouteLines(log: (line: string) => void, stream: NodeJS.WriteStream = process.stdout): QuietRoutes {
  const original = stream.write.bind(stream);
  let routes = 0;
  let afterRoute = false;
  const progress = createProgress('KB: pages written:', 0, log);
  const quiet = (chunk: unknown): boolean => {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return false;
    const text = (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')).replace(ANSI, '');
    const lines = text.split('\n').filter((l) => l.trim());
    if (!lines.length) return afterRoute;
    const ok = lines.every((l) => ROUTE_LINE.test(l) || ((afterRoute || routes > 0) && TIMING.test(l)));
    if (!ok) return false;
    for (const l of lines) if (/[├└]─/.test(l)) routes++;
    afterRoute = !text.endsWith('\n');
    progress.tick(routes);
    return true;
  };
  stream.write = ((chunk: unknown, ...rest: unknown[]) => (quiet(chunk) ? true : (original as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest))) as typeof stream.write;
  return {
    restore() {
      stream.write = original as typeof stream.write;
      progress.end();
      return routes;
    },
  };
}
