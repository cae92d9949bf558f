import fs from 'node:fs';
import path from 'node:path';

/** What a file under the content root is, by its name. */
export type InputKind = 'article' | 'toc' | 'asset' | 'other';

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  '.md': 'article',
  '.mdx': 'article',
  '.markdown': 'article',
  '.yml': 'other',
  '.yaml': 'other',
  '.png': 'asset',
  '.jpg': 'asset',
  '.jpeg': 'asset',
  '.gif': 'asset',
  '.svg': 'asset',
  '.webp': 'asset',
};

/** Folders that are never content. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.github', '.vscode']);

export interface DiscoveredFile {
  /** Path below the content root, forward slashes. */
  source: string;
  kind: InputKind;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Entries refused while walking (symlinks that leave the root, unreadable folders). */
  refused: Array<{ source: string; reason: string }>;
}

export function inputKind(name: string): InputKind {
  if (/^toc\.ya?ml$/i.test(name)) return 'toc';
  return KIND_BY_EXTENSION[path.extname(name).toLowerCase()] ?? 'other';
}

/** Walk the content root in a stable order. Symlinks are followed only while they stay inside the root. */
export function discover(root: string): Discovery {
  const realRoot = fs.realpathSync(root);
  const files: DiscoveredFile[] = [];
  const refused: Discovery['refused'] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      refused.push({ source: rel || '.', reason: `folder could not be read: ${(e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const source = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = fs.realpathSync(abs);
        } catch {
          refused.push({ source, reason: 'symbolic link whose target does not exist' });
          continue;
        }
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
          refused.push({ source, reason: 'symbolic link that points outside the content root' });
          continue;
        }
        const st = fs.statSync(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
        if (isDir) {
          // Following a link to a folder we already walk could loop; refuse it plainly.
          refused.push({ source, reason: 'symbolic link to a folder (not followed)' });
          continue;
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs, source);
      } else if (isFile) {
        files.push({ source, kind: inputKind(entry.name) });
      }
    }
  };
  walk(realRoot, '');
  return { files, refused };
}
