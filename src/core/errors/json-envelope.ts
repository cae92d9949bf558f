/**
 * JSON envelopes in pasted errors (`{"error":"…","error_description":"…","trace_id":"…"}`): only the
 * values of error-ish keys are error text; keys, ids and timestamps are the envelope's.
 */

/** Keys whose values are the error's own text. */
export const JSON_ERROR_KEYS = /^(?:error|message|error_description|errorMessage|error_message|errorDescription|code|errorCode|error_code|detail|details|reason|description|ExceptionMessage|title)$/i;

/** Parses a JSON-looking object starting at `s[i] === '{'`; returns the end and the value spans of error-ish keys. */
export function scanJsonEnvelope(s: string, i: number): { end: number; values: Array<[number, number]> } | null {
  let depth = 0;
  const values: Array<[number, number]> = [];
  let lastKey: string | null = null;
  let expectValue = false;
  let j = i;
  while (j < s.length) {
    const c = s[j];
    if (c === '"') {
      let k = j + 1;
      while (k < s.length && s[k] !== '"') { if (s[k] === '\\') k++; k++; }
      if (k >= s.length) return null;
      if (expectValue) { if (lastKey && JSON_ERROR_KEYS.test(lastKey)) values.push([j + 1, k]); expectValue = false; lastKey = null; }
      else lastKey = s.slice(j + 1, k);
      j = k + 1;
      continue;
    }
    if (c === ':') expectValue = true;
    else if (c === ',' ) { expectValue = false; lastKey = null; }
    else if (c === '{' || c === '[') { depth++; if (c === '{') { expectValue = false; lastKey = null; } }
    else if (c === '}' || c === ']') { depth--; if (depth === 0) return values.length ? { end: j + 1, values } : null; }
    else if (expectValue && /[-\d]/.test(c)) {
      let k = j; while (k < s.length && /[-\d.]/.test(s[k])) k++;
      if (lastKey && JSON_ERROR_KEYS.test(lastKey)) values.push([j, k]);
      j = k; continue;
    }
    j++;
  }
  return null;
}

/** The parts of `s[start, end)` between literal escape sequences (`\r\n`, `\n`, `\t`), empty ones left out. */
export function splitAtEscapes(s: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\\[rnt]/g;
  re.lastIndex = start;
  let from = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) && m.index < end) {
    if (m.index > from) out.push([from, m.index]);
    from = m.index + 2;
  }
  if (end > from) out.push([from, end]);
  return out;
}
