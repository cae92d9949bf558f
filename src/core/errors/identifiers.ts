/**
 * Named table of error-identifier forms. Identifiers are strong tokens: they are
 * recognized before masking and are never masked. Each form yields a canonical
 * spelling so that `0X80070005`, `80070005` (in error context) and `-2147024891`
 * all become `0x80070005`.
 */
import { windowTexts } from './scan-windows';

export interface IdentifierForm {
  name: string;
  /** Global regex; `canon` receives the match. */
  re: RegExp;
  /** Cheap test that any match needs (a literal the form contains): text without it skips `re`. */
  hint?: RegExp;
  canon: (m: RegExpExecArray) => string | null;
}

const hex8 = (h: string): string => '0x' + h.toUpperCase();

/** Decimal renderings of 32-bit HRESULTs (`-2147024891`, `2147942405`) become hex. */
function numericCode(n: string): string {
  const v = Number(n);
  if (Number.isSafeInteger(v)) {
    if (v < 0 && v >= -0x80000000 && v <= -0x10000) return hex8((v >>> 0).toString(16).padStart(8, '0'));
    if (v >= 0x80000000 && v <= 0xffffffff) return hex8(v.toString(16));
  }
  return 'error ' + n.replace(/^0+(?=\d)/, '');
}

const HTTP_REASONS = 'Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Conflict|Gone|Request Timeout|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout';

export const IDENTIFIER_FORMS: readonly IdentifierForm[] = [
  { name: 'aadsts', hint: /AADSTS|AADB2C/i, re: /\b(AADSTS|AADB2C)(\d{4,7})\b/gi, canon: (m) => m[1].toUpperCase() + m[2] },
  { name: 'hresult', hint: /0x/i, re: /\b0x([0-9a-f]{8})\b/gi, canon: (m) => hex8(m[1]) },
  // Office/Teams/NTSTATUS codes written without 0x: caa70004, C0000005.
  { name: 'hresult-bare', re: /\b((?:caa|c00)[0-9a-f]{5})\b/gi, canon: (m) => (/\d/.test(m[1]) ? hex8(m[1]) : null) },
  // 8 hex digits starting with 8 or 0 right after an error word or in parentheses: "error 80070005", "(8004010F)",
  // and zero-padded status codes, "Status code 0000232a". (A leading digit class keeps the scan fast.)
  { name: 'hresult-context', re: /(?:(?<=\b(?:error|code|hr|hresult|status|result|failed)[\s:=#(]{1,3})|(?<=\())([80][0-9a-f]{7})\b/gi, canon: (m) => hex8(m[1]) },
  { name: 'sql-msg', hint: /Msg/, re: /\bMsg\s+(\d{1,6})\b/g, canon: (m) => 'Msg ' + m[1] },
  { name: 'sql-errorlog', hint: /Severity:/, re: /\bError:\s*(\d{1,6}),\s*Severity:/g, canon: (m) => 'Msg ' + m[1] },
  { name: 'event-id', hint: /Event/i, re: /\bEvent\s*ID\s*[:#]?\s*(\d{1,5})\b/gi, canon: (m) => 'Event ID ' + m[1] },
  { name: 'ndr', re: /(?:\b[245]\d\d[ -]|#)?(?<![\d.])([245]\.[0-7]\.\d{1,3})(?![\d.]*\d)/g, canon: (m) => m[1] },
  { name: 'http-substatus', re: /\b([45]\d\d)\.(\d{1,3})(?![\d.]*\d)/g, canon: (m) => 'HTTP ' + m[1] + '.' + m[2] },
  { name: 'http-status', re: new RegExp(String.raw`\bHTTP(?:/\d\.\d)?(?:\s+Error)?\s+([1-5]\d\d)\b|\b([45]\d\d)\s+(?:${HTTP_REASONS})\b`, 'gi'), canon: (m) => 'HTTP ' + (m[1] ?? m[2]) },
  { name: 'kb', hint: /KB/, re: /\bKB\s?(\d{6,7})\b/g, canon: (m) => 'KB' + m[1] },
  { name: 'ps-fqid', hint: /FullyQualifiedErrorId/, re: /\bFullyQualifiedErrorId\s*:\s*([A-Za-z][\w.]*)/g, canon: (m) => m[1] },
  // Win32/NTSTATUS/WinSock symbolic names and stop codes: ERROR_ACCESS_DENIED, INACCESSIBLE_BOOT_DEVICE.
  { name: 'symbol', re: /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, canon: (m) => (m[0].length >= 6 && /[A-Z]{2}/.test(m[0]) ? m[0] : null) },
  { name: 'wsa', hint: /WSAE/, re: /\bWSAE[A-Z]{3,}\b/g, canon: (m) => m[0] },
  // .NET/Java exception types (namespace dropped so System.X and X agree).
  { name: 'exception', hint: /Exception|Fault/, re: /\b(?:[A-Za-z_][\w]*\.)*([A-Z][A-Za-z0-9_]*(?:Exception|Fault))\b/g, canon: (m) => m[1] },
  // Numeric codes after an error word: "Error 1603", "exit code 1", "error code: -2147024891".
  { name: 'error-number', re: /\b(?:error|exit|return|status|result)(?:\s+(?:code|id|number|no\.?))?\s*[:=#]?\s*(-?\d{2,10})\b(?![.:/]\d)/gi, canon: (m) => numericCode(m[1]) },
  // CamelCase error names with at least three humps: PSSessionOpenedFailed, ResponseStatusNotOK.
  { name: 'camel', re: /\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*){2,}[A-Za-z0-9]*\b/g, canon: (m) => (m[0].length >= 10 ? m[0] : null) },
];

/** Whether `form` can match in `text` at all (its hint, when it has one, is present). */
export function mayMatch(form: IdentifierForm, text: string): boolean {
  return form.hint === undefined || form.hint.test(text);
}

/** One identifier found in a text: its form, canonical spelling and offsets. */
export interface IdentifierMatch {
  form: string;
  canon: string;
  start: number;
  end: number;
}


/** One match of one identifier form, with its offsets in the scanned text. */
export interface FormMatch {
  form: IdentifierForm;
  match: RegExpExecArray;
  start: number;
  end: number;
}

/**
 * The one loop that runs the identifier table over a text: form by form in table order, each over
 * the text's bounded windows, skipping empty matches. Linear in the input. Callers decide what a
 * match means (a canonical identifier, a span the normalizer keeps, an index term); a match whose
 * form's `canon` says null is still yielded. `windows` lets a caller that scans again share them.
 */
export function* formMatches(text: string, accept: (form: string) => boolean = () => true, windows?: ReturnType<typeof windowTexts>): Generator<FormMatch> {
  const forms = IDENTIFIER_FORMS.filter((f) => accept(f.name) && mayMatch(f, text));
  if (!forms.length) return;
  windows ??= windowTexts(text);
  for (const form of forms) {
    for (const { start: a, text: window } of windows) {
      if (!mayMatch(form, window)) continue;
      const re = form.re;
      re.lastIndex = 0;
      for (let m = re.exec(window); m; m = re.exec(window)) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        yield { form, match: m, start: a + m.index, end: a + m.index + m[0].length };
      }
    }
  }
}

/** Every identifier of every form in `text` (that `accept` takes), in text order (longer first at one start). */
export function scanIdentifiers(text: string, accept: (form: string) => boolean = () => true): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  for (const { form, match, start, end } of formMatches(text, accept)) {
    const canon = form.canon(match);
    if (canon) out.push({ form: form.name, canon, start, end });
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}
