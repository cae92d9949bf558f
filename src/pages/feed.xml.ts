import type { APIRoute } from 'astro';
import { allEntries } from '../site-data/browse';
import { atomFeed } from '../core/feeds/site-feeds';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await allEntries(), { title: 'Troubleshooting KB: recently updated articles', site }), { headers: { 'Content-Type': 'application/atom+xml' } });
