/**
 * What the article index takes from one article: term counts per field, and the little a result
 * shows. The parser writes it beside the model, so the index build never reads whole models.
 */
import type { Article } from '../model/article';
import { analyze, wordPairs, wordTerms } from './analyzer';

/** Fields of an article, each weighted on its own in the ranking (BM25F). */
export const FIELDS = ['title', 'headings', 'problem', 'messages', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/** Term counts of one field, and its length in terms. */
export interface FieldTerms {
  counts: Record<string, number>;
  length: number;
}

export interface ArticleTerms {
  source: string;
  url: string;
  title: string;
  summary: string;
  date: string | null;
  products: string[];
  areas: string[];
  topic: string;
  fields: Record<Field, FieldTerms>;
}

/** The text of each field. Body holds every section, so a word in the problem counts there too. */
export function fieldTexts(a: Article): Record<Field, string> {
  return {
    title: a.title,
    headings: a.headings.map((h) => h.text).join('\n'),
    problem: [a.description, a.summary, a.problem?.text ?? ''].join('\n'),
    messages: a.errorMessages.map((m) => m.text).join('\n'),
    body: a.sections.map((s) => s.text).join('\n'),
  };
}

/** Terms of one field's text: words, identifiers and adjacent word pairs. */
export function fieldTerms(text: string): FieldTerms {
  const counts: Record<string, number> = Object.create(null);
  const words = wordTerms(text);
  let length = 0;
  for (const t of [...analyze(text, words), ...wordPairs(text, words)]) {
    counts[t.term] = (counts[t.term] ?? 0) + 1;
    if (!t.term.includes('_')) length++;
  }
  return { counts, length };
}

export function articleTermsOf(a: Article): ArticleTerms {
  const texts = fieldTexts(a);
  const fields = {} as Record<Field, FieldTerms>;
  for (const f of FIELDS) fields[f] = fieldTerms(texts[f]);
  return {
    source: a.source,
    url: a.url,
    title: a.title,
    summary: a.summary,
    date: a.date,
    products: a.products,
    areas: a.supportAreas.map((p) => p.join(' › ')),
    topic: a.topic,
    fields,
  };
}
