/**
 * Astro empties the output directory with a synchronous recursive delete on the main thread before
 * it bundles (1.2 s for the corpus's 19,000 files, far more at 50,000 articles). Renaming the old
 * directory aside is one system call; deleting it then runs on libuv's thread pool while Astro
 * works. The result is the same empty directory Astro would have made.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Moves `outDir` aside and starts deleting it in the background. Returns the deletion (never
 * rejects), or null when the directory was left alone: it does not exist, holds a `.git` (Astro
 * keeps that, so we let Astro empty it), or could not be renamed.
 */
export function detachOutDir(outDir: string): Promise<void> | null {
  if (!fs.existsSync(outDir) || fs.existsSync(path.join(outDir, '.git'))) return null;
  const base = outDir.replace(/[\\/]+$/, '');
  const aside = `${base}.kb-old-${process.pid}-${Date.now()}`;
  // What a build cut short left behind is deleted with it.
  const leftovers = fs.readdirSync(path.dirname(base)).filter((n) => n.startsWith(`${path.basename(base)}.kb-old-`)).map((n) => path.join(path.dirname(base), n));
  try {
    fs.renameSync(outDir, aside);
  } catch {
    return null;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const remove = (dir: string) => fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  return Promise.all([aside, ...leftovers].map(remove)).then(() => undefined);
}
