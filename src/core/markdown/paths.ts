/** Pure POSIX path helpers for paths below the content root (no node:path: the core runs in browsers too). */

export function dirname(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

/**
 * Resolve `ref` (relative, or root-absolute with a leading `/`) against the folder of `fromFile`.
 * Returns the normalized path below the root, or null when it climbs above the root.
 */
export function resolveFrom(fromFile: string, ref: string): string | null {
  let decoded = ref.replace(/\\/g, '/');
  try { decoded = decodeURI(decoded); } catch { /* keep as written */ }
  const base = decoded.startsWith('/') ? [] : dirname(fromFile).split('/').filter(Boolean);
  const out = [...base];
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** Split `path#anchor?query` into its path and anchor (query dropped). */
export function splitAnchor(url: string): { path: string; anchor: string | null } {
  const hash = url.indexOf('#');
  const path = (hash < 0 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash < 0 ? null : url.slice(hash + 1) || null;
  return { path, anchor };
}
