// Loads the lookup module of a built site (`<site>/_kb/lookup.js`, the very bundle
// the browser uses) and feeds it index files from disk instead of HTTP.
// Plain ESM JavaScript so it runs on any Node >= 20 without a build step.
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MODULE_PATH = '_kb/lookup.js';

/** A file fetcher confined to the folder holding lookup.js; `.bin` shards come back as bytes. */
export function fileFetcher(kbDir) {
  const root = path.resolve(kbDir);
  return async (rel) => {
    const abs = path.resolve(root, rel);
    if (abs !== root && !abs.startsWith(root + path.sep)) throw new Error(`outside the site: ${rel}`);
    const buf = await fs.readFile(abs);
    return rel.endsWith('.bin') ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : buf.toString('utf8');
  };
}

/** Imports `<site>/_kb/lookup.js`. Throws an Error whose message says what is missing. */
export async function loadSiteModule(siteDir) {
  const file = path.resolve(siteDir, MODULE_PATH);
  if (!existsSync(file)) throw new Error(`No lookup module at ${file}. Build the site first (npm run build), or pass --site <folder>.`);
  const module = await import(pathToFileURL(file).href);
  if (typeof module.createLookupFromFetcher !== 'function') throw new Error(`${file} does not export createLookupFromFetcher; rebuild the site.`);
  return { module, kbDir: path.dirname(file) };
}

/** The lookup of the site built in `siteDir`: `{ lookup(text, opts), stats(), sectionLinks(url) }`. */
export async function openSiteLookup(siteDir) {
  const { module, kbDir } = await loadSiteModule(siteDir);
  return module.createLookupFromFetcher(fileFetcher(kbDir));
}
