/**
 * sitemap.xml (an index of sitemaps of at most SITEMAP_SIZE URLs, the protocol's limit being
 * 50,000) and an Atom feed of the most recently updated articles.
 */
export const SITEMAP_SIZE = 40_000;
export const FEED_SIZE = 50;

export interface FeedArticle {
  url: string;
  title: string;
  summary: string;
  date: string | null;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
// Characters XML 1.0 cannot hold at all.
const xmlText = (s: string): string => xmlEscape(s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));

/** An absolute URL when the site's address is known, else the path as it is. */
export function absolute(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

export function sitemapChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SITEMAP_SIZE) out.push(items.slice(i, i + SITEMAP_SIZE));
  return out.length ? out : [[]];
}

export function sitemapIndex(chunks: number, site: URL | string | undefined): string {
  const rows = Array.from({ length: chunks }, (_, i) => `<sitemap><loc>${xmlText(absolute(`/sitemap-${i + 1}.xml`, site))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</sitemapindex>\n`;
}

export function sitemap(pages: ReadonlyArray<{ url: string; date: string | null }>, site: URL | string | undefined): string {
  const rows = pages.map((p) => `<url><loc>${xmlText(absolute(p.url, site))}</loc>${p.date ? `<lastmod>${p.date}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</urlset>\n`;
}

/** Atom feed of the newest `FEED_SIZE` dated articles, newest first. */
export function atomFeed(articles: readonly FeedArticle[], opts: { title: string; site: URL | string | undefined }): string {
  const dated = articles.filter((a) => a.date).sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : a.url < b.url ? -1 : 1)).slice(0, FEED_SIZE);
  const updated = dated[0]?.date ?? '1970-01-01';
  const entries = dated.map((a) => {
    const link = absolute(a.url, opts.site);
    return `<entry><title>${xmlText(a.title)}</title><link href="${xmlText(link)}"/><id>${xmlText(link)}</id><updated>${a.date}T00:00:00Z</updated><summary>${xmlText(a.summary)}</summary></entry>`;
  });
  const self = absolute('/feed.xml', opts.site);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>${xmlText(opts.title)}</title>\n<id>${xmlText(self)}</id>\n<link rel="self" href="${xmlText(self)}"/>\n<updated>${updated}T00:00:00Z</updated>\n${entries.join('\n')}\n</feed>\n`;
}
