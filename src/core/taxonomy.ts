import { productFamily } from './classify/product-names';

/** Longest URL segment we emit: file systems refuse names over 255 bytes, and long URLs help no one. */
const MAX_SLUG = 80;

/** Browse keys for products, support areas and topics: stable, lower-case URL segments. */
export function taxonomySlug(name: string): string {
  const slug = fullSlug(name);
  if (slug.length <= MAX_SLUG) return slug;
  // Cut long names and keep them distinct with a short hash of the whole name.
  return `${slug.slice(0, MAX_SLUG - 9).replace(/-+$/, '')}-${hash32(slug)}`;
}

function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function fullSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'other'
  );
}

export const productUrl = (product: string) => `/browse/products/${taxonomySlug(product)}/`;
export const familyUrl = (family: string) => `/browse/families/${taxonomySlug(family)}/`;
export const topicUrl = (topic: string) => `/browse/topics/${taxonomySlug(topic)}/`;
export const areaUrl = (path: string[]) => `/browse/areas/${path.map(taxonomySlug).join('/')}/`;

/** Human label for a normalized `ms.topic`. */
const TOPIC_LABELS: Record<string, string> = {
  troubleshooting: 'Troubleshooting',
  'troubleshooting-general': 'Troubleshooting guide',
  'troubleshooting-known-issue': 'Known issue',
  'how-to': 'How-to',
  conceptual: 'Concept',
  article: 'Article',
  reference: 'Reference',
  overview: 'Overview',
};
export function topicLabel(topic: string): string {
  return TOPIC_LABELS[topic] ?? topic.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "1 article", "2 articles". */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

export interface Counted<K> {
  key: K;
  count: number;
}

/** Count values, most frequent first, ties by name: deterministic lists for browse pages. */
export function countBy<T>(items: T[], keys: (item: T) => string[]): Counted<string>[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of new Set(keys(item))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every prefix of every support-area path, joined with `\`, e.g. `Sharing` and `Sharing\Links`. */
export function areaPrefixes(areas: string[][]): string[] {
  const out = new Set<string>();
  for (const path of areas) for (let i = 1; i <= path.length; i++) out.add(path.slice(0, i).join('\\'));
  return [...out];
}

/** Newest first, then by title: the stable order of article lists. */
export function byDateDesc<T extends { date: string | null; title: string }>(a: T, b: T): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

export interface AreaGroup<E> {
  /** URL key: the slugged path joined with `/`. */
  key: string;
  path: string[];
  items: E[];
  children: Array<{ path: string[]; count: number }>;
}

/**
 * One group per support-area path prefix, sorted by key, each with its direct children. Linear in
 * the number of areas: the 50,000-article synthetic corpus has 23,000 of them.
 */
export function groupAreas<E extends { supportAreas: string[][] }>(entries: E[]): Array<AreaGroup<E>> {
  const slugOf = new Map<string, string>();
  const slug = (part: string) => slugOf.get(part) ?? (slugOf.set(part, taxonomySlug(part)), slugOf.get(part)!);
  const byKey = new Map<string, AreaGroup<E>>();
  for (const e of entries) {
    for (const prefix of areaPrefixes(e.supportAreas)) {
      const path = prefix.split('\\');
      const key = path.map(slug).join('/');
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { key, path, items: [], children: [] }));
      if (g.items[g.items.length - 1] !== e) g.items.push(e);
    }
  }
  const groups = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const g of groups) {
    const cut = g.key.lastIndexOf('/');
    if (cut > 0) byKey.get(g.key.slice(0, cut))?.children.push({ path: g.path, count: g.items.length });
  }
  return groups;
}

/** One page of a browse list, in the shape of the fields of Astro's `Page` the pager reads. */
export interface ListPage<E> {
  data: E[];
  total: number;
  currentPage: number;
  lastPage: number;
  url: { current: string; prev?: string; next?: string };
}

/**
 * The route key of page `n` of a support area. Areas nest, so a plain number could be a sub-area's
 * slug (`Office\2016`); slugs never hold `_`, so `page_2` cannot collide with one.
 */
function areaPageKey(key: string, n: number): string {
  return n <= 1 ? key : `${key}/page_${n}`;
}
export const areaPageUrl = (key: string, n: number) => `/browse/areas/${areaPageKey(key, n)}/`;

/**
 * A support area's articles in pages of `pageSize`, so that no area page grows with the corpus.
 * `param` is the route's rest parameter for each page.
 */
export function areaPages<E>(group: Pick<AreaGroup<E>, 'key' | 'items'>, pageSize: number): Array<{ param: string; page: ListPage<E> }> {
  const lastPage = Math.max(1, Math.ceil(group.items.length / pageSize));
  const out: Array<{ param: string; page: ListPage<E> }> = [];
  for (let n = 1; n <= lastPage; n++) {
    out.push({
      param: areaPageKey(group.key, n),
      page: {
        data: group.items.slice((n - 1) * pageSize, n * pageSize),
        total: group.items.length,
        currentPage: n,
        lastPage,
        url: {
          current: areaPageUrl(group.key, n),
          ...(n > 1 ? { prev: areaPageUrl(group.key, n - 1) } : {}),
          ...(n < lastPage ? { next: areaPageUrl(group.key, n + 1) } : {}),
        },
      },
    });
  }
  return out;
}

export interface ProductFamily {
  name: string;
  /** Articles with any product of the family. */
  count: number;
  products: Counted<string>[];
}

/** Products grouped by family (`productFamily`), most articles first, ties by name. */
export function productFamilies<T extends { products: string[] }>(entries: T[]): ProductFamily[] {
  const byFamily = new Map<string, T[]>();
  for (const e of entries) {
    for (const f of new Set(e.products.map(productFamily))) {
      const list = byFamily.get(f);
      if (list) list.push(e);
      else byFamily.set(f, [e]);
    }
  }
  return [...byFamily]
    .map(([name, items]) => ({ name, count: items.length, products: countBy(items, (e) => e.products.filter((p) => productFamily(p) === name)) }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Where a family is browsed: its only product's page when the family is that product alone. */
export function familyHref(f: ProductFamily): string {
  return f.products.length === 1 && f.products[0].key === f.name ? productUrl(f.name) : familyUrl(f.name);
}
