import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { IncludeResolver } from '../core/markdown/pipeline';
import { resolveFrom } from '../core/markdown/paths';

/**
 * Include/asset resolver over a folder. Containment is checked on real paths: a symlink inside the
 * root that points outside it is refused (`outside-root`), as is any `../` that climbs above the root.
 * Reads and existence checks are cached: the same includes are used by hundreds of articles.
 */
export function createFsIncludeResolver(root: string): IncludeResolver {
  let realRoot: string;
  try { realRoot = realpathSync(resolve(root)); } catch { realRoot = resolve(root); }
  const reads = new Map<string, ReturnType<IncludeResolver['read']>>();
  const exists = new Map<string, boolean>();

  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep);
  const toRootPath = (real: string) => relative(realRoot, real).split(sep).join('/');

  function readPath(rel: string): ReturnType<IncludeResolver['read']> {
    let real: string;
    try { real = realpathSync(join(realRoot, rel)); } catch { return { error: 'missing' }; }
    if (!inside(real)) return { error: 'outside-root' };
    try {
      if (!statSync(real).isFile()) return { error: 'not-a-file' };
      return { file: toRootPath(real), text: readFileSync(real, 'utf8') };
    } catch {
      return { error: 'missing' };
    }
  }

  return {
    read(ref, fromFile) {
      const rel = resolveFrom(fromFile, ref.replace(/[?#].*$/, ''));
      if (rel === null) return { error: 'outside-root' };
      if (rel === '') return { error: 'not-a-file' };
      let hit = reads.get(rel);
      if (!hit) reads.set(rel, (hit = readPath(rel)));
      return hit;
    },
    exists(path) {
      let hit = exists.get(path);
      if (hit === undefined) {
        try {
          const real = realpathSync(join(realRoot, path));
          hit = inside(real) && statSync(real).isFile();
        } catch {
          hit = false;
        }
        exists.set(path, hit);
      }
      return hit;
    },
  };
}
