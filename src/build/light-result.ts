import crypto from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics';
import type { IngestResult } from '../core/ingest';
import { anchorsOf } from '../core/link-check';
import type { Article } from '../core/model/article';
import type { ArticleEntry } from './build-content';
import { lookupRecordOf } from './lookup-input';
import { searchDocument } from '../core/search/index-document';
import { compactTermsOf, encodeTerms } from '../core/retrieval/article-terms';
import { writeCacheFile } from './cache-file';

/** The entry fields that come from the model; the build adds the content key and nav. */
export type ModelEntry = Omit<ArticleEntry, 'modelFile' | 'contentKey' | 'nav' | 'related'>;

/** What the build keeps of a parsed article: everything but its HTML, which lives in the model file. */
export interface LightResult {
  source: string;
  diagnostics: Diagnostic[];
  includes: string[];
  assets: string[];
  links: IngestResult['links'];
  page: { entry: ModelEntry; anchors: string[]; modelFile: string; outputs: Record<string, number> } | null;
}

/** The cache file of an article's model: named by its source, so each article has one. */
export const modelFileOf = (source: string): string => `articles/${crypto.createHash('sha256').update(source).digest('hex').slice(0, 24)}.model.json`;

/**
 * Write the article's model to its own file and keep only the light record. Parser threads call
 * this themselves, so a whole model never crosses to the main thread (structured cloning it cost
 * about as much as writing it).
 */
export function lightOf(result: IngestResult, cacheDir: string): LightResult {
  const light: LightResult = { source: result.source, diagnostics: result.diagnostics, includes: result.includes, assets: result.assets, links: result.links, page: null };
  const a = result.article;
  if (a) {
    const modelFile = modelFileOf(a.source);
    const outputs: Record<string, number> = {};
    // Verified files (cache-file.ts); besides, the build withdrew the article's stamp before this
    // parse and records it after, so files of an older parse are never taken for this one's.
    const write = (file: string, data: string | Uint8Array) => {
      outputs[file] = writeCacheFile(path.join(cacheDir, file), data);
    };
    write(modelFile, JSON.stringify(a));
    const lookup = lookupRecordOf(a);
    if (lookup) write(lookupInputFile(modelFile), lookup.json);
    write(articleTermsFile(modelFile), encodeTerms(compactTermsOf(a)));
    write(searchDocumentFile(modelFile), searchDocument(a));
    light.page = { entry: entryOf(a, lookup?.key ?? ''), anchors: [...anchorsOf(a)].sort(), modelFile, outputs };
  }
  return light;
}

/**
 * Files the parser writes beside an article's model, so later phases never read the models: at
 * 50,000 articles the lookup build had re-read 866 MB of them, Pagefind's feeder 974 MB (28 s).
 */
const besideModel = (modelFile: string, ext: string): string => modelFile.replace(/\.model\.json$/, ext);
/** The article's lookup input (only for articles with error messages). */
export const lookupInputFile = (modelFile: string): string => besideModel(modelFile, '.lookup.json');
/** The article's terms for the article index (every article). */
export const articleTermsFile = (modelFile: string): string => besideModel(modelFile, '.terms.bin');
/** The HTML Pagefind indexes for the article. */
export const searchDocumentFile = (modelFile: string): string => besideModel(modelFile, '.search.html');

function entryOf(a: Article, lookupKey: string): ModelEntry {
  return {
    source: a.source,
    url: a.url,
    title: a.title,
    description: a.description,
    summary: a.summary,
    topic: a.topic,
    isTroubleshooting: a.isTroubleshooting,
    products: a.products,
    supportAreas: a.supportAreas,
    taxonomyHints: a.taxonomyHints,
    date: a.date,
    kbNumber: a.kbNumber,
    causes: a.causes.length,
    solutions: a.solutions.length,
    errorMessages: a.errorMessages.length,
    lookupKey,
  };
}
