/**
 * Named table of variable-value patterns (Sentry-style parameterization). Earlier
 * entries win over later ones when matches overlap. A masked value is replaced by
 * the typed placeholder `<type>` in the normal text; placeholders that articles
 * write themselves (`<ServerName>`, `{GUID}`, `[UserName]`, `%1`, `YourServer`)
 * are recognized by the same table, so article and paste agree.
 */
import { windowTexts } from './scan-windows';

export interface MaskPattern {
  type: string;
  re: RegExp;
  /** Capture group holding the variable part (default: whole match). */
  group?: number;
  /** Optional veto on a match. */
  accept?: (m: RegExpExecArray) => boolean;
  /** A substring every match contains; the pattern is skipped when the text lacks it (speed). */
  hint?: string;
  /**
   * A cheap test that every text holding a match passes, run once over the whole text; the pattern
   * is skipped when it fails (speed: most text holds no GUID, address or long hex run).
   */
  gate?: (text: string) => boolean;
}

/** Every type that `<type>` can spell; used to read our own output back (idempotence). */
export const MASK_TYPES = [
  'placeholder', 'url', 'email', 'unc-path', 'windows-path', 'unix-path', 'guid', 'timestamp', 'date', 'time',
  'ipv6', 'ipv4', 'host', 'hex', 'number', 'quoted',
] as const;
export type MaskType = (typeof MASK_TYPES)[number];

const TLDS = 'com|net|org|edu|gov|mil|int|io|local|lan|corp|internal|intranet|home|test|example|invalid|localdomain|cloud|app|dev|info|biz|us|uk|de|fr|jp|cn|in|au|ca|nl|ru|br|it|es|ch|se|no|dk|fi|pl|be|at|nz|ie|sg|kr|mx|za';
const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const VAR_BEFORE = 'line|ln|port|char|column|col|row|pid|process id|processid|thread|thread id|tid|session|session id|attempt|retry|offset|position|pos|size|length|timeout|after|build|instance';
const VAR_AFTER = 'items?|rows?|bytes?|seconds?|secs?|minutes?|mins?|hours?|ms|milliseconds?|files?|records?|objects?|users?|times|attempts?|retries|days?|KB|MB|GB|TB|entries|messages?|percent|%';

/** Whether the text holds a run of at least `min` hex digits, in one pass (a regex retries at every letter a-f). */
function hasHexRun(text: string, min: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) {
      if (++run >= min) return true;
    } else run = 0;
  }
  return false;
}

const regexGate = (re: RegExp) => (text: string): boolean => re.test(text);

/** Gates shared by the patterns of a type; those that start with a literal let the regex engine skip ahead to it. */
const GATE = {
  guid: regexGate(/-[0-9a-f]{4}-[0-9a-f]{4}-/i),
  ipv6: regexGate(/::|:[0-9a-f]{1,4}:/i),
  timestamp: regexGate(/\d[-/]\d/),
  date: regexGate(/\d[-/]\d|\b\d{4}\b/),
  time: regexGate(/\d:\d\d/),
  ipv4: regexGate(/\d\.\d{1,3}\.\d/),
  // A dot before a known top-level domain, not any dot before letters ("web.config", "setup.exe").
  host: regexGate(new RegExp(String.raw`\.(?:${TLDS})\b`, 'i')),
  hex: (text: string) => hasHexRun(text, 9),
};

function ipv4ok(m: RegExpExecArray): boolean {
  return m[0].split(':')[0].split('.').every((p) => Number(p) <= 255);
}

export const MASK_PATTERNS: readonly MaskPattern[] = [
  // Article placeholders first so `<ServerName>` or our own `<guid>` never gets re-read as something else.
  { type: 'placeholder', re: /<[_*]{0,2}[A-Za-z][\w .:/-]{0,40}?[_*]{0,2}>/g },
  { type: 'placeholder', re: /\{[A-Za-z][\w -]{0,30}\}/g },
  { type: 'placeholder', re: /\[[A-Z][a-z]+(?:[ _]?[A-Za-z][a-z]+){0,3}\]/g },
  { type: 'placeholder', re: /(?<![\w%])%\d{1,2}\b/g },
  { type: 'placeholder', re: /\bYour[A-Z][a-z]+(?:[A-Z][a-z]+)*\b/g },
  { type: 'url', hint: '://', re: /\b(?:https?|ftp|ldaps?|file|wss?):\/\/[^\s"'<>`)\]]+/gi },
  { type: 'email', hint: '@', re: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g },
  { type: 'unc-path', hint: '\\\\', re: /\\\\[\w.$-]+(?:\\[^\s"'<>|]*)?/g },
  { type: 'windows-path', hint: ':\\', re: /\b[A-Za-z]:\\(?:[^\\\r\n"'<>|:*?]*\\)*[^\\\s"'<>|:*?,;)]*/g },
  { type: 'unix-path', hint: '/', re: /(?<![\w/.~-])~?\/(?:[\w.@-]+\/)+[\w.@-]*/g },
  { type: 'guid', hint: '-', gate: GATE.guid, re: /\{?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\}?/gi },
  { type: 'ipv6', hint: '::', gate: GATE.ipv6, re: /(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?:%\w+)?(?![\w:])|(?<![\w:])::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?(?![\w:])/gi,
    accept: (m) => /[0-9a-f]/i.test(m[0]) && !/^\d+::?$/.test(m[0]) },
  { type: 'ipv6', hint: ':', gate: GATE.ipv6, re: /(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi },
  { type: 'timestamp', gate: GATE.timestamp, re: /\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?Z|[+-]\d{2}:?\d{2})?/g },
  { type: 'timestamp', gate: GATE.timestamp, re: /\b\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AP]\.?M\.?)?/gi },
  { type: 'date', gate: GATE.date, re: /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g },
  { type: 'date', gate: GATE.date, re: new RegExp(String.raw`\b(?:${MONTHS})\.? \d{1,2},? \d{4}\b|\b\d{1,2} (?:${MONTHS}) \d{4}\b`, 'g') },
  { type: 'time', hint: ':', gate: GATE.time, re: /\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[AP]\.?M\.?\b)?/gi },
  { type: 'ipv4', hint: '.', gate: GATE.ipv4, re: /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b(?![.\d])/g, accept: ipv4ok },
  // An LDAP name's domain components (`DC=contoso,DC=com`) are a host name in another spelling.
  { type: 'host', hint: '=', re: /\bDC=[\w-]+(?:\s*,\s*DC=[\w-]+)*/gi },
  { type: 'host', hint: '.', gate: GATE.host, re: new RegExp(String.raw`\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${TLDS})\b(?![.-]\w)`, 'gi') },
  // Long hex runs (thumbprints, trace ids); 8-digit HRESULT shapes are identifiers and are never reached here.
  { type: 'hex', gate: GATE.hex, re: /\b(?:0x)?[0-9a-f]{9,}\b/gi, accept: (m) => /\d/.test(m[0]) && /[a-f]/i.test(m[0].replace(/^0x/i, '')) || m[0].length >= 16 },
  { type: 'number', re: new RegExp(String.raw`\b(?:${VAR_BEFORE})\s*[:=#]?\s*(\d+)\b`, 'gi'), group: 1 },
  // A count with its unit ("1,024 bytes", "30 seconds"). Its digits are taken whole and at most 40 of
  // them (an atomic lookahead): a unit never starts with a digit, comma or dot, so a shorter run never
  // matches, and a run of any length tried from each of its commas is quadratic (a JSON byte array).
  { type: 'number', re: new RegExp(String.raw`(?<![\w.])(?=(\d[\d,.]{0,39}))\1\s*(?:${VAR_AFTER})(?!\w)`, 'gi'), group: 1 },
  // Quoted single tokens (no spaces): 'CONTOSO\jdoe', "srv01", 'MyDatabase'.
  { type: 'quoted', re: /(?<![\w'])'[^'\s<>]{1,80}'(?![\w'])|(?<![\w"])"[^"\s<>]{1,80}"(?![\w"])/g },
];

/** Reads `<guid>` back as type guid; other `<...>` placeholders become `placeholder`. */
export function placeholderType(text: string): string {
  const inner = text.replace(/^[<{[][_*]*|[_*]*[>}\]]$/g, '').toLowerCase();
  return (MASK_TYPES as readonly string[]).includes(inner) ? inner : 'placeholder';
}

/** One match of one mask pattern, with its offsets in the scanned text (the whole match, not its `group`). */
export interface MaskMatch {
  pattern: MaskPattern;
  match: RegExpExecArray;
  start: number;
  end: number;
}

/**
 * The one loop that runs mask patterns over a text: pattern by pattern in the order given, each
 * over the text's bounded windows once its hint and gate let it, skipping empty matches and those
 * its `accept` refuses. Linear in the input. `windows` lets a caller that scans again share them.
 */
export function* maskMatches(text: string, patterns: readonly MaskPattern[], windows = windowTexts(text)): Generator<MaskMatch> {
  const gates = new Map<(text: string) => boolean, boolean>();
  const open = (p: MaskPattern): boolean => {
    if (!p.gate) return true;
    let o = gates.get(p.gate);
    if (o === undefined) gates.set(p.gate, (o = p.gate(text)));
    return o;
  };
  for (const p of patterns) {
    if (p.hint !== undefined && !text.includes(p.hint)) continue;
    if (!open(p)) continue;
    for (const { start: wa, text: w } of windows) {
      if (p.hint !== undefined && !w.includes(p.hint)) continue;
      p.re.lastIndex = 0;
      for (let m = p.re.exec(w); m; m = p.re.exec(w)) {
        if (m[0].length === 0) { p.re.lastIndex++; continue; }
        if (p.accept && !p.accept(m)) continue;
        yield { pattern: p, match: m, start: wa + m.index, end: wa + m.index + m[0].length };
      }
    }
  }
}
