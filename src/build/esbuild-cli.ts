import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The folder of an installed package, found from this file's folder upwards. */
export function packageDir(name: string): string {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the package ${name} from ${here}`);
  }
}

/**
 * Runs the esbuild command line and returns what it wrote to stdout. A process that ends with the
 * call: esbuild's JavaScript API keeps a service process alive until Node exits (its synchronous
 * calls too, through a worker thread), and that process held its memory through the whole build.
 */
export function runEsbuild(args: string[], cwd: string): Buffer {
  const bin = path.join(packageDir('esbuild'), 'bin', 'esbuild');
  // `bin/esbuild` is the native binary once installed, or a Node script that finds it.
  const isScript = fs.readFileSync(bin).subarray(0, 2).toString() === '#!';
  return execFileSync(isScript ? process.execPath : bin, isScript ? [bin, ...args] : args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}
