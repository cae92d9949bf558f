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
