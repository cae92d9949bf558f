import type { Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Adds every file at or below `file` (names and bytes, in sorted order) to `hash`. Nothing there adds nothing. */
export function hashTree(hash: Hash, file: string): void {
  if (!fs.existsSync(file)) return;
  if (!fs.statSync(file).isDirectory()) {
    hash.update(path.basename(file));
    hash.update(fs.readFileSync(file));
    return;
  }
  for (const name of fs.readdirSync(file).sort()) hashTree(hash, path.join(file, name));
}
