/**
 * Every file and folder under the cache folder, named in one place. The build writes them; the
 * integration, the pages and the tools read them. Paths are absolute, except the per-article files,
 * which the build's records name relative to the cache folder (so a moved cache still works).
 */
import crypto from 'node:crypto';
import path from 'node:path';

export interface CacheLayout {
  /** The cache folder itself. */
  root: string;
  /** This build's record: every article's entry and the build's diagnostics (build-record.ts). */
  manifest: string;
  /** The toc groups of the record, for the pages' side navigation. */
  navGroups: string;
  /** Per source: its content key, include digests and light result, to skip unchanged articles. */
  index: string;
  /** Stamps of each article's cached files (stamp-journal.ts). */
  stampJournal: string;
  /** Related articles and the digest of what they were computed from. */
  related: string;
  /** The pages this build leaves alone, for the routes (render-plan.ts). */
  renderPlan: string;
  /** What the pages in dist/ were rendered from (render-plan.ts). */
  renderedPages: string;
  /** Phase timings, appended by each phase (timings.ts). */
  timings: string;
  /** Folder of the per-article files. */
  articles: string;
  /** A cache-relative file named in a record (a model, its terms…), as a path. */
  file(relative: string): string;
  /** A stored output (output-cache.ts: the Pagefind bundle, the lookup indexes): its folder, its files, and its stamp. */
  output(name: string): { dir: string; files: string; stamp: string };
  /** A bundled worker script, by its name and the digest of what it was built from. */
  workerBundle(name: string, key: string): string;
  /** The bundled lookup module of a generator. */
  lookupModule(generator: string): string;
}

export const LOOKUP_MODULE_FILE = /^lookup-module-.*\.js$/;

export function cacheLayout(root: string): CacheLayout {
  const at = (name: string) => path.join(root, name);
  return {
    root,
    manifest: at('manifest.json'),
    navGroups: at('nav-groups.json'),
    index: at('index.json'),
    stampJournal: at('stamps.jsonl'),
    related: at('related.json'),
    renderPlan: at('render-plan.json'),
    renderedPages: at('rendered-pages.json'),
    timings: at('timings.jsonl'),
    articles: at(ARTICLES_DIR),
    file: (relative) => path.join(root, relative),
    output: (name) => {
      const dir = path.join(root, 'outputs', name);
      return { dir, files: path.join(dir, 'files'), stamp: path.join(dir, 'stamp.json') };
    },
    workerBundle: (name, key) => at(`${name}-${key}.mjs`),
    lookupModule: (generator) => at(`lookup-module-${generator}.js`),
  };
}

const ARTICLES_DIR = 'articles';

/** The cache file of an article's model, relative to the cache folder: named by its source, so each article has one. */
export const modelFileOf = (source: string): string => `${ARTICLES_DIR}/${crypto.createHash('sha256').update(source).digest('hex').slice(0, 24)}.model.json`;

/**
 * Files the parser writes beside an article's model, so later phases never read the models
 * (docs/decisions/2026-11-26-build-at-50000-articles.md).
 */
const besideModel = (modelFile: string, ext: string): string => modelFile.replace(/\.model\.json$/, ext);
/** The article's lookup input (only for articles with error messages). */
export const lookupInputFile = (modelFile: string): string => besideModel(modelFile, '.lookup.json');
/** The article's terms for the article index (every article). */
export const articleTermsFile = (modelFile: string): string => besideModel(modelFile, '.terms.bin');
/** The HTML Pagefind indexes for the article. */
export const searchDocumentFile = (modelFile: string): string => besideModel(modelFile, '.search.html');
