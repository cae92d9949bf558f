/**
 * The domain synonym table: each row is a set of phrases a support engineer and an article use
 * for one thing (shorthand, spelling, symptom wording). A query that says one phrase of a row
 * also asks, at a lower weight, for the others. Applied to queries only, so the index stays as
 * the articles wrote it.
 */
import { pairTerm, wordTerms } from './analyzer';

/** One row per concept. Phrases are written plainly; they are analyzed as queries are. */
export const SYNONYM_TABLE: ReadonlyArray<{ name: string; phrases: readonly string[] }> = [
  { name: 'computer', phrases: ['pc', 'computer', 'workstation'] },
  { name: 'virtual machine', phrases: ['vm', 'virtual machine'] },
  { name: 'domain controller', phrases: ['dc', 'domain controller'] },
  { name: 'active directory', phrases: ['ad', 'active directory'] },
  { name: 'group policy', phrases: ['gpo', 'group policy'] },
  { name: 'remote desktop', phrases: ['rdp', 'remote desktop'] },
  { name: 'sign in', phrases: ['login', 'logon', 'log in', 'log on', 'sign in', 'signin'] },
  { name: 'credentials', phrases: ['password', 'credentials'] },
  { name: 'repeated prompt', phrases: ['keeps asking', 'keep asking', 'keeps prompting', 'repeatedly prompted', 'prompted repeatedly', 'prompts repeatedly', 'continuously prompted'] },
  { name: 'prompt', phrases: ['asks for', 'asking for', 'prompts for', 'prompted for'] },
  { name: 'gray', phrases: ['grey', 'gray', 'greyed', 'grayed'] },
  { name: 'not responding', phrases: ['hang', 'hangs', 'freeze', 'frozen', 'stops responding', 'not responding', 'unresponsive'] },
  { name: 'crash', phrases: ['crash', 'crashes', 'stops working', 'closes unexpectedly'] },
  { name: 'startup', phrases: ['boot', 'startup', 'fails to start'] },
  { name: 'non-delivery report', phrases: ['bounce', 'bounced', 'ndr', 'non-delivery report'] },
  { name: 'microsoft 365', phrases: ['m365', 'o365', 'microsoft 365', 'office 365'] },
  { name: 'visual studio', phrases: ['vs', 'visual studio'] },
  { name: 'kubernetes service', phrases: ['aks', 'azure kubernetes service'] },
  { name: 'windows installer', phrases: ['msi', 'windows installer'] },
  { name: 'external', phrases: ['outside', 'external'] },
  { name: 'certificate', phrases: ['cert', 'certs', 'certificate'] },
  { name: 'database', phrases: ['db', 'database'] },
  { name: 'application', phrases: ['app', 'application'] },
  { name: 'multifactor authentication', phrases: ['mfa', '2fa', 'multifactor authentication', 'multi-factor authentication'] },
  { name: 'single sign-on', phrases: ['sso', 'single sign-on'] },
  { name: 'blue screen', phrases: ['bsod', 'blue screen', 'stop error', 'bugcheck'] },
  { name: 'email', phrases: ['email', 'e-mail', 'mail'] },
  { name: 'disk space', phrases: ['disk full', 'out of space', 'low disk space'] },
  { name: 'slow', phrases: ['slow', 'sluggish', 'performance'] },
  // Product shorthand support engineers use for names articles spell out.
  { name: 'operations manager', phrases: ['scom', 'operations manager'] },
  { name: 'configuration manager', phrases: ['sccm', 'mecm', 'configmgr', 'configuration manager'] },
  { name: 'entra id', phrases: ['aad', 'azure ad', 'entra id', 'azure active directory'] },
  { name: 'exchange online', phrases: ['exo', 'exchange online'] },
  { name: 'sharepoint online', phrases: ['spo', 'sharepoint online'] },
  { name: 'virtual desktop', phrases: ['avd', 'wvd', 'azure virtual desktop', 'windows virtual desktop'] },
  { name: 'federation services', phrases: ['adfs', 'ad fs', 'federation services'] },
  { name: 'remote desktop services', phrases: ['rds', 'remote desktop services'] },
];

interface Phrase { terms: string[]; row: number }

let phrases: Phrase[] | null = null;
/** The table's phrases as term sequences, longest first, built once. */
function analyzedPhrases(): Phrase[] {
  phrases ??= SYNONYM_TABLE.flatMap((row, i) => row.phrases.map((p) => ({ terms: wordTerms(p).map((t) => t.term), row: i })))
    .filter((p) => p.terms.length > 0)
    .sort((a, b) => b.terms.length - a.terms.length);
  return phrases;
}

/** One concept of the table that the query names: its own terms, and the other phrases' terms. */
export interface SynonymGroup {
  /** The query's terms for the concept (the words of its phrase, and their pairs). */
  own: string[];
  /** Each other phrase of the row as terms the query lacks, words and pairs. */
  alternatives: string[][];
}

/** A phrase as the terms an article holds for it: its words, and the pairs of adjacent words. */
const phraseTerms = (p: Phrase): string[] => [...p.terms, ...p.terms.slice(1).map((t, k) => pairTerm(p.terms[k], t))];

/**
 * The concepts the query names, in table order. An alternative never holds a term the query has:
 * one of its words, or one of `queryTerms` (its pairs, where a phrase of three words holds a pair the
 * query says itself). A term belongs to one group only (the first), so two rows sharing a word never
 * count it twice.
 */
export function synonymGroups(queryWords: readonly string[], queryTerms: { has(term: string): boolean } = new Set<string>()): SynonymGroup[] {
  const have = new Set(queryWords);
  const found = new Map<number, Set<Phrase>>();
  const all = analyzedPhrases();
  for (let i = 0; i < queryWords.length; i++) {
    for (const p of all) {
      if (p.terms.every((t, k) => queryWords[i + k] === t)) {
        const set = found.get(p.row) ?? new Set();
        found.set(p.row, set.add(p));
      }
    }
  }
  const taken = new Set<string>();
  const groups: SynonymGroup[] = [];
  for (const row of [...found.keys()].sort((a, b) => a - b)) {
    const named = found.get(row)!;
    const own = [...new Set([...named].flatMap(phraseTerms))];
    const alternatives = all.filter((p) => p.row === row && !named.has(p))
      .map((p) => phraseTerms(p).filter((t) => !have.has(t) && !queryTerms.has(t) && !taken.has(t)))
      .filter((terms) => terms.length > 0);
    for (const terms of alternatives) for (const t of terms) taken.add(t);
    if (alternatives.length) groups.push({ own, alternatives });
  }
  return groups;
}

/** The terms (words and, for phrases, their pairs) that a query's synonym groups add, sorted. */
export function alternativeTerms(groups: readonly SynonymGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.alternatives.flat()))].sort();
}
