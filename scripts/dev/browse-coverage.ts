/**
 * Measures browsing on a built site: how many articles have a product and an area, name clashes
 * after folding, family and area counts, and how many articles the browse links reach from the
 * home page (a crawl of the built HTML).
 *   npx tsx scripts/dev/browse-coverage.ts --site dist --cache .kb-cache
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentBuild } from '../../src/build/build-record';
import { nameKey, productFamily } from '../../src/core/classify/product-names';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, cache: { type: 'string', default: '.kb-cache' } } });
const site = values.site!;
const build = JSON.parse(fs.readFileSync(path.join(values.cache!, 'manifest.json'), 'utf8')) as ContentBuild;
const n = build.articles.length;
const pct = (k: number) => `${k} of ${n} (${((100 * k) / n).toFixed(1)}%)`;
console.log(`articles with a product: ${pct(build.articles.filter((a) => a.products.length).length)}`);
console.log(`articles with a support area: ${pct(build.articles.filter((a) => a.supportAreas.length).length)}`);

const clashes = (names: Iterable<string>) => {
  const byKey = new Map<string, Set<string>>();
  for (const x of names) byKey.set(nameKey(x), (byKey.get(nameKey(x)) ?? new Set()).add(x));
  return [...byKey.values()].filter((s) => s.size > 1).map((s) => [...s]);
};
const products = new Set(build.articles.flatMap((a) => a.products));
const areaLevels = new Map<string, Set<string>>();
for (const a of build.articles) for (const p of a.supportAreas) p.forEach((part, d) => {
  const parent = p.slice(0, d).map(nameKey).join('\\');
  areaLevels.set(parent, (areaLevels.get(parent) ?? new Set()).add(part));
});
const areaClashes = [...areaLevels.values()].flatMap(clashes);
console.log(`products: ${products.size}, families: ${new Set([...products].map(productFamily)).size}, top-level areas: ${areaLevels.get('')?.size ?? 0}`);
console.log(`name pairs equal after folding: products ${clashes(products).length}, areas ${areaClashes.length}`, [...clashes(products), ...areaClashes].slice(0, 5));

// Crawl: the home page, then every /browse/ page it links to, transitively.
const fileOf = (url: string) => path.join(site, url.endsWith('/') ? `${url}index.html` : url);
const seen = new Set<string>(['/']);
const queue = ['/'];
const reached = new Set<string>();
const articleUrls = new Set(build.articles.map((a) => a.url));
const viaProduct = new Set<string>(), viaArea = new Set<string>();
while (queue.length) {
  const url = queue.pop()!;
  let html: string;
  try { html = fs.readFileSync(fileOf(url), 'utf8'); } catch { continue; }
  for (const m of html.matchAll(/href="(\/[^"#?]*)"/g)) {
    const href = decodeURI(m[1]);
    if (articleUrls.has(href)) {
      reached.add(href);
      if (url.startsWith('/browse/products/') || url.startsWith('/browse/families/')) viaProduct.add(href);
      if (url.startsWith('/browse/areas/')) viaArea.add(href);
    } else if ((href.startsWith('/browse/')) && !seen.has(href)) {
      seen.add(href);
      queue.push(href);
    }
  }
}
console.log(`browse pages crawled: ${seen.size}; articles reached from the home page: ${pct(reached.size)}; listed on a product page: ${pct(viaProduct.size)}; on an area page: ${pct(viaArea.size)}`);
