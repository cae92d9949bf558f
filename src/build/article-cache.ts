/**
 * An article's cached model and terms, read back; a file that cannot be read as one is made again
 * from the article's source, with a line saying so: the cache never fails a build.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../core/model/article';
import { ingestArticle } from '../core/ingest';
import { compactTermsOf, decodeTerms, encodeTerms, type CompactTerms } from '../core/retrieval/article-terms';
import type { ArticleEntry } from './build-record';
import { articleTermsFile } from './cache-layout';
import { firstLine, readCacheFile, readCacheText, remadeLine, writeCacheFile } from './cache-file';
import { createFsIncludeResolver } from './include-resolver';
import { storeParsedArticle } from './light-result';

type Located = Pick<ArticleEntry, 'source' | 'modelFile'>;

/** The article's full model from `cacheDir`; a damaged one is parsed again from `contentDir`. */
export function readModel(entry: Located, cacheDir: string, contentDir: string): Article {
  const file = path.join(cacheDir, entry.modelFile);
  let problem: string;
  try {
    const model = JSON.parse(readCacheText(file)) as Article;
    if (typeof model?.title === 'string' && Array.isArray(model.sections) && model.source === entry.source) return model;
    problem = 'it holds another shape or another article';
  } catch (e) {
    problem = firstLine(e);
  }
  const again = ingestArticle(entry.source, fs.readFileSync(path.join(contentDir, entry.source)), createFsIncludeResolver(contentDir));
  if (!again.article) throw new Error(`${entry.source}: the cached model could not be read (${problem}), and the source no longer makes a page`);
  storeParsedArticle(again, cacheDir);
  console.warn(`KB: ${entry.source}: its cached model could not be read (${problem}); parsed again from the source.`);
  return again.article;
}

/**
 * An article's terms, from the file its parser wrote beside the model; a damaged file is made again
 * from the article (`remade` is the log line saying so), so neither the related articles nor the
 * article index loses an article to the cache.
 */
export function readTerms(entry: Located, cacheDir: string, contentDir: string): { terms: CompactTerms; remade: string | null } {
  const file = path.join(cacheDir, articleTermsFile(entry.modelFile));
  try {
    return { terms: decodeTerms(readCacheFile(file)), remade: null };
  } catch (e) {
    const terms = compactTermsOf(readModel(entry, cacheDir, contentDir));
    writeCacheFile(file, encodeTerms(terms));
    return { terms, remade: remadeLine(entry.source, 'terms', e) };
  }
}
