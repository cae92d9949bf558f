/**
 * Every article's products and support areas, from every signal the site has: the article's own
 * `appliesto` and `sap:` entries first; failing those, its `ms.service` / `ms.prod` /
 * `ms.technology` metadata, read through what the other articles with the same metadata say;
 * failing that, its folder (what the folder's other articles say, else the folder's name) and its
 * toc groups. Then one spelling per name across the site.
 */
import { humanizeSlug } from './area-names';
import { foldProductName, nameKey, productFamily } from './product-names';

export interface TaxonomyInput {
  /** Path below the content root. */
  source: string;
  /** From `appliesto` or the body's "Applies to" line. */
  products: string[];
  /** From `sap:` entries. */
  supportAreas: string[][];
  /** `ms.service` and `ms.prod` values. */
  services: string[];
  /** `ms.technology` and `ms.subservice` values. */
  technologies: string[];
  /** Names of the toc groups that hold the article, outermost first. */
  tocGroups: string[];
}

/** Where a value came from, for the build report. */
export type TaxonomySource = 'article' | 'metadata' | 'folder' | 'toc' | 'none';

export interface Classified {
  products: string[];
  supportAreas: string[][];
  productFrom: TaxonomySource;
  areaFrom: TaxonomySource;
}

export interface SiteFolders {
  /** Folders (below the root, `''` for the root) that hold a `toc.yml`: each is one product's tree. */
  tocFolders: ReadonlySet<string>;
  /** A folder's own name from its toc.yml, when the toc has one top entry. */
  labels: ReadonlyMap<string, string>;
}

/** A signal (a metadata value) names a family when at least this share of its articles with products agree. */
const AGREEMENT = 0.5;
/** Area used when nothing names one, so every article is listed under some area. */
export const GENERAL_AREA = 'General';
/** Product used when nothing names one (an article at the content root with no metadata), so every article is listed under some product. */
export const OTHER_PRODUCT = 'Other';

const dirOf = (source: string): string => (source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '');
const parentOf = (dir: string): string | null => (dir === '' ? null : dirOf(dir));

/** Hyphen prefixes of a metadata value, longest first: `iis-www-authentication` → itself, `iis-www`, `iis`. */
function prefixes(value: string): string[] {
  const parts = value.toLowerCase().split('-');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}

/** The most common key of a tally and its share, ties by name. */
function top(tally: Map<string, number> | undefined): { key: string; share: number } | null {
  if (!tally || tally.size === 0) return null;
  let best = '', n = -1, sum = 0;
  for (const [k, c] of tally) {
    sum += c;
    if (c > n || (c === n && k < best)) { best = k; n = c; }
  }
  return { key: best, share: n / sum };
}

function add(map: Map<string, Map<string, number>>, key: string, value: string): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Map()));
  t.set(value, (t.get(value) ?? 0) + 1);
}

export function resolveTaxonomy(items: readonly TaxonomyInput[], folders: SiteFolders): Classified[] {
  const out: Classified[] = items.map((it) => {
    const products = uniqueByKey(it.products.map((p) => foldProductName(p)).filter(Boolean));
    return { products, supportAreas: it.supportAreas.map((p) => p.map((x) => humanizeSlug(x))), productFrom: products.length ? 'article' : 'none', areaFrom: it.supportAreas.length ? 'article' : 'none' };
  });

  // What each metadata value (and each hyphen prefix of it) stands for, learnt from the articles that carry it and name their products.
  const bySignal = new Map<string, Map<string, number>>();
  items.forEach((it, i) => {
    if (!out[i].products.length) return;
    const families = new Set(out[i].products.map(productFamily));
    const signals = new Set([...it.services, ...it.technologies].flatMap(prefixes));
    for (const s of signals) for (const f of families) add(bySignal, s, f);
  });
  const familyOfSignal = (value: string): string | null => {
    for (const p of prefixes(value)) {
      const t = top(bySignal.get(p));
      if (t && t.share >= AGREEMENT) return t.key;
    }
    return null;
  };
  items.forEach((it, i) => {
    if (out[i].products.length) return;
    for (const v of [...it.services, ...it.technologies]) {
      const f = familyOfSignal(v);
      if (f) { out[i].products = [f]; out[i].productFrom = 'metadata'; return; }
    }
    const service = it.services[0];
    if (service) { out[i].products = [humanizeSlug(service, 'title')]; out[i].productFrom = 'metadata'; }
  });

  // The folder each article's product tree starts at: the nearest folder with a toc.yml, else its top folder.
  const rootOf = (source: string): string => {
    for (let d: string | null = dirOf(source); d !== null && d !== ''; d = parentOf(d)) if (folders.tocFolders.has(d)) return d;
    const dir = dirOf(source);
    return dir.split('/')[0];
  };
  // Families named in each folder's tree, counted by article.
  const byFolder = new Map<string, Map<string, number>>();
  items.forEach((it, i) => {
    if (!out[i].products.length) return;
    const families = new Set(out[i].products.map(productFamily));
    for (let d: string | null = dirOf(it.source); d !== null; d = parentOf(d)) for (const f of families) add(byFolder, d, f);
  });
  items.forEach((it, i) => {
    if (out[i].products.length) return;
    const root = rootOf(it.source);
    for (let d: string | null = dirOf(it.source); d !== null; d = parentOf(d)) {
      const t = top(byFolder.get(d));
      if (t && t.share >= AGREEMENT) { out[i].products = [t.key]; out[i].productFrom = 'folder'; return; }
      if (d === root) break;
    }
    if (root) { out[i].products = [folders.labels.get(root) ?? humanizeSlug(root.split('/').pop()!, 'title')]; out[i].productFrom = 'folder'; }
    else out[i].products = [folders.labels.get('') ?? OTHER_PRODUCT];
  });

  items.forEach((it, i) => {
    if (out[i].supportAreas.length) return;
    const tech = it.technologies[0];
    if (tech) {
      // The part of the value after the prefix that named the product: `iis-health-diagnostic` → "Health diagnostic".
      const known = prefixes(tech).find((p) => bySignal.has(p) && p !== tech.toLowerCase());
      const rest = known ? tech.slice(known.length + 1) : tech;
      out[i].supportAreas = [[humanizeSlug(rest.toLowerCase())]];
      out[i].areaFrom = 'metadata';
      return;
    }
    if (it.tocGroups.length) {
      out[i].supportAreas = [it.tocGroups.slice(0, 2)];
      out[i].areaFrom = 'toc';
      return;
    }
    const root = rootOf(it.source);
    const below = dirOf(it.source).slice(root.length).split('/').filter(Boolean);
    out[i].supportAreas = [below.length ? below.slice(0, 2).map((x) => humanizeSlug(x)) : [GENERAL_AREA]];
    out[i].areaFrom = below.length ? 'folder' : 'none';
  });

  return oneSpelling(out);
}

function uniqueByKey(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = nameKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * One spelling per name: products by their folded key, each area level by its key under its parent.
 * The spelling most articles use wins, ties to the first in code-point order.
 */
function oneSpelling(out: Classified[]): Classified[] {
  const productSpellings = new Map<string, Map<string, number>>();
  for (const c of out) for (const p of c.products) add(productSpellings, nameKey(p), p);
  const areaKey = (path: string[], depth: number) => path.slice(0, depth + 1).map(nameKey).join('\\');
  const areaSpellings = new Map<string, Map<string, number>>();
  for (const c of out) for (const path of c.supportAreas) path.forEach((part, d) => add(areaSpellings, areaKey(path, d), part));
  const spelled = (m: Map<string, Map<string, number>>, k: string, fallback: string) => top(m.get(k))?.key ?? fallback;
  return out.map((c) => ({
    ...c,
    products: uniqueByKey(c.products.map((p) => spelled(productSpellings, nameKey(p), p))),
    supportAreas: uniquePaths(c.supportAreas.map((path) => path.map((part, d) => spelled(areaSpellings, areaKey(path, d), part)))),
  }));
}

function uniquePaths(paths: string[][]): string[][] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const k = p.map(nameKey).join('\\');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
