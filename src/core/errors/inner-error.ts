/**
 * Wrapped errors. A tool often reports another component's error inside its own sentence: "The
 * SQL Server service failed to start due to the following error: <inner>", "Original exception:
 * <inner>", "… ---> <inner>". The inner error is usually the one an article documents, alone. The
 * markers are a named table, run by one scan, as the masks are.
 */
import type { ErrorSpan } from './split';

/** Phrases after which a message carries the error it wraps. Each ends where the inner error begins. */
export const WRAPPER_MARKERS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  // "due to the following error:", "failed with the following error:", "The following error occurred:"
  { name: 'following-error', pattern: /\bthe following (?:errors?|exceptions?)(?: (?:occurred|was encountered|were encountered|was returned|was reported))?[^.:\n]{0,40}:/gi },
  // .NET and MSAL: "Original exception:", "Inner exception:", "Original Error:"
  { name: 'original-error', pattern: /\b(?:original|inner) (?:exception|error)\s*:/gi },
  // .NET inner-exception arrow
  { name: 'inner-arrow', pattern: /--->/g },
  // Java and Python chains
  { name: 'caused-by', pattern: /\bcaused by\s*:/gi },
  // "The error was:", "The error is:", "Error details:", "Exception Details:"
  { name: 'error-was', pattern: /\b(?:the (?:error|exception) (?:was|is)|(?:error|exception) details)\s*:/gi },
  // "failed with error:", "failed with error 'X'", "returned an error:"
  { name: 'failed-with-error', pattern: /\b(?:failed|returned|completed) with (?:an? )?error\s*:/gi },
];

/** Most inner errors read from one error: a chain deeper than this repeats itself. */
const MAX_INNER = 3;
/** An inner error shorter than this many letters and digits is a code or a word, not a message. */
const MIN_INNER_CHARS = 12;

/**
 * The inner errors of one error span of `text`: from the end of each wrapper marker to the end of
 * the span, the innermost last. Linear in the span: each pattern runs once over it.
 */
export function innerErrorSpans(text: string, span: ErrorSpan): ErrorSpan[] {
  const body = text.slice(span.start, span.end);
  const latest = lastStartWithWords(body, MIN_INNER_CHARS);
  if (latest < 0) return [];
  const starts = new Set<number>();
  for (const { pattern } of WRAPPER_MARKERS) {
    for (const m of body.matchAll(pattern)) if (m.index + m[0].length <= latest) starts.add(m.index + m[0].length);
  }
  return [...starts].sort((a, b) => a - b).slice(-MAX_INNER).map((at) => {
    let from = at;
    while (from < body.length && /\s/.test(body[from])) from++;
    return { start: span.start + from, end: span.end };
  });
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The last offset from which `text` still holds `n` letters or digits; -1 when it holds fewer. */
function lastStartWithWords(text: string, n: number): number {
  let seen = 0;
  for (let i = text.length - 1; i >= 0; i--) if (LETTER_OR_DIGIT.test(text[i]) && ++seen >= n) return i;
  return -1;
}
