/**
 * Folder plan: the source's product/area folders, scaled to the wanted article count
 * and split into folders of about 50-300 articles (extra folders nest under the
 * original as generated sub-areas), plus each product's include files.
 */

import { Rng } from './rng';
import type { SourceFolder } from './source-model';
import type { TextGenerator } from './text-generator';

export const FOLDER_MIN = 50;
export const FOLDER_MAX = 300;

export interface PlannedFolder {
  /** Output-relative directory, "/" separated. */
  dir: string;
  count: number;
  /** Global index of the folder's first article (seeds each article's generator). */
  firstIndex: number;
}

export interface PlannedProduct {
  dir: string;
  folders: PlannedFolder[];
  /** Include file paths relative to the output root. */
  includes: string[];
}

/** Product = first three path segments (e.g. "snapshot/support/azure"). */
export function productOf(folder: string): string {
  return folder.split('/').slice(0, 3).join('/');
}

/** Largest-remainder apportionment: integer shares summing exactly to total. */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (w * total) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/** Splits n into chunk sizes within [FOLDER_MIN, FOLDER_MAX] where possible. */
function chunkSizes(n: number, rng: Rng): number[] {
  const sizes: number[] = [];
  let left = n;
  while (left > FOLDER_MAX) {
    let size = rng.int(FOLDER_MIN, FOLDER_MAX);
    if (left - size < FOLDER_MIN) size = left - FOLDER_MIN;
    sizes.push(size);
    left -= size;
  }
  if (left > 0) sizes.push(left);
  return sizes;
}

const INCLUDE_KINDS = ['disclaimer', 'note', 'support', 'prerequisites', 'important', 'contact', 'steps'];

export function planLayout(folders: readonly SourceFolder[], count: number, seed: number, g: TextGenerator): PlannedProduct[] {
  const sorted = [...folders].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const shares = apportion(sorted.map((f) => f.articles), count);
  const products = new Map<string, PlannedProduct>();
  let next = 0;
  sorted.forEach((folder, k) => {
    if (!shares[k]) return;
    const rng = new Rng(seed, 'folder', folder.path);
    const productDir = productOf(folder.path);
    let product = products.get(productDir);
    if (!product) products.set(productDir, (product = { dir: productDir, folders: [], includes: [] }));
    const used = new Set<string>();
    chunkSizes(shares[k], rng).forEach((size, c) => {
      let dir = folder.path;
      if (c > 0) {
        let name = g.slugWords(rng, rng.int(1, 2));
        while (used.has(name)) name += `-${c}`;
        used.add(name);
        dir = `${folder.path}/${name}`;
      }
      product!.folders.push({ dir, count: size, firstIndex: next });
      next += size;
    });
  });
  for (const product of products.values()) {
    const rng = new Rng(seed, 'includes', product.dir);
    const total = product.folders.reduce((a, f) => a + f.count, 0);
    const n = Math.max(1, Math.min(30, Math.round(total / 150)));
    const names = new Set<string>();
    while (names.size < n) names.add(`${g.slugWords(rng, rng.int(1, 2))}-${rng.pick(INCLUDE_KINDS)}.md`);
    product.includes = [...names].map((name) => `${product.dir}/includes/${name}`);
  }
  return [...products.values()];
}
