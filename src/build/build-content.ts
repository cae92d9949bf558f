import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticSink, collapseRepeats, type Diagnostic } from '../core/diagnostics';
import { ingestArticle } from '../core/ingest';
import { checkLinks } from '../core/link-check';
import { urlForSource } from '../core/slug';
import { parseToc, placeArticles, type TocNode } from '../core/toc';
import { resolveTaxonomy, type SiteFolders } from '../core/classify/resolve-taxonomy';
import { discover, inputKind, type DiscoveredFile } from './discover';
import { refusedAssetReason } from './asset-safety';
import { createFsIncludeResolver } from './include-resolver';
import { ingestInWorkers } from './ingest-pool';
import { storeParsedArticle } from './light-result';
import type { ArticleEntry, CacheIndex, ContentBuild, LightResult } from './build-record';
import { cacheIndexSchema, parseCacheJson, relatedCacheSchema } from './build-record';
import { cacheLayout, modelFileOf } from './cache-layout';
import { relatedArticles } from '../core/retrieval/related-articles';
import { readTerms } from './article-cache';
import { defaultWorkers } from '../config';
import { copyKeys } from '../core/retrieval/build-article-index';
import { compactStamps, openStampJournal, readStamps, type Stamp } from './stamp-journal';
import { recordTiming } from './timings';
import { generatorDigest } from './code-digest';
import { faultPoint } from './fault-hooks';
import { firstLine, readCacheText, removeCutWrites, writeCacheFile } from './cache-file';



const sha = (data: string | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/** Read, parse and normalize every file under the content root. Writes each article's model to the cache. */
export interface BuildContentOptions {
  /** Parser processes (the configuration's `workers`; default one per core, at most 8); below 2, or for fewer than 32 articles to parse, the main thread parses. */
  workers?: number;
  /** Called as articles are parsed: parsed so far, and how many need parsing (cache misses). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once every article has its URL, products and support areas, before related articles
   * (which read every article's terms) are added to the same object: what needs no more, the
   * search index, can start then.
   */
  onClassified?: (build: ContentBuild) => void;
}

export async function buildContent(root: string, cacheDir: string, opts: BuildContentOptions = {}): Promise<ContentBuild> {
  const layout = cacheLayout(cacheDir);
  const articleDir = layout.articles;
  fs.mkdirSync(articleDir, { recursive: true });
  removeCutWrites(articleDir);
  let phaseStart = performance.now();
  const phaseDone = (phase: string) => {
    const now = performance.now();
    recordTiming(phase, (now - phaseStart) / 1000, cacheDir);
    phaseStart = now;
  };
  const { files, refused } = discover(root);
  const diagnostics: Diagnostic[] = [];
  for (const r of refused) diagnostics.push({ file: r.source, severity: 'error', code: 'path-refused', reason: r.reason });

  const articleFiles = files.filter((f) => f.kind === 'article');
  const otherFiles: Record<string, number> = {};
  for (const f of files) if (f.kind !== 'article') otherFiles[f.kind] = (otherFiles[f.kind] ?? 0) + 1;
  phaseDone('discover');

  // Unchanged articles (same bytes, same includes, same generator) come from the light index
  // without reading or re-writing their models.
  const version = generatorDigest();
  const digestOf = memoDigest(root);
  const { index: previous, problem: indexProblem } = readIndex(cacheDir);
  const stamps = readStamps(cacheDir);
  const index: CacheIndex = { records: {} };
  const lights: LightResult[] = new Array(articleFiles.length);
  const misses: Array<{ index: number; source: string; key: string }> = [];
  const repaired: string[] = [];
  articleFiles.forEach((file, i) => {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(path.join(root, file.source));
    } catch (e) {
      lights[i] = {
        source: file.source,
        diagnostics: [{ file: file.source, severity: 'error', code: 'read-failed', reason: `The file could not be read: ${(e as Error).message}` }],
        includes: [],
        assets: [],
        links: [],
        page: null,
      };
      return;
    }
    const key = sha(`${version}\0${file.source}\0`) + sha(bytes);
    const cached = previous.records[file.source];
    if (cached && cached.key === key && Object.entries(cached.includeDigests).every(([p, d]) => digestOf(p) === d)) {
      // The index says the article is unchanged; its files must say so too (see stamp-journal.ts).
      const problem = cached.light.page ? outputsProblem(cacheDir, stamps.get(cached.light.page.modelFile), contentKeyOf(cached)) : null;
      if (!problem) {
        lights[i] = cached.light;
        index.records[file.source] = cached;
        return;
      }
      repaired.push(`${file.source}: ${problem}`);
    }
    misses.push({ index: i, source: file.source, key });
  });
  // A parse about to overwrite an article's files first removes the stamp that vouched for the old ones.
  const journal = openStampJournal(cacheDir);
  for (const m of misses) journal.withdraw(modelFileOf(m.source));

  const store = (m: (typeof misses)[number], light: LightResult) => {
    const includeDigests: Record<string, string> = {};
    for (const inc of light.includes) includeDigests[inc] = digestOf(inc);
    const record = { key: m.key, includeDigests, light };
    index.records[m.source] = record;
    lights[m.index] = light;
    if (light.page) {
      const stamp: Stamp = { contentKey: contentKeyOf(record), outputs: light.page.outputs };
      journal.record(light.page.modelFile, stamp);
      faultPoint('parse');
      stamps.set(light.page.modelFile, stamp);
    }
  };
  const workers = opts.workers ?? defaultWorkers();
  if (workers > 1 && misses.length >= 32) {
    let done = 0;
    await ingestInWorkers(root, cacheDir, misses.map((m) => m.source), workers, (i, light) => {
      store(misses[i], light);
      opts.onProgress?.(++done, misses.length);
    });
  } else {
    // A fresh resolver per build: it caches file reads, and includes may have changed since the last one.
    const resolver = createFsIncludeResolver(root);
    misses.forEach((m, i) => {
      store(m, storeParsedArticle(ingestArticle(m.source, fs.readFileSync(path.join(root, m.source)), resolver), cacheDir));
      opts.onProgress?.(i + 1, misses.length);
    });
  }
  writeIndex(cacheDir, index);
  journal.close();
  // The journal keeps the stamps of this build's articles only.
  const live = new Map<string, Stamp>();
  for (const r of Object.values(index.records)) {
    const m = r.light.page?.modelFile;
    const st = m ? stamps.get(m) : undefined;
    if (m && st) live.set(m, st);
  }
  compactStamps(cacheDir, live);
  phaseDone('parse');

  // Work on copies: duplicate-URL resolution changes URLs and adds diagnostics for this build only.
  const results = lights.map((l) => ({ ...l, diagnostics: [...l.diagnostics], page: l.page && { ...l.page, entry: { ...l.page.entry } } }));
  resolveDuplicateUrls(results);
  const tocs = readTocs(root, files, new Set(results.filter((r) => r.page).map((r) => r.source)), diagnostics);
  const { placement, groups: navGroups } = placeArticles(tocs.trees);

  const articles: ArticleEntry[] = [];
  const assets = new Set<string>();
  const links: Array<{ from: string; url: string; anchor: string | null; line?: number }> = [];
  const pageAnchors = new Map<string, Set<string>>();
  const assetVerdicts = new Map<string, string | null>();
  for (const r of results) {
    diagnostics.push(...collapseRepeats(r.diagnostics));
    if (!r.page) {
      if (!r.diagnostics.length) {
        diagnostics.push({ file: r.source, severity: 'error', code: 'not-published', reason: 'The file produced no page and no other diagnostic.' });
      }
      continue;
    }
    const { entry, anchors, modelFile } = r.page;
    for (const asset of r.assets) {
      if (!assetVerdicts.has(asset)) assetVerdicts.set(asset, refusedAssetReason(root, asset));
      const refusedWhy = assetVerdicts.get(asset);
      if (refusedWhy) diagnostics.push({ file: r.source, severity: 'warning', code: 'asset-refused', reason: refusedWhy });
      else assets.add(asset);
    }
    // A page moved by duplicate-URL resolution still answers its own `#anchor` links.
    const ownUrl = urlForSource(r.source);
    for (const l of r.links) links.push({ from: r.source, ...l, url: l.url === ownUrl ? entry.url : l.url });
    pageAnchors.set(entry.url, new Set(anchors));
    const contentKey = contentKeyOf(index.records[r.source]);
    articles.push({ ...entry, modelFile, contentKey, nav: placement.get(r.source) ?? null, related: [] });
  }
  diagnostics.push(...checkLinks(links, pageAnchors));
  classifyArticles(articles, tocs.folders);
  const build: ContentBuild = {
    root,
    inputs: articleFiles.length + refused.filter((r) => inputKind(r.source.split('/').pop()!) === 'article').length,
    articles,
    diagnostics,
    otherFiles,
    assets: [...assets].sort(),
    navGroups,
    cache: { hits: articleFiles.length - misses.length, misses: misses.length, repaired, indexProblem },
  };
  opts.onClassified?.(build);
  relateArticles(articles, cacheDir, root, repaired);
  phaseDone('manifest');
  return build;
}

/** The content key of a cache record: its source key and the digests of the includes it read. */
const contentKeyOf = (record: { key: string; includeDigests: Record<string, string> }): string =>
  sha(record.key + JSON.stringify(record.includeDigests)).slice(0, 32);

/** Why an article's cached files cannot be used for this content key, or null when they can. */
function outputsProblem(cacheDir: string, stamp: Stamp | undefined, contentKey: string): string | null {
  if (!stamp) return 'no stamp (a parse was cut short, or the journal lost it)';
  if (stamp.contentKey !== contentKey) return 'its files were made from other content';
  for (const [file, size] of Object.entries(stamp.outputs)) {
    let actual: number;
    try {
      actual = fs.statSync(path.join(cacheDir, file)).size;
    } catch {
      return `${file} is missing`;
    }
    if (actual !== size) return `${file} has ${actual} bytes, not the ${String(size)} written`;
  }
  return null;
}

/** The cache index of the last build; a damaged one is dropped (every article is then parsed again) and `problem` says why. */
function readIndex(cacheDir: string): { index: CacheIndex; problem: string | null } {
  const file = cacheLayout(cacheDir).index;
  if (!fs.existsSync(file)) return { index: { records: {} }, problem: null };
  try {
    return { index: parseCacheJson(cacheIndexSchema, readCacheText(file), path.basename(file)), problem: null };
  } catch (e) {
    return { index: { records: {} }, problem: firstLine(e) };
  }
}

function writeIndex(cacheDir: string, index: CacheIndex): void {
  writeCacheFile(cacheLayout(cacheDir).index, JSON.stringify(index));
}

/** Two sources that map to one URL: the first in path order keeps it, the others get `-2`, `-3`… and a warning. */
function resolveDuplicateUrls(results: LightResult[]): void {
  const taken = new Set<string>();
  const sorted = results.filter((r) => r.page).sort((a, b) => (a.source < b.source ? -1 : 1));
  for (const r of sorted) {
    const entry = r.page!.entry;
    if (!taken.has(entry.url)) {
      taken.add(entry.url);
      continue;
    }
    let n = 2;
    const base = entry.url.replace(/\/$/, '');
    while (taken.has(`${base}-${n}/`)) n++;
    const url = `${base}-${n}/`;
    r.diagnostics.push({
      file: r.source,
      severity: 'warning',
      code: 'duplicate-url',
      reason: `Another file already publishes at ${entry.url}; this one is published at ${url} instead.`,
    });
    entry.url = url;
    taken.add(url);
  }
}

function readTocs(root: string, files: DiscoveredFile[], articleSources: Set<string>, diagnostics: Diagnostic[]): { trees: TocNode[]; folders: SiteFolders } {
  const tocFiles = files.filter((f) => f.kind === 'toc').map((f) => f.source);
  const referenced = new Set<string>();
  const trees: TocNode[] = [];
  // Parse each toc; those referenced by another toc are nested there, the rest are roots.
  const parsed = new Map<string, TocNode[]>();
  const byLowerCase = new Map<string, string>();
  for (const s of [...articleSources].sort()) if (!byLowerCase.has(s.toLowerCase())) byLowerCase.set(s.toLowerCase(), s);
  for (const source of tocFiles) {
    const sink = new DiagnosticSink(source);
    const ctx = {
      sink,
      resolveArticle: (s: string) => (articleSources.has(s) ? s : (byLowerCase.get(s.toLowerCase()) ?? null)),
      readToc: (s: string) => {
        referenced.add(s);
        try {
          return fs.readFileSync(path.join(root, s), 'utf8');
        } catch {
          sink.warn('toc-missing-target', `toc references ${s}, which does not exist`);
          return null;
        }
      },
    };
    parsed.set(source, parseToc(source, fs.readFileSync(path.join(root, source), 'utf8'), ctx));
    diagnostics.push(...sink.items);
  }
  // Tocs that no other toc references are roots; their entries form the top of the navigation.
  for (const source of tocFiles) if (!referenced.has(source)) trees.push(...parsed.get(source)!);
  // Each toc's folder is one product's tree; a toc with a single top entry names its folder.
  const folders = { tocFolders: new Set<string>(), labels: new Map<string, string>() };
  for (const source of tocFiles) {
    const dir = path.posix.dirname(source) === '.' ? '' : path.posix.dirname(source);
    folders.tocFolders.add(dir);
    const top = parsed.get(source)!;
    if (top.length === 1 && top[0].name.trim()) folders.labels.set(dir, top[0].name.trim());
  }
  return { trees, folders };
}

/**
 * Gives every article its related articles, from the terms its parser wrote (a damaged terms file is
 * made again and listed in `repaired`). They depend on every article's terms, area and title, so
 * they are kept with a digest of those and computed again only when it changes.
 */
function relateArticles(articles: ArticleEntry[], cacheDir: string, contentDir: string, repaired: string[]): void {
  const keys = copyKeys(articles);
  const inputsKey = (a: ArticleEntry) => ({ url: a.url, area: (a.supportAreas[0] ?? []).join('\\'), copyKey: keys.get(a.source)! });
  const digest = sha(JSON.stringify([generatorDigest(), ...[...articles].sort((x, y) => (x.url < y.url ? -1 : 1)).map((a) => [a.contentKey, inputsKey(a)])]));
  const file = cacheLayout(cacheDir).related;
  let urls: Record<string, string[]> | null = null;
  try {
    const kept = parseCacheJson(relatedCacheSchema, readCacheText(file), file);
    if (kept.digest === digest) urls = kept.related;
  } catch {
    // None yet, or damaged: computed again below.
  }
  if (!urls) {
    const related = relatedArticles(articles.map((a) => {
      const { terms, remade } = readTerms(a, cacheDir, contentDir);
      if (remade) repaired.push(remade);
      return { ...inputsKey(a), terms };
    }));
    urls = Object.fromEntries(articles.map((a, i) => [a.url, related[i]]));
    writeCacheFile(file, JSON.stringify({ digest, related: urls }));
  }
  const titleOf = new Map(articles.map((a) => [a.url, a.title]));
  for (const a of articles) a.related = (urls[a.url] ?? []).filter((u) => titleOf.has(u)).map((url) => ({ url, title: titleOf.get(url)! }));
}

/** Gives every article the site's products and areas (resolve-taxonomy.ts), in place. */
function classifyArticles(articles: ArticleEntry[], folders: SiteFolders): void {
  const classified = resolveTaxonomy(
    articles.map((a) => ({ source: a.source, products: a.products, supportAreas: a.supportAreas, ...a.taxonomyHints, tocGroups: (a.nav?.trail ?? []).map((t) => t.name) })),
    folders,
  );
  articles.forEach((a, i) => {
    a.products = classified[i].products;
    a.supportAreas = classified[i].supportAreas;
  });
}

function memoDigest(root: string): (source: string) => string {
  const memo = new Map<string, string>();
  return (source) => {
    let d = memo.get(source);
    if (d === undefined) {
      try {
        d = sha(fs.readFileSync(path.join(root, source)));
      } catch {
        d = 'missing';
      }
      memo.set(source, d);
    }
    return d;
  };
}
