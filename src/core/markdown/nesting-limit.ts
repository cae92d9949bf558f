import type { DiagnosticSink } from '../diagnostics';

/**
 * Deepest list/quote nesting we hand to the Markdown parser. Real articles nest a handful of levels;
 * micromark's time grows steeply with container depth (1,000 indented levels take minutes) and
 * 10,000 levels overflow the stack. Deeper lines are flattened to this depth, line count unchanged.
 */
export const MAX_NESTING = 32;
/** Leading white space kept on a line: enough for MAX_NESTING levels of indented lists (4 columns each). */
const MAX_INDENT = MAX_NESTING * 4;

/** One container opener at the start of a line: `>`, a bullet, or an ordered-list number, with its spacing. */
const OPENER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Cap container depth of every line outside fenced code. Returns the text unchanged when nothing is too deep. */
export function limitNesting(body: string, sink: DiagnosticSink, lineOffset = 0): string {
  // Fast path: without a long run of openers or indentation no line can be too deep.
  if (!/(?:^|\n)[ \t>*+\-.)0-9]{64}/.test(body)) return body;
  const lines = body.split('\n');
  let fence: string | null = null;
  let first: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (f && (fence === null || f[1][0] === fence[0])) {
      fence = fence === null ? f[1] : null;
      continue;
    }
    if (fence !== null) continue;
    const capped = capLine(line);
    if (capped !== line) {
      lines[i] = capped;
      first ??= i;
    }
  }
  if (first === null) return body;
  sink.warn(
    'nesting-too-deep',
    `Lists or block quotes are nested more than ${MAX_NESTING} levels deep (first on this line); the deeper levels were flattened.`,
    first + 1 + lineOffset,
  );
  return lines.join('\n');
}

function capLine(line: string): string {
  let at = 0;
  let depth = 0;
  let indent = 0;
  for (;;) {
    const ws = /^[ \t]*/.exec(line.slice(at))![0];
    indent += ws.replace(/\t/g, '    ').length;
    at += ws.length;
    if (indent > MAX_INDENT) {
      // Drop the extra white space: the line stays at the deepest level we keep.
      const rest = line.slice(at);
      const keep = line.slice(0, at - ws.length) + ' '.repeat(Math.max(0, ws.length - (indent - MAX_INDENT)));
      return keep + rest;
    }
    const m = OPENER.exec(line.slice(at));
    if (!m) return line;
    if (++depth > MAX_NESTING) return line.slice(0, at) + line.slice(at).replace(new RegExp(`^(?:${OPENER.source.slice(1)})+`), '');
    at += m[0].length;
  }
}
