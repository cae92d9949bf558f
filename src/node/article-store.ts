import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../core/model/article';
import { cacheDir } from './config';

/** Full article model, read from the cache the loader wrote; pages load one at a time so memory stays flat. */
export function loadArticle(modelFile: string): Article {
  return JSON.parse(fs.readFileSync(path.join(cacheDir(), modelFile), 'utf8')) as Article;
}
