import crypto, { type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_SOURCES } from './source-folders';

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

const here = path.dirname(fileURLToPath(import.meta.url));

let generatorDigestMemo: string | null = null;
/** Digest of the generator's own code and locked dependencies, so a changed parser invalidates cached articles. */
export function generatorDigest(): string {
  if (generatorDigestMemo) return generatorDigestMemo;
  const hash = crypto.createHash('sha256');
  for (const dir of GENERATOR_SOURCES) hashTree(hash, path.resolve(here, '..', dir));
  // The parsers are dependencies (satteri is native): an upgrade can change what they read.
  hashTree(hash, path.resolve(here, '../../package-lock.json'));
  generatorDigestMemo = hash.digest('hex').slice(0, 16);
  return generatorDigestMemo;
}
