import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { kbLoader } from './loader/kb-loader';

const navLink = z.object({ name: z.string(), url: z.string().nullable() });

export const collections = {
  articles: defineCollection({
    loader: kbLoader(),
    schema: z.object({
      source: z.string(),
      url: z.string(),
      title: z.string(),
      description: z.string(),
      summary: z.string(),
      topic: z.string(),
      isTroubleshooting: z.boolean(),
      products: z.array(z.string()),
      supportAreas: z.array(z.array(z.string())),
      date: z.string().nullable(),
      kbNumber: z.string().nullable(),
      causes: z.number(),
      solutions: z.number(),
      errorMessages: z.number(),
      modelFile: z.string(),
      contentKey: z.string(),
      nav: z
        .object({
          trail: z.array(navLink),
          group: z.number(),
          index: z.number(),
        })
        .nullable(),
    }),
  }),
};
