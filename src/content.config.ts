import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import config from 'virtual:kb/config';
import { kbLoader } from './loader/kb-loader';

/**
 * One entry: the content sync whose manifest the pages read (see kb-loader.ts). Articles are not
 * entries of their own: pages read them from the manifest in the cache.
 */
export const collections = {
  articles: defineCollection({
    loader: kbLoader(config),
    schema: z.object({
      /** Articles published by the sync. */
      articles: z.number(),
      /** Digest of the sync's manifest: changes when any published article (or a diagnostic) does. */
      digest: z.string(),
    }),
  }),
};
