/**
 * The real query sets (`../shared/eval/`: pastes and typed queries people wrote, labelled with the
 * corpus articles that answer them) and the BM25 baseline over the raw Markdown of whole articles.
 */
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';

export interface RealQuery { id: string; text: string; expected: string[] }
export interface RealSet { name: string; queries: RealQuery[] }

/** Every `*.json` set in `dir`, in file-name order. Files hold `{ id, paste | query, expected }` items. */
export function loadRealSets(dir: string): RealSet[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const items = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Array<{ id: string; paste?: string; query?: string; expected?: string[] }>;
    return { name: f.replace(/\.json$/, ''), queries: items.map((x) => ({ id: x.id, text: x.paste ?? x.query ?? '', expected: x.expected ?? [] })) };
  });
}

/** A plain BM25 (MiniSearch, OR of all terms) over each article's raw Markdown file. */
export function bm25Baseline(contentDir: string, articles: Array<{ source: string; url: string }>): (text: string, limit: number) => string[] {
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  ms.addAll(articles.map((a, id) => ({ id, text: fs.readFileSync(path.join(contentDir, a.source), 'utf8') })));
  return (text, limit) => ms.search(text.slice(0, 64 * 1024), { combineWith: 'OR' }).slice(0, limit).map((r) => articles[r.id as number].url);
}
