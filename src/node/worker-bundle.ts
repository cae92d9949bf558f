import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Bundle a worker entry into one ESM file in the cache. The generator runs its TypeScript through
 * Vite, which worker threads cannot use, so they get a self-contained bundle built by esbuild
 * (Vite's own). The file is named by its content, so a changed generator gets a fresh one.
 */
export async function bundleWorker(entry: string, cacheDir: string, packages: string[] = []): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    logLevel: 'silent',
    // Some dependencies use require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __kbRequire } from 'node:module'; const require = __kbRequire(import.meta.url);" },
    plugins: packages.length ? [importInPlace(packages)] : [],
  });
  const code = result.outputFiles[0].contents;
  const name = path.basename(entry).replace(/\.[cm]?[jt]s$/, '');
  const out = path.join(cacheDir, `${name}-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`);
  fs.mkdirSync(cacheDir, { recursive: true });
  if (!fs.existsSync(out)) fs.writeFileSync(out, code);
  return out;
}

/**
 * Packages left out of the bundle and imported from where they are installed, by absolute path:
 * the bundle lives in the cache, where `node_modules` cannot be found.
 */
function importInPlace(packages: string[]): Plugin {
  const filter = new RegExp(`^(?:${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'import-in-place',
    setup(b) {
      b.onResolve({ filter }, async (args) => {
        if (args.pluginData === 'in-place') return undefined;
        const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'in-place' });
        if (found.errors.length) return { errors: found.errors };
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
}
