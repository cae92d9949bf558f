import type { APIRoute } from 'astro';
import { allEntries } from '../site-data/browse';
import { sitemapChunks, sitemapIndex } from '../core/feeds/site-feeds';

export const GET: APIRoute = async ({ site }) => {
  const chunks = sitemapChunks(await allEntries());
  return new Response(sitemapIndex(chunks.length, site), { headers: { 'Content-Type': 'application/xml' } });
};
