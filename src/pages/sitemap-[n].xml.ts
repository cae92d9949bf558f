import type { APIRoute, GetStaticPaths } from 'astro';
import { allEntries } from '../site-data/browse';
import { sitemap, sitemapChunks } from '../core/feeds/site-feeds';

export const getStaticPaths: GetStaticPaths = async () => {
  // URL order, so a sitemap file changes only where its articles do.
  const entries = [...(await allEntries())].sort((a, b) => (a.url < b.url ? -1 : 1)).map(({ url, date }) => ({ url, date }));
  return sitemapChunks(entries).map((pages, i) => ({ params: { n: String(i + 1) }, props: { pages } }));
};

export const GET: APIRoute = ({ props, site }) => new Response(sitemap(props.pages as Array<{ url: string; date: string | null }>, site), { headers: { 'Content-Type': 'application/xml' } });
