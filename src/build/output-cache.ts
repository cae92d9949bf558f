import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { outputStampSchema, parseCacheJson } from './build-record';
import { cacheLayout } from './cache-layout';
import { replaceFile } from './cache-file';
import { sameStamp, stampsBelow, type FileStamp } from './file-stamps';

/**
 * Reuse a whole generated output (the Pagefind bundle, the lookup index) when its inputs are the
 * same as last time. Outputs are built into the cache, not into dist/: Astro empties dist/ after
 * `astro:build:start`, and building in the cache lets an output start before that and overlap the
 * page rendering. `install` then copies it into the site. `paths` are relative to the output root.
 */
export interface StoredOutput<T> {
  reused: boolean;
  result: T | null;
  /** Copy the output into the built site. */
  install: (outDir: string) => void;
}

/**
 * Whether `reuseOrBuild` would reuse the stored output `name` for this digest: its stamp names the
 * digest, and every file it lists is there with the size and modification time it was stored with
 * (a truncated, lost or rewritten file makes the output be built again).
 */
export function isStored(cacheDir: string, name: string, inputDigest: string): boolean {
  const stored = cacheLayout(cacheDir).output(name);
  const file = stored.stamp;
  let stamp: { digest: string; files: Record<string, FileStamp> };
  try {
    stamp = parseCacheJson(outputStampSchema, fs.readFileSync(file, 'utf8'), file);
  } catch {
    return false;
  }
  if (stamp.digest !== inputDigest) return false;
  const actual = stampsBelow(stored.files);
  const want = Object.entries(stamp.files);
  return want.length === Object.keys(actual).length && want.every(([f, s]) => sameStamp(actual[f], s));
}

export async function reuseOrBuild<T>(
  cacheDir: string,
  name: string,
  inputDigest: string,
  paths: string[],
  build: (stageDir: string) => Promise<T>,
  /** Whether a finished build may be reused later (a build that reported problems reports them again). */
  reusable: (result: T) => boolean = () => true,
): Promise<StoredOutput<T>> {
  const { dir: store, files, stamp } = cacheLayout(cacheDir).output(name);
  const install = (outDir: string) => {
    for (const p of paths) copy(path.join(files, p), path.join(outDir, p));
  };
  if (isStored(cacheDir, name, inputDigest)) return { reused: true, result: null, install };
  // No stamp while building: a build that fails or is cut short is never taken for a finished one.
  fs.rmSync(store, { recursive: true, force: true });
  fs.mkdirSync(files, { recursive: true });
  const result = await build(files);
  if (reusable(result)) {
    replaceFile(stamp, JSON.stringify({ digest: inputDigest, files: stampsBelow(files) }));
  }
  return { reused: false, result, install };
}

/**
 * Put a stored output into the site as copies (a copy-on-write clone where the file system has
 * them), never hard links: a deploy step or minifier that edits dist/ in place must not reach the
 * cache, and the next build must not carry its damage over. A file already in the site with the
 * stored file's size and modification time is left as it is (a copy is given the stored file's
 * time), so a rebuild copies only what changed; an edit in place changes the time and is undone.
 */
function copy(from: string, to: string): void {
  const st = fs.statSync(from, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isDirectory()) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    return syncFile(from, to, st);
  }
  copyDir(from, to);
}

/** `copy` for a folder; its files need no folder made for them, and no stat to tell them from folders. */
function copyDir(from: string, to: string): void {
  const dst = fs.statSync(to, { throwIfNoEntry: false });
  if (dst && !dst.isDirectory()) fs.rmSync(to, { force: true });
  if (!dst?.isDirectory()) fs.mkdirSync(to, { recursive: true });
  const entries = fs.readdirSync(from, { withFileTypes: true });
  const names = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    const a = path.join(from, e.name), b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else syncFile(a, b, fs.statSync(a));
  }
  if (dst) for (const name of fs.readdirSync(to)) if (!names.has(name)) fs.rmSync(path.join(to, name), { recursive: true, force: true });
}

function syncFile(from: string, to: string, src: fs.Stats): void {
  const dst = fs.statSync(to, { throwIfNoEntry: false });
  if (dst?.isFile() && dst.size === src.size && Math.abs(dst.mtimeMs - src.mtimeMs) < 1) return;
  if (dst?.isDirectory()) fs.rmSync(to, { recursive: true, force: true });
  fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
  fs.utimesSync(to, src.atimeMs / 1000, src.mtimeMs / 1000);
}

/** Digest of what an output depends on: every page's URL and content key, and the generator. */
export function pagesDigest(generator: string, pages: Array<{ url: string; contentKey: string }>): string {
  const hash = crypto.createHash('sha256').update(generator);
  for (const p of [...pages].sort((a, b) => (a.url < b.url ? -1 : 1))) hash.update(`\0${p.url}\0${p.contentKey}`);
  return hash.digest('hex');
}
