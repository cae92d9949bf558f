/**
 * Writes the error-lookup index (`_kb/lookup/`) and its browser module
 * (`_kb/lookup.js`) into a built site. Runs after Astro wrote the pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLookupIndex } from '../core/lookup/build-index';
import { manifestPath } from '../core/lookup/format';
import type { LookupArticleInput } from '../core/lookup/types';
import { buildFixShards, type FixLinks } from '../lookup/section-links';
import type { LookupInput } from './lookup-input';
import { articleTermsFile, lookupInputFile } from './light-result';
import { buildArticleIndex } from '../core/retrieval/build-article-index';
import { decodeTerms, type CompactTerms } from '../core/retrieval/article-terms';
import type { ContentBuild } from './build-content';
import { runEsbuild } from './esbuild-cli';
import { createProgress } from './progress';
import { pagesDigest } from './output-cache';

export const LOOKUP_MODULE = '_kb/lookup.js';
export const LOOKUP_DIR = '_kb/lookup';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The browser entry, next to this file in the source tree (fallback: the project's cwd). */
export function lookupEntryFile(): string {
  const beside = path.resolve(here, '../lookup/lookup-entry.ts');
  return fs.existsSync(beside) ? beside : path.resolve(process.cwd(), 'src/lookup/lookup-entry.ts');
}

/**
 * The article's lookup input, from the file its parser wrote beside the model. Read synchronously:
 * nothing else waits on this thread then, and an async read (four thread-pool trips per small file)
 * took 10.9 s for 39,051 files at 50,000 articles.
 */
function readLookupInput(cacheDir: string, modelFile: string): LookupInput | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(cacheDir, lookupInputFile(modelFile)), 'utf8')) as LookupInput;
  } catch {
    return null; // A missing or broken cache file: that article is simply not indexed.
  }
}

/**
 * The bundled `lookup-entry.ts`: one self-contained, minified ES module, the same for every site a
 * generator builds, so it is bundled once into the cache. Deterministic.
 */
function lookupModuleCode(cacheDir: string, generator: string): Buffer {
  const cached = path.join(cacheDir, `lookup-module-${generator}.js`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const entry = lookupEntryFile();
  const code = runEsbuild(
    [path.basename(entry), '--bundle', '--format=esm', '--platform=neutral', '--target=es2020', '--minify', '--legal-comments=none', '--charset=utf8', '--log-level=error'],
    path.dirname(entry),
  );
  fs.mkdirSync(cacheDir, { recursive: true });
  // An earlier generator's module is never used again.
  for (const name of fs.readdirSync(cacheDir)) if (/^lookup-module-.*\.js$/.test(name)) fs.rmSync(path.join(cacheDir, name), { force: true });
  fs.writeFileSync(cached, code);
  return code;
}

/**
 * Bundle the lookup module into the cache now, if it is not there: the build calls this before
 * rendering, so the esbuild process does not run at the build's memory peak.
 */
export function prepareLookupModule(cacheDir: string, generator: string): void {
  lookupModuleCode(cacheDir, generator);
}

/** Writes `lookup.js`: this index's constants, then the bundled module that reads them. */
export function writeLookupModule(outFile: string, cacheDir: string, generator: string, fixShards: number, manifestJson: string, articleManifestJson: string): number {
  const code = Buffer.concat([Buffer.from(`const __KB_MANIFEST__=${manifestJson},__KB_ARTICLES__=${articleManifestJson},__KB_FIX_SHARDS__=${fixShards};\n`), lookupModuleCode(cacheDir, generator)]);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, code);
  return code.byteLength;
}

/** What the lookup output depends on: the generator and every article's URL and content (the article index covers them all). */
export function lookupDigest(generator: string, build: ContentBuild): string {
  return pagesDigest(generator, build.articles.map((a) => ({ url: a.url, contentKey: a.contentKey })));
}

/** The article's terms, from the file its parser wrote beside the model; null when it is missing or damaged. */
function readArticleTerms(cacheDir: string, modelFile: string): CompactTerms | null {
  try {
    return decodeTerms(fs.readFileSync(path.join(cacheDir, articleTermsFile(modelFile))));
  } catch {
    return null;
  }
}

interface LookupFilesResult {
  files: number;
  bytes: number;
  /** The manifests and fix-shard count that `lookup.js` is built with. */
  manifestJson: string;
  articleManifestJson: string;
  fixShards: number;
}

/** Writes `_kb/lookup/` (no module). `log` gets progress lines: at 50,000 articles this takes a minute. */
async function writeLookupFiles(entries: ContentBuild['articles'], cacheDir: string, outDir: string, log: (line: string) => void): Promise<LookupFilesResult> {
  const inputs: LookupArticleInput[] = [];
  const links: Array<{ url: string; links: FixLinks }> = [];
  // Articles without error messages add nothing to the index and have no lookup input file.
  const withErrors = entries.filter((e) => e.errorMessages);
  const reading = createProgress('KB: error lookup: reading articles', withErrors.length, log);
  for (const [i, entry] of withErrors.entries()) {
    reading.tick(i + 1);
    const read = readLookupInput(cacheDir, entry.modelFile);
    if (!read || !read.input.messages.length) continue;
    // The entry's URL is final (duplicate URLs are resolved after parsing); the model keeps the first guess.
    read.input.url = entry.url;
    inputs.push(read.input);
    links.push({ url: read.input.url, links: read.links });
  }
  reading.end();
  log(`KB: error lookup: indexing ${inputs.reduce((n, a) => n + a.messages.length, 0)} messages of ${inputs.length} articles`);
  const fix = buildFixShards(LOOKUP_DIR, links);
  // Read one terms file at a time as the index build takes them: it keeps only ids and counts.
  const readingTerms = createProgress('KB: article index: reading articles', entries.length, log);
  let indexed = 0;
  function* termsFiles(): Generator<CompactTerms> {
    for (const [i, entry] of entries.entries()) {
      readingTerms.tick(i + 1);
      const t = readArticleTerms(cacheDir, entry.modelFile);
      if (!t) { log(`KB: article index: no terms for ${entry.source}; it is left out of search (rebuild with an empty cache to restore it)`); continue; }
      t.meta.url = entry.url;
      indexed++;
      yield t;
    }
    readingTerms.end();
    log(`KB: article index: indexing ${indexed} articles`);
  }
  const articleIndex = buildArticleIndex(termsFiles(), { base: LOOKUP_DIR });
  for (const input of inputs) input.doc = articleIndex.docs.get(input.url);
  const indexFiles = [...buildLookupIndex(inputs, { base: LOOKUP_DIR }), ...fix.files, ...articleIndex.files];

  // Clear the previous index first: a shard left over from a larger build would be stale.
  fs.rmSync(path.join(outDir, LOOKUP_DIR), { recursive: true, force: true });
  const dirs = new Set<string>();
  let bytes = 0;
  const writing = createProgress('KB: error lookup: writing files', indexFiles.length, log);
  for (const [i, f] of indexFiles.entries()) {
    writing.tick(i + 1);
    const to = path.join(outDir, f.path);
    const dir = path.dirname(to);
    if (!dirs.has(dir)) { fs.mkdirSync(dir, { recursive: true }); dirs.add(dir); }
    fs.writeFileSync(to, f.data);
    bytes += typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength;
  }
  writing.end();
  const manifest = indexFiles.find((f) => f.path === manifestPath(LOOKUP_DIR))!;
  return { files: indexFiles.length, bytes, manifestJson: String(manifest.data), articleManifestJson: JSON.stringify(articleIndex.manifest), fixShards: fix.shards };
}

/** The whole lookup output: the index files, then the browser module with their manifest. */
export async function writeLookupIndex(
  build: ContentBuild,
  cacheDir: string,
  outDir: string,
  generator: string,
  log: (line: string) => void = () => {},
): Promise<{ files: number; bytes: number; seconds: number }> {
  const t0 = performance.now();
  const r = await writeLookupFiles(build.articles, cacheDir, outDir, log);
  const moduleBytes = writeLookupModule(path.join(outDir, LOOKUP_MODULE), cacheDir, generator, r.fixShards, r.manifestJson, r.articleManifestJson);
  return { files: r.files + 1, bytes: r.bytes + moduleBytes, seconds: (performance.now() - t0) / 1000 };
}
