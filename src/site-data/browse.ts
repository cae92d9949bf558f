import { byDateDesc, taxonomySlug } from '../core/taxonomy';
import { browseKept, loadEntries } from './article-store';

export type Entry = Awaited<ReturnType<typeof allEntries>>[number];

async function readEntries() {
  return [...loadEntries()].sort(byDateDesc);
}

let built: ReturnType<typeof readEntries> | null = null;

/**
 * Every article entry, newest first: the one list browse pages slice from. A build reads and sorts
 * it once for all browse routes; the dev server, whose content changes under it, reads it on every call.
 */
export function allEntries(): ReturnType<typeof readEntries> {
  if (import.meta.env.DEV) return readEntries();
  return (built ??= readEntries());
}

/** The entries the paginated browse routes lay out: none when this build keeps the browse pages already in dist/ (render-plan.ts). */
export async function routeEntries(): Promise<Entry[]> {
  return browseKept() ? [] : allEntries();
}

export const PAGE_SIZE = 50;

/** Group entries under URL-slug keys; names that slug alike share a page (first spelling wins). */
export function groupForBrowse(entries: Entry[], keys: (e: Entry) => string[]) {
  const groups = new Map<string, { slug: string; name: string; items: Entry[] }>();
  for (const e of entries) {
    for (const name of keys(e)) {
      const slug = taxonomySlug(name);
      let g = groups.get(slug);
      if (!g) groups.set(slug, (g = { slug, name, items: [] }));
      if (g.items[g.items.length - 1] !== e) g.items.push(e);
    }
  }
  return [...groups.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
}
