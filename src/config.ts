/**
 * The site's configuration: the options of `kb()` in `astro.config.mjs`, each with its default and
 * the environment variable that overrides it. Parsed once, by the integration; pages and the
 * content loader get the parsed config from the `virtual:kb/config` module, the build's processes
 * and threads as arguments. This is the only module that reads `process.env`.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** The options of `kb()`. Every one is optional. */
export const KbOptionsSchema = z
  .object({
    /** Folder of Markdown articles and `toc.yml` files the site is built from, relative to the project. Default `content` (the sample knowledge base). */
    contentDir: z.string().min(1).default('content'),
    /** Folder of the per-article cache and the build's record, relative to the project. Outside `dist/`, so it survives clean builds. Default `.kb-cache`. */
    cacheDir: z.string().min(1).default('.kb-cache'),
    /** Parser processes. Default: one per core, at most 8. `0` parses on the main thread. */
    workers: z.number().int().min(0).max(64).optional(),
    /** Articles per Pagefind bundle: an edit re-indexes the bundle that holds the article. Default 1000. */
    pagefindBundleSize: z.number().int().positive().default(1000),
    /** Fail a build that completed with error diagnostics (after writing `dist/_kb/report.json`). Default false. */
    strict: z.boolean().default(false),
    /** Base URL of the repository that holds the content, for "view source" links (`<sourceUrl>/<source path>`). Default: no links. */
    sourceUrl: z.string().min(1).nullable().default(null),
    /**
     * Where "Was this article helpful?" links to, with `{source}`, `{title}` and `{url}` replaced by the
     * article's (URL-encoded). Default: no feedback link, and nothing is sent anywhere.
     */
    feedbackUrl: z.string().min(1).nullable().default(null),
  })
  .strict();

export type KbOptions = z.input<typeof KbOptionsSchema>;

/** The parsed configuration: folders absolute, every default filled in. */
export interface KbConfig {
  contentDir: string;
  cacheDir: string;
  workers: number;
  pagefindBundleSize: number;
  strict: boolean;
  sourceUrl: string | null;
  feedbackUrl: string | null;
}

const flag = (v: string) => /^(1|true|yes)$/i.test(v);
const whole = (name: string) => (v: string): number => {
  if (!/^\d+$/.test(v)) throw new Error(`${name} must be a whole number, not "${v}"`);
  return Number(v);
};

/** Environment variables that override an option (documented in the README). Empty values are ignored. */
export const ENVIRONMENT_OVERRIDES: ReadonlyArray<{ name: string; option: keyof KbOptions; read: (value: string) => unknown }> = [
  { name: 'KB_CONTENT_DIR', option: 'contentDir', read: (v) => v },
  { name: 'KB_CACHE_DIR', option: 'cacheDir', read: (v) => v },
  { name: 'KB_WORKERS', option: 'workers', read: whole('KB_WORKERS') },
  { name: 'KB_PAGEFIND_CHUNK', option: 'pagefindBundleSize', read: whole('KB_PAGEFIND_CHUNK') },
  { name: 'KB_STRICT', option: 'strict', read: flag },
  { name: 'KB_SOURCE_URL', option: 'sourceUrl', read: (v) => v },
  { name: 'KB_FEEDBACK_URL', option: 'feedbackUrl', read: (v) => v },
];

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The configuration from `kb()`'s options with the environment's overrides, checked by the schema.
 * Throws an error that names the bad option.
 */
export function resolveConfig(options: KbOptions = {}, env: Environment = process.env, cwd: string = process.cwd()): KbConfig {
  const merged: Record<string, unknown> = { ...options };
  for (const o of ENVIRONMENT_OVERRIDES) {
    const value = env[o.name];
    if (value) merged[o.option] = o.read(value);
  }
  const parsed = KbOptionsSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`);
    throw new Error(`kb(): invalid configuration: ${lines.join('; ')}`);
  }
  const c = parsed.data;
  return {
    contentDir: path.resolve(cwd, c.contentDir),
    cacheDir: path.resolve(cwd, c.cacheDir),
    workers: c.workers ?? defaultWorkers(),
    pagefindBundleSize: c.pagefindBundleSize,
    strict: c.strict,
    sourceUrl: c.sourceUrl,
    feedbackUrl: c.feedbackUrl,
  };
}

/** Parser processes when none are configured: one per core, at most 8. */
export const defaultWorkers = (): number => Math.min(8, os.availableParallelism());

/** Facts of the environment the build runs in, that are not options: a CI log, and the fault-injection tests' hook. */
export function environmentFacts(env: Environment = process.env): { ci: boolean; faultKillAt: string | null; faultKillAfter: number } {
  return { ci: Boolean(env.CI), faultKillAt: env.KB_FAULT_KILL_AT || null, faultKillAfter: Number(env.KB_FAULT_KILL_AFTER) || 1 };
}

/** The feedback link for one article, or null when none is configured. */
export function feedbackUrl(article: { source: string; title: string; url: string }, template: string | null): string | null {
  if (!template) return null;
  return template.replace(/\{(source|title|url)\}/g, (_, k: 'source' | 'title' | 'url') => encodeURIComponent(article[k]));
}
