import path from 'node:path';
import type { IngestResult } from '../core/ingest';
import { anchorsOf } from '../core/link-check';
import type { Article } from '../core/model/article';
import type { LightResult, ModelEntry } from './build-record';
import { articleTermsFile, lookupInputFile, modelFileOf, searchDocumentFile } from './cache-layout';
import { lookupRecordOf } from './lookup-input';
import { searchDocument } from '../core/search/index-document';
import { compactTermsOf, encodeTerms } from '../core/retrieval/article-terms';
import { writeCacheFile } from './cache-file';

export type { LightResult };

/**
 * Write the article's model to its own file and keep only the light record. Parser threads call
 * this themselves, so a whole model never crosses to the main thread (structured cloning it cost
 * about as much as writing it).
 */
export function storeParsedArticle(result: IngestResult, cacheDir: string): LightResult {
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
