/**
 * The build's record of a content sync: every published article's entry (the light part of its
 * `Article`, with where its model is and how it was placed), the diagnostics, and the toc groups.
 * The loader writes it to the cache; the integration and the pages read it back through the
 * schema, so a damaged or older record is an error that says what is wrong, never a wrong page.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { articleSchema } from '../core/model/article';
import type { CacheLayout } from './cache-layout';

const linkSchema = z.object({ name: z.string(), url: z.string().nullable() });

/** Where an article stands in the navigation (core/toc.ts `NavPlacement`). */
export const navPlacementSchema = z.object({ trail: z.array(linkSchema), group: z.number().int(), index: z.number().int() });
export const navGroupSchema = z.array(linkSchema);

export const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  reason: z.string(),
});

/** The part of an entry its parser makes from the model; the build adds where the model is, its placement and related articles. */
export const modelEntrySchema = articleSchema
  .pick({ source: true, url: true, title: true, description: true, summary: true, topic: true, isTroubleshooting: true, products: true, supportAreas: true, taxonomyHints: true, date: true, kbNumber: true })
  .extend({
    causes: z.number().int(),
    solutions: z.number().int(),
    errorMessages: z.number().int(),
    /** Changes when what the lookup index takes from the article changes (see lookup-input.ts). */
    lookupKey: z.string(),
  });

/** The light per-article record pages and browse lists need; the full model stays in the cache file. */
export const articleEntrySchema = modelEntrySchema.extend({
  /** Related articles, best first (related-articles.ts); titles are kept so a page is rendered again when one changes. */
  related: z.array(z.object({ url: z.string(), title: z.string() })),
  /** Cache file holding the full `Article`, relative to the cache folder. */
  modelFile: z.string(),
  /** Changes whenever the article's model may change (its bytes, includes, or the generator). */
  contentKey: z.string(),
  nav: navPlacementSchema.nullable(),
});

export const contentBuildSchema = z.object({
  root: z.string(),
  /** Every Markdown input file found: read, or refused (a symlink leaving the root) with a diagnostic. */
  inputs: z.number().int(),
  articles: z.array(articleEntrySchema),
  diagnostics: z.array(diagnosticSchema),
  /** Non-article files, counted by kind (tocs, assets, other). */
  otherFiles: z.record(z.string(), z.number()),
  /** Assets referenced by published articles, below the content root. */
  assets: z.array(z.string()),
  /** Toc groups, each stored once; an article's `nav.group` indexes this list. */
  navGroups: z.array(navGroupSchema),
  /**
   * `repaired`: articles the index called unchanged whose cached files did not match it, parsed again (why, per
   * article). `indexProblem`: why the cache index itself could not be read, when it could not (every article was then parsed).
   */
  cache: z.object({ hits: z.number().int(), misses: z.number().int(), repaired: z.array(z.string()), indexProblem: z.string().nullable() }),
});

/** What the build keeps of a parsed article: everything but its HTML, which lives in the model file. */
export const lightResultSchema = z.object({
  source: z.string(),
  diagnostics: z.array(diagnosticSchema),
  includes: z.array(z.string()),
  assets: z.array(z.string()),
  links: z.array(z.object({ url: z.string(), anchor: z.string().nullable(), line: z.number().int().optional() })),
  page: z.object({ entry: modelEntrySchema, anchors: z.array(z.string()), modelFile: z.string(), outputs: z.record(z.string(), z.number()) }).nullable(),
});

/** The cache index: per source, the key it was parsed under, the digests of its includes, and its light result. */
export const cacheIndexSchema = z.object({
  records: z.record(z.string(), z.object({ key: z.string(), includeDigests: z.record(z.string(), z.string()), light: lightResultSchema })),
});

/** Related articles (URL → related URLs), with the digest of what they were computed from. */
export const relatedCacheSchema = z.object({ digest: z.string(), related: z.record(z.string(), z.array(z.string())) });

const fileStampSchema = z.tuple([z.number(), z.number()]);

/** What the pages in dist/ were rendered from (render-plan.ts). */
export const renderRecordSchema = z.object({
  outDir: z.string(),
  site: z.string(),
  /** URL → [page key, the written file's size and mtime]: a file changed since is rendered again. */
  pages: z.record(z.string(), z.tuple([z.string(), z.number(), z.number()])),
  /** The browse pages: the key of the whole set, and each file (relative to dist/) with its stamp. */
  browse: z.object({ key: z.string(), files: z.record(z.string(), fileStampSchema) }).optional(),
});

/** What the render plan tells the routes: the article URLs they leave alone, and whether the browse pages are kept. */
export const planForRoutesSchema = z.object({ pages: z.array(z.string()), browse: z.boolean() });

/** A stored output's stamp (output-cache.ts): the digest of its inputs and each file's size and mtime. */
export const outputStampSchema = z.object({ digest: z.string(), files: z.record(z.string(), fileStampSchema) });

export type LightResult = z.infer<typeof lightResultSchema>;
export type RenderRecord = z.infer<typeof renderRecordSchema>;
export type PlanForRoutes = z.infer<typeof planForRoutesSchema>;
export type CacheIndex = z.infer<typeof cacheIndexSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type ArticleEntry = z.infer<typeof articleEntrySchema>;
export type ContentBuild = z.infer<typeof contentBuildSchema>;

/** Writes the record and its toc groups (the side navigation reads those alone); returns the record's text. */
export function writeBuildRecord(layout: CacheLayout, build: ContentBuild): string {
  const text = JSON.stringify(build);
  fs.writeFileSync(layout.manifest, text);
  fs.writeFileSync(layout.navGroups, JSON.stringify(build.navGroups));
  return text;
}

/**
 * A cache file's JSON, checked by a schema; throws an error naming the file and the first problem.
 * The value returned is the file's own object once it passed, not zod's copy: key order, and with
 * it every digest and every byte written from it, stays as the build wrote it.
 */
export function parseCacheJson<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  const data: unknown = JSON.parse(text);
  const checked = schema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${file}: not a cache file of this version (${issue.path.join('.') || '(root)'}: ${issue.message})`);
  }
  return data as z.infer<S>;
}

export function parseBuildRecord(text: string, file: string): ContentBuild {
  return parseCacheJson(contentBuildSchema, text, file);
}

export function readBuildRecord(layout: CacheLayout): ContentBuild {
  return parseBuildRecord(fs.readFileSync(layout.manifest, 'utf8'), layout.manifest);
}
