import fs from 'node:fs';
import path from 'node:path';
import { readCacheText } from '../../src/build/cache-file';

/**
 * The bench's lookup queries: error messages the corpus itself documents, a fixed sample (same
 * seed, so two corpora built from one source are queried alike). Reads the build cache's manifest.
 */
export function sampleLookupQueries(cache: string, n: number): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8')) as { articles: Array<{ modelFile: string; errorMessages: number }> };
  const withErrors = manifest.articles.filter((a) => a.errorMessages > 0);
  const out: string[] = [];
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < n * 4 && out.length < n && withErrors.length; i++) {
    const a = withErrors[Math.floor(rand() * withErrors.length)];
    const model = JSON.parse(readCacheText(path.join(cache, a.modelFile))) as { errorMessages: Array<{ text: string; kind: string }> };
    const m = model.errorMessages.filter((e) => e.kind !== 'title' && e.text.length > 20);
    if (m.length) out.push(m[Math.floor(rand() * m.length)].text);
  }
  return out;
}
