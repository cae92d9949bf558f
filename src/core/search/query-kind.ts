/**
 * Is the search input a few words, or a pasted error? The one search box sends
 * pasted errors to the fingerprint lookup as well as to full text; short word
 * queries go to full text only. Pure: runs in the browser and in tests.
 */
import { scanIdentifiers } from '../errors/identifiers';

export type QueryKind = 'empty' | 'words' | 'error';

export interface QueryAnalysis {
  kind: QueryKind;
  /** Names of the signals that made it an error (empty for words). */
  signals: string[];
  /** Canonical identifiers in order of appearance, de-duplicated. */
  identifiers: string[];
}

export interface ErrorSignal {
  name: string;
  /** Fires on the trimmed input. */
  test: (text: string, lines: string[], words: number) => boolean;
}

/** Identifier forms strong enough on their own to mark the input as an error. */
const STRONG_IDENTIFIER_FORMS = new Set(['aadsts', 'hresult', 'hresult-bare', 'hresult-context', 'sql-msg', 'sql-errorlog', 'ndr', 'http-substatus', 'symbol', 'wsa', 'ps-fqid', 'exception']);

/** Lines shaped like a stack frame or console/log output. */
const STACK_LINE = /^\s*(?:at\s+[\w$.<>`[\]]+[.(]|at\s+\S+\s+\(|File\s+"[^"]+",\s+line\s+\d+|Traceback\s+\(most recent call last\)|---\s*End of (?:inner exception )?stack trace|--->\s|Caused by:\s|Exception in thread\s)/i;
const CONSOLE_LINE = /^\s*(?:PS\s+[A-Z]:\\[^>]*>|[A-Z]:\\[^>\s]*>|\$\s|\+\s+(?:CategoryInfo|FullyQualifiedErrorId)\b|\+\s+~~~|\[?(?:ERROR|FATAL|WARN(?:ING)?|CRITICAL|EXCEPTION)\]?[:\s]|(?:Error|Exception|Fatal|Failure|Warning)\s*:\s|\[?\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}|Msg\s+\d+,\s+Level\s+\d+|Log Name:|Event ID:|Source:\s|Correlation ID:|Trace ID:|Timestamp:|Request Id:|Status code:|HRESULT\s*[:=])/i;
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** Wording of error messages: "Access is denied.", "The operation failed because…". */
const ERROR_WORDS = /\b(?:error|failed|failure|denied|exception|unable to|cannot|can't|could not|couldn't|not found|invalid|timed out|refused|unauthorized|forbidden|rejected|is not recognized)\b/i;

const LONG_CHARS = 120;
const LONG_WORDS = 16;

/** The signals, in the order they are reported. */
export const ERROR_SIGNALS: readonly ErrorSignal[] = [
  { name: 'multi-line', test: (_t, lines) => lines.length >= 2 },
  { name: 'identifier', test: (t) => strongIdentifiers(t).length > 0 },
  { name: 'stack-trace', test: (_t, lines) => lines.some((l) => STACK_LINE.test(l)) },
  { name: 'console-output', test: (_t, lines) => lines.some((l) => CONSOLE_LINE.test(l)) },
  { name: 'correlation-id', test: (t) => GUID.test(t) },
  { name: 'long-text', test: (t, _l, words) => t.length >= LONG_CHARS || words >= LONG_WORDS },
  // A whole sentence of error wording ("Login failed for user 'sa'.") rather than keywords.
  { name: 'error-sentence', test: (t, _l, words) => words >= 4 && ERROR_WORDS.test(t) && /[.'"”:]\s*$|'[^']+'|"[^"]+"/.test(t) },
];

/** Canonical identifiers of the strong forms, in order of appearance. */
function strongIdentifiers(text: string): string[] {
  return identifiersOf(text, (name) => STRONG_IDENTIFIER_FORMS.has(name));
}

/** Canonical identifiers (every form in the table, or those `keep` accepts), in order of appearance. */
export function identifiersOf(text: string, keep: (form: string) => boolean = () => true): string[] {
  return [...new Set(scanIdentifiers(text, keep).map((m) => m.canon))];
}

/** Classifies the search input. Never throws. */
export function analyzeQuery(input: string): QueryAnalysis {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) return { kind: 'empty', signals: [], identifiers: [] };
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const words = text.split(/\s+/).filter(Boolean).length;
  const signals = ERROR_SIGNALS.filter((s) => s.test(text, lines, words)).map((s) => s.name);
  return { kind: signals.length ? 'error' : 'words', signals, identifiers: identifiersOf(text) };
}
