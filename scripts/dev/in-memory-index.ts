// Dev-only: every index file of a built site's lookup folder read into memory once, as a fetcher
// for the lookup module, so a timing counts computation and no file reads.
import fs from 'node:fs';
import path from 'node:path';

export function inMemoryFetcher(kbDir: string): (file: string) => Promise<string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(kbDir, p), p.endsWith('.bin') ? new Uint8Array(fs.readFileSync(p)) : fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(kbDir, 'lookup'));
  return async (f) => files.get(f)!;
}
