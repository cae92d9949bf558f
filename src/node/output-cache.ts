import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

/** Whether `reuseOrBuild` would reuse the stored output `name` for this digest. */
export function isStored(cacheDir: string, name: string, inputDigest: string): boolean {
  const stamp = path.join(cacheDir, 'outputs', name, 'digest.txt');
  return fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputDigest;
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
  const store = path.join(cacheDir, 'outputs', name);
  const files = path.join(store, 'files');
  const stamp = path.join(store, 'digest.txt');
  const install = (outDir: string) => {
    for (const p of paths) copy(path.join(files, p), path.join(outDir, p));
  };
  if (isStored(cacheDir, name, inputDigest)) return { reused: true, result: null, install };
  // No stamp while building: a build that fails or is cut short is never taken for a finished one.
  fs.rmSync(store, { recursive: true, force: true });
  fs.mkdirSync(files, { recursive: true });
  const result = await build(files);
  if (reusable(result)) fs.writeFileSync(stamp, inputDigest);
  return { reused: false, result, install };
}

/**
 * Put a stored output into the site: hard links, not copies (thousands of small files; copying them
 * took seconds of a no-change rebuild). Nothing writes into these files afterwards: Astro's next
 * build unlinks them and a rebuilt output replaces the store's files, so the cache stays intact.
 * Falls back to copying where links cannot be made (another file system).
 */
function copy(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  linkTree(from, to);
}

function linkTree(from: string, to: string): void {
  if (!fs.statSync(from).isDirectory()) return linkFile(from, to);
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) linkTree(path.join(from, e.name), path.join(to, e.name));
    else linkFile(path.join(from, e.name), path.join(to, e.name));
  }
}

function linkFile(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** Digest of what an output depends on: every page's URL and content key, and the generator. */
export function pagesDigest(generator: string, pages: Array<{ url: string; contentKey: string }>): string {
  const hash = crypto.createHash('sha256').update(generator);
  for (const p of [...pages].sort((a, b) => (a.url < b.url ? -1 : 1))) hash.update(`\0${p.url}\0${p.contentKey}`);
  return hash.digest('hex');
}
