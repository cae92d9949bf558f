import crypto from 'node:crypto';
import type { Article } from '../core/model/article';
import type { LookupArticleInput } from '../core/lookup/types';
import type { FixLinks } from '../core/lookup/section-links';

export interface LookupInput {
  input: LookupArticleInput;
  links: FixLinks;
}

/** All the lookup index takes from an article: its messages, what a result shows, where the fix is. */
export function lookupInputOf(a: Article): LookupInput {
  const cause = a.causes?.[0];
  const solution = a.solutions?.[0];
  return {
    input: { source: a.source, url: a.url, title: a.title, summary: a.summary, messages: a.errorMessages ?? [] },
    links: { cause: cause ? { anchor: cause.anchor, title: cause.title } : null, solution: solution ? { anchor: solution.anchor, title: solution.title } : null },
  };
}

/**
 * Changes only when what the lookup index takes from the article changes; empty for an article
 * without error messages. An edit elsewhere in the article leaves the index as it was.
 */
export function lookupKeyOf(a: Article): string {
  return lookupRecordOf(a)?.key ?? '';
}

/** The serialized lookup input (what the parser writes beside the model) and its key; null without messages. */
export function lookupRecordOf(a: Article): { json: string; key: string } | null {
  if (!a.errorMessages?.length) return null;
  const json = JSON.stringify(lookupInputOf(a));
  return { json, key: crypto.createHash('sha256').update(json).digest('hex').slice(0, 24) };
}
