/**
 * Writes the error-lookup index (`_kb/lookup/`) and its browser module
 * (`_kb/lookup.js`) into a built site. Runs after Astro wrote the pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLookupIndex } from '../core/lookup/build-index';
import { manifestPath } from '../core/lookup/format';
import type { LookupArticleInput, LookupIndexFile } from '../core/lookup/types';
import { buildFixShards, fixShardCount, type FixLinks } from '../core/lookup/section-links';
import { lookupRecordOf, type LookupInput } from './lookup-input';
import { cacheLayout, LOOKUP_MODULE_FILE, lookupInputFile } from './cache-layout';
import { readCacheText, readCodeFile, remadeLine, writeCacheFile, writeCodeFile } from './cache-file';
import { articleNumbers, buildArticleIndex } from '../core/retrieval/build-article-index';
import { articleManifestPath } from '../core/retrieval/format';
import type { CompactTerms } from '../core/retrieval/article-terms';
import { readModel, readTerms } from './article-cache';
import type { ArticleEntry, ContentBuild } from './build-record';
import { runEsbuild } from './esbuild-cli';
import { createProgress } from './progress';
import { pagesDigest } from './output-cache';
import { faultPoint } from './fault-hooks';

export const LOOKUP_MODULE = '_kb/lookup.js';
export const LOOKUP_DIR = '_kb/lookup';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The browser entry, next to this file in the source tree (fallback: the project's cwd). */
export function lookupEntryFile(): string {
  const beside = path.resolve(here, '../browser/lookup/lookup-entry.ts');
  return fs.existsSync(beside) ? beside : path.resolve(process.cwd(), 'src/browser/lookup/lookup-entry.ts');
}

/**
 * The article's lookup input, from the file its parser wrote beside the model. Read synchronously:
 * nothing else waits on this thread then, and an async read costs four thread-pool trips per small
 * file (docs/decisions/2026-11-26-build-at-50000-articles.md).
 */
function readLookupInput(cacheDir: string, contentDir: string, entry: ArticleEntry, log: (line: string) => void): LookupInput | null {
  const file = path.join(cacheDir, lookupInputFile(entry.modelFile));
  try {
    return JSON.parse(readCacheText(file)) as LookupInput;
  } catch (e) {
    // Damaged on disk after its stamp was checked: made again from the model (itself made again if need be).
    const record = lookupRecordOf(readModel(entry, cacheDir, contentDir));
    if (record) writeCacheFile(file, record.json);
    log(`KB: ${remadeLine(entry.source, 'lookup input', e)}`);
    return record ? (JSON.parse(record.json) as LookupInput) : null;
  }
}

/**
 * The bundled `lookup-entry.ts`: one self-contained, minified ES module, the same for every site a
 * generator builds, so it is bundled once into the cache. Deterministic.
 */
function lookupModuleCode(cacheDir: string, generator: string): Buffer {
  const cached = cacheLayout(cacheDir).lookupModule(generator);
  // Reused only whole: a module damaged on disk is bundled again.
  const kept = readCodeFile(cached);
  if (kept) return kept;
  const entry = lookupEntryFile();
  const code = runEsbuild(
    [path.basename(entry), '--bundle', '--format=esm', '--platform=neutral', '--target=es2020', '--minify', '--legal-comments=none', '--charset=utf8', '--log-level=error'],
    path.dirname(entry),
  );
  fs.mkdirSync(cacheDir, { recursive: true });
  // An earlier generator's module is never used again.
  for (const name of fs.readdirSync(cacheDir)) if (LOOKUP_MODULE_FILE.test(name)) fs.rmSync(path.join(cacheDir, name), { force: true });
  writeCodeFile(cached, code);
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

/** The article index's display data of an entry; its number comes from these fields alone (copyGroups). */
function metaOf(e: ArticleEntry): CompactTerms['meta'] {
  return { source: e.source, url: e.url, title: e.title, summary: e.summary, date: e.date, products: e.products, areas: e.supportAreas.map((p) => p.join(' › ')), topic: e.topic };
}

/** Every article's number in the article index (copies share their stand-in's), from the entries alone. */
export function articleDocs(entries: ArticleEntry[]): Map<string, number> {
  return articleNumbers(entries.map(metaOf));
}

/** What the error lookup's files depend on: the generator, each indexed article's URL and lookup key, and its article number. */
export function lookupDigest(generator: string, build: ContentBuild, docs: Map<string, number>): string {
  return pagesDigest(generator, build.articles.filter((a) => a.errorMessages).map((a) => ({ url: a.url, contentKey: `${a.lookupKey}#${docs.get(a.url) ?? ''}` })));
}

/** What the article index depends on: the generator and every article's URL, content and place in the site's taxonomy (its display data). */
export function articleIndexDigest(generator: string, build: ContentBuild): string {
  return pagesDigest(generator, build.articles.map((a) => ({ url: a.url, contentKey: `${a.contentKey}#${JSON.stringify([a.products, a.supportAreas])}` })));
}

/** The article's terms (see readTerms), saying so in the log when the cached file had to be made again. */
function readArticleTerms(cacheDir: string, contentDir: string, entry: ArticleEntry, log: (line: string) => void): CompactTerms {
  const { terms, remade } = readTerms(entry, cacheDir, contentDir);
  if (remade) log(`KB: ${remade}`);
  return terms;
}

/** Writes index files below `outDir`, clearing `dirs` first (a file left over from a larger build would be stale). */
function writeFiles(files: LookupIndexFile[], outDir: string, clear: string[], label: string, log: (line: string) => void): { files: number; bytes: number } {
  for (const d of clear) fs.rmSync(path.join(outDir, d), { recursive: true, force: true });
  const dirs = new Set<string>();
  let bytes = 0;
  const writing = createProgress(`KB: ${label}: writing files`, files.length, log);
  for (const [i, f] of files.entries()) {
    writing.tick(i + 1);
    const to = path.join(outDir, f.path);
    const dir = path.dirname(to);
    if (!dirs.has(dir)) { fs.mkdirSync(dir, { recursive: true }); dirs.add(dir); }
    fs.writeFileSync(to, f.data);
    faultPoint('lookup-index');
    bytes += typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength;
  }
  writing.end();
  return { files: files.length, bytes };
}

/** Paths of the error lookup's files below the site root (the article index lives in its own `a/`). */
export const ERROR_LOOKUP_PATHS = [`${LOOKUP_DIR}/p`, `${LOOKUP_DIR}/d`, `${LOOKUP_DIR}/fix`, manifestPath(LOOKUP_DIR)];
export const ARTICLE_INDEX_PATH = `${LOOKUP_DIR}/a`;

/** Writes the error lookup's files (fingerprint index and fix links). `docs` joins them to the article index. */
export async function writeErrorLookup(build: ContentBuild, cacheDir: string, outDir: string, docs: Map<string, number>, log: (line: string) => void = () => {}): Promise<{ files: number; bytes: number; seconds: number }> {
  const t0 = performance.now();
  const inputs: LookupArticleInput[] = [];
  const links: Array<{ url: string; links: FixLinks }> = [];
  // Articles without error messages add nothing to the index and have no lookup input file.
  const withErrors = build.articles.filter((e) => e.errorMessages);
  const reading = createProgress('KB: error lookup: reading articles', withErrors.length, log);
  for (const [i, entry] of withErrors.entries()) {
    reading.tick(i + 1);
    const read = readLookupInput(cacheDir, build.root, entry, log);
    if (!read || !read.input.messages.length) continue;
    // The entry's URL is final (duplicate URLs are resolved after parsing); the model keeps the first guess.
    read.input.url = entry.url;
    read.input.doc = docs.get(entry.url);
    inputs.push(read.input);
    links.push({ url: read.input.url, links: read.links });
  }
  reading.end();
  log(`KB: error lookup: indexing ${inputs.reduce((n, a) => n + a.messages.length, 0)} messages of ${inputs.length} articles`);
  const files = [...buildLookupIndex(inputs, { base: LOOKUP_DIR }), ...buildFixShards(LOOKUP_DIR, links).files];
  const written = writeFiles(files, outDir, ERROR_LOOKUP_PATHS, 'error lookup', log);
  return { ...written, seconds: (performance.now() - t0) / 1000 };
}

/** Writes the article index, reading one terms file at a time as the index build takes them. */
export async function writeArticleIndex(build: ContentBuild, cacheDir: string, outDir: string, log: (line: string) => void = () => {}): Promise<{ files: number; bytes: number; seconds: number }> {
  const t0 = performance.now();
  const entries = build.articles;
  const reading = createProgress('KB: article index: reading articles', entries.length, log);
  function* termsFiles(): Generator<CompactTerms> {
    for (const [i, entry] of entries.entries()) {
      reading.tick(i + 1);
      // Display data and numbering come from the entry, so they agree with articleDocs().
      yield { ...readArticleTerms(cacheDir, build.root, entry, log), meta: metaOf(entry) };
    }
    reading.end();
    log(`KB: article index: indexing ${entries.length} articles`);
  }
  const index = buildArticleIndex(termsFiles(), { base: LOOKUP_DIR });
  const written = writeFiles(index.files, outDir, [ARTICLE_INDEX_PATH], 'article index', log);
  return { ...written, seconds: (performance.now() - t0) / 1000 };
}

/** Writes `lookup.js` into a site that holds both indexes, with their manifests built in. */
export function writeLookupModuleFor(siteDir: string, cacheDir: string, generator: string): number {
  const manifestJson = fs.readFileSync(path.join(siteDir, manifestPath(LOOKUP_DIR)), 'utf8');
  const articleManifestJson = fs.readFileSync(path.join(siteDir, articleManifestPath(LOOKUP_DIR)), 'utf8');
  const fixShards = fixShardCount((JSON.parse(manifestJson) as { articles: number }).articles);
  return writeLookupModule(path.join(siteDir, LOOKUP_MODULE), cacheDir, generator, fixShards, manifestJson, articleManifestJson);
}

/** The whole lookup output in one folder (tests and tools): both indexes, then the module. */
export async function writeLookupIndex(
  build: ContentBuild,
  cacheDir: string,
  outDir: string,
  generator: string,
  log: (line: string) => void = () => {},
): Promise<{ files: number; bytes: number; seconds: number }> {
  const t0 = performance.now();
  const errors = await writeErrorLookup(build, cacheDir, outDir, articleDocs(build.articles), log);
  const articles = await writeArticleIndex(build, cacheDir, outDir, log);
  const moduleBytes = writeLookupModuleFor(outDir, cacheDir, generator);
  return { files: errors.files + articles.files + 1, bytes: errors.bytes + articles.bytes + moduleBytes, seconds: (performance.now() - t0) / 1000 };
}
