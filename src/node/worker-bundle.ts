import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundle a worker entry into one ESM file in the cache. The generator runs its TypeScript through
 * Vite, which worker threads cannot use, so they get a self-contained bundle built by esbuild
 * (Vite's own). The file is named by its content, so a changed generator gets a fresh one.
 *
 * `buildSync` runs esbuild as a short-lived process: the async API keeps a service process alive
 * until Node exits, and it held about 100 MB through the whole build.
 */
export function bundleWorker(entry: string, cacheDir: string, packages: string[] = []): string {
  // Packages left out of the bundle and imported from where they are installed, by absolute path:
  // the bundle lives in the cache, where `node_modules` cannot be found, and these packages find
  // their native binaries next to their own files.
  const inPlace = Object.fromEntries(packages.map((name) => [name, packageEntry(name)]));
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    logLevel: 'silent',
    // Some dependencies use require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __kbRequire } from 'node:module'; const require = __kbRequire(import.meta.url);" },
    alias: inPlace,
    external: Object.values(inPlace),
  });
  const code = result.outputFiles[0].contents;
  const name = path.basename(entry).replace(/\.[cm]?[jt]s$/, '');
  const out = path.join(cacheDir, `${name}-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`);
  fs.mkdirSync(cacheDir, { recursive: true });
  if (!fs.existsSync(out)) fs.writeFileSync(out, code);
  return out;
}

/** The ESM entry file of an installed package, found from this file's folder upwards. */
function packageEntry(name: string): string {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    const manifest = path.join(pkgDir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown>; module?: string; main?: string };
      const dot = pkg.exports?.['.'];
      const entry = typeof dot === 'string' ? dot : ((dot as Record<string, unknown> | undefined)?.import ?? (dot as Record<string, unknown> | undefined)?.default ?? pkg.module ?? pkg.main ?? 'index.js');
      return path.join(pkgDir, String(entry));
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the package ${name} from ${here}`);
  }
}
