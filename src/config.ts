import path from 'node:path';

/** Where the build reads articles from: `KB_CONTENT_DIR`, or the sample KB in `content/`. */
export function contentRoot(cwd: string = process.cwd()): string {
  return path.resolve(cwd, process.env.KB_CONTENT_DIR || 'content');
}

/** Per-article cache and build manifest. Outside `dist/` so it survives clean builds. */
export function cacheDir(cwd: string = process.cwd()): string {
  return path.resolve(cwd, process.env.KB_CACHE_DIR || '.kb-cache');
}

/** `KB_STRICT=1` turns a build that completed with error diagnostics into a failing one. */
export function strictMode(): boolean {
  return /^(1|true|yes)$/i.test(process.env.KB_STRICT ?? '');
}

/** Base URL of the repository that holds the content, for "edit/view source" links. */
export function sourceBaseUrl(): string | null {
  return process.env.KB_SOURCE_URL || null;
}

/**
 * `KB_FEEDBACK_URL`: where "Was this article helpful?" links to, with `{source}`, `{title}` and `{url}`
 * replaced by the article's (URL-encoded). Unset: no feedback link, and nothing is sent anywhere.
 */
export function feedbackUrlTemplate(): string | null {
  return process.env.KB_FEEDBACK_URL || null;
}

/** The feedback link for one article, or null when none is configured. */
export function feedbackUrl(article: { source: string; title: string; url: string }, template = feedbackUrlTemplate()): string | null {
  if (!template) return null;
  return template.replace(/\{(source|title|url)\}/g, (_, k: 'source' | 'title' | 'url') => encodeURIComponent(article[k]));
}
