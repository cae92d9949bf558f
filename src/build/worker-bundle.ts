import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generatorDigest } from './code-digest';
import { packageDir, runEsbuild } from './esbuild-cli';
import { readCodeFile, writeCodeFile } from './cache-file';
import { cacheLayout } from './cache-layout';

/**
 * Bundle a worker entry into one ESM file in the cache. The generator runs its TypeScript through
 * Vite, which worker threads cannot use, so they get a self-contained bundle built by esbuild
 * (Vite's own). The file is named by the generator's digest (its code and locked dependencies),
 * the entry and the packages left out: a build with the same generator reuses it without running
 * esbuild (docs/decisions/2026-11-26-parser-processes.md).
 */
export function bundleWorker(entry: string, cacheDir: string, packages: string[] = []): string {
  const name = path.basename(entry).replace(/\.[cm]?[jt]s$/, '');
  const key = crypto.createHash('sha256').update(JSON.stringify([generatorDigest(), entry, packages])).digest('hex').slice(0, 12);
  const out = cacheLayout(cacheDir).workerBundle(name, key);
  // Reused only whole: a bundle damaged on disk is built again.
  if (readCodeFile(out)) return out;
  // Packages left out of the bundle and imported from where they are installed, by absolute path:
  // the bundle lives in the cache, where `node_modules` cannot be found, and these packages find
  // their native binaries next to their own files.
  const inPlace = packages.flatMap((pkg) => {
    const file = packageEntry(pkg);
    return [`--alias:${pkg}=${file}`, `--external:${file}`];
  });
  const code = runEsbuild(
    [
      entry,
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node22',
      '--log-level=error',
      // Some dependencies use require(); give the ESM bundle one.
      "--banner:js=import { createRequire as __kbRequire } from 'node:module'; const require = __kbRequire(import.meta.url);",
      ...inPlace,
    ],
    path.dirname(entry),
  );
  fs.mkdirSync(cacheDir, { recursive: true });
  writeCodeFile(out, code);
  return out;
}

/** The ESM entry file of an installed package. */
export function packageEntry(name: string): string {
  const dir = packageDir(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown>; module?: string; main?: string };
  const dot = pkg.exports?.['.'];
  const conditions = typeof dot === 'object' && dot ? (dot as Record<string, unknown>) : {};
  const entry = typeof dot === 'string' ? dot : (conditions.import ?? conditions.default ?? pkg.module ?? pkg.main ?? 'index.js');
  return path.join(dir, String(entry));
}
