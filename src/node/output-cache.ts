import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Reuse a whole generated output (the Pagefind bundle, the lookup index) when its inputs are the
 * same as last time. Astro empties dist/ on every build, so we keep a copy in the cache and copy it
 * back; a changed input rebuilds it. `paths` are relative to outDir.
 */
export async function reuseOrBuild<T>(
  cacheDir: string,
  name: string,
  inputDigest: string,
  outDir: string,
  paths: string[],
  build: () => Promise<T>,
): Promise<{ reused: boolean; result: T | null }> {
  const store = path.join(cacheDir, 'outputs', name);
  const stamp = path.join(store, 'digest.txt');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputDigest) {
    for (const p of paths) copy(path.join(store, 'files', p), path.join(outDir, p));
    return { reused: true, result: null };
  }
  const result = await build();
  fs.rmSync(store, { recursive: true, force: true });
  for (const p of paths) copy(path.join(outDir, p), path.join(store, 'files', p));
  fs.writeFileSync(stamp, inputDigest);
  return { reused: false, result };
}

function copy(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
}

/** Digest of what an output depends on: every page's URL and content key, and the generator. */
export function pagesDigest(generator: string, pages: Array<{ url: string; contentKey: string }>): string {
  const hash = crypto.createHash('sha256').update(generator);
  for (const p of [...pages].sort((a, b) => (a.url < b.url ? -1 : 1))) hash.update(`\0${p.url}\0${p.contentKey}`);
  return hash.digest('hex');
}
