/**
 * What an article's title says about the query's error. When the query names "error 1105", the article
 * titled "error 574" is about another error, though every other word fits, and the article about the
 * family of errors is a better answer. The article titled "HTTP Error 404.13" is about the query's
 * error, more than a reference article whose list quotes it in passing.
 */
import { IDENT_PREFIX } from './analyzer';
import { isIdentifier, type ArticleDisplay } from './format';
import { identifierTerms } from './identifier-terms';
import type { ArticleScore, QueryTerms } from './rank-articles';

/** A CamelCase name that says something failed (`ZonalAllocationFailed`, `SubnetIsFull`), not a feature's (`ApplicationPoolIdentity`). */
const FAILURE_NAME = /fail|error|exception|fault|denied|invalid|notfound|timeout|timedout|mismatch|exceeded|unavailable|conflict|full|missing|unsupported|notallowed|forbidden|unauthorized|limit|quota|expired|rejected|refused|blocked|corrupt/;

/** Whether an identifier term names an error: a code, a symbol, an exception type or a failure's name; a KB number names an update. */
const namesError = (term: string): boolean => !/^#kb\d+$/.test(term) && (/\d|_|^#wsae/.test(term) || FAILURE_NAME.test(term));

/** The number an identifier term is built on (`#error1603` → 1603, `#http404.13` → 404), if any. */
const codeOf = (term: string): string | null => /^#(?:error|msg|eventid|http|0x)?(\d\w*)/.exec(term)?.[1] ?? null;

/** Articles of a head, by what their titles say of the query's errors. */
export interface TitleErrors {
  /** Titles that name errors, none of which the query names. */
  other: Set<number>;
  /** Titles that name one of the errors the query names at full weight. */
  own: Set<number>;
}

/**
 * Reads the titles of `head` when the query names an error of its own (at full weight, not only on a
 * shell's error-record line or in markup). A title that writes one of the query's codes some other
 * way ("HTTP Error 403 or 404") is not about another error.
 */
export async function titleErrors(q: QueryTerms, head: readonly ArticleScore[], display: (doc: number) => Promise<ArticleDisplay>): Promise<TitleErrors> {
  const out: TitleErrors = { other: new Set(), own: new Set() };
  const named = [...q.terms.keys()].filter((t) => isIdentifier(t) && namesError(t));
  if (!named.some((t) => !q.weights.has(t))) return out;
  const codes = named.map(codeOf).filter((c): c is string => c !== null);
  await Promise.all(head.map(async (s) => {
    // A title that cannot be loaded now is no evidence; the fetch that shows the result reports it.
    const title = await display(s.doc).then((d) => d.title, () => null);
    if (title === null) return;
    const errors = identifierTerms(title).map((t) => IDENT_PREFIX + t.term).filter(namesError);
    if (!errors.length) return;
    if (errors.some((t) => q.terms.has(t) && !q.weights.has(t))) { out.own.add(s.doc); return; }
    const words = new Set(title.toLowerCase().split(/[^a-z0-9]+/).map((w) => w.replace(/^0x/, '')));
    if (!errors.some((t) => q.terms.has(t)) && !codes.some((c) => words.has(c))) out.other.add(s.doc);
  }));
  return out;
}
