/**
 * Error kinds seen in troubleshooting articles: how to recognise one in the source,
 * and how to make a FRESH one (new code, new message) for the synthetic corpus.
 * The lookup index must see realistic variety, so every call yields a new code.
 */

import type { Rng } from './rng';

export type ErrorKind =
  | 'hresult' | 'aadsts' | 'event' | 'exception' | 'ndr' | 'sql' | 'stop' | 'http' | 'win32' | 'generic';

/** Text helpers supplied by the vocabulary, so this module stays free of model details. */
export interface ErrorWords {
  /** An error-style message sentence of roughly n words, ending in a period. */
  message(rng: Rng, n: number): string;
  /** One CamelCase identifier made of 1..parts vocabulary words. */
  camel(rng: Rng, parts: number): string;
}

interface ErrorKindSpec {
  kind: ErrorKind;
  /** Recognises this kind in source text (first match in table order wins). */
  detect: RegExp;
  code(rng: Rng, w: ErrorWords): string;
  /** Message lines around a code; n is the wanted message length in words. */
  render(code: string, rng: Rng, w: ErrorWords, n: number): string[];
}

const HRESULT_PREFIXES = ['8007', '8004', '8024', '8019', 'C00D', '8009', '8031', 'C190', '8023', '8018', '8013', 'C004'];
const EXCEPTION_SPACES = ['System.IO', 'System.Net', 'System.Data.SqlClient', 'System.Security', 'System.Configuration', 'System.Web', 'System.ServiceModel', 'System.Runtime.InteropServices', 'Microsoft.Identity.Client', 'Microsoft.SharePoint', 'System'];
const SQL_LEVELS = [14, 16, 16, 16, 17, 20];
const HTTP_STATUS = [400, 401, 403, 404, 405, 409, 413, 429, 500, 502, 503];

const upperSnake = (rng: Rng, w: ErrorWords): string =>
  w.camel(rng, 3).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

export const ERROR_KINDS: readonly ErrorKindSpec[] = [
  {
    kind: 'aadsts',
    detect: /\bAADSTS\d{4,6}\b/,
    code: (rng) => `AADSTS${rng.digits(rng.int(5, 6))}`,
    render: (code, rng, w, n) => [`${code}: ${w.message(rng, n)}`],
  },
  {
    kind: 'stop',
    detect: /\b(stop (error|code)|bug ?check)\b|0x000000[0-9A-F]{2}\b/i,
    code: (rng) => `0x000000${rng.hex(2)}`,
    render: (code, rng, w, n) => [`STOP: ${code} (${upperSnake(rng, w)})`, w.message(rng, n)],
  },
  {
    kind: 'hresult',
    detect: /\b0x[89Cc][0-9A-Fa-f]{7}\b/,
    code: (rng) => `0x${rng.pick(HRESULT_PREFIXES)}${rng.hex(4)}`,
    render: (code, rng, w, n) =>
      rng.weighted<string[]>([
        [[`${w.message(rng, n)} (Exception from HRESULT: ${code})`], 3],
        [[`Error ${code}: ${w.message(rng, n)}`], 3],
        [[w.message(rng, n), `Error code: ${code}`], 2],
      ]),
  },
  {
    kind: 'event',
    detect: /\bevent ?id\b/i,
    code: (rng) => String(rng.int(1, 9999)),
    render: (code, rng, w, n) => [
      'Log Name: ' + rng.pick(['Application', 'System', 'Security', 'Setup']),
      `Source: ${rng.pick(['Microsoft-Windows-', ''])}${w.camel(rng, 2)}`,
      `Event ID: ${code}`,
      `Task Category: ${rng.pick(['None', w.camel(rng, 1)])}`,
      `Level: ${rng.pick(['Error', 'Warning', 'Error'])}`,
      'Description:',
      w.message(rng, n),
    ],
  },
  {
    kind: 'exception',
    detect: /\b[A-Z][A-Za-z]+Exception\b/,
    code: (rng, w) => `${rng.pick(EXCEPTION_SPACES)}.${w.camel(rng, 2)}Exception`,
    render: (code, rng, w, n) => {
      const lines = [`${code}: ${w.message(rng, n)}`];
      const frames = rng.int(0, 3);
      for (let i = 0; i < frames; i++) lines.push(`   at ${w.camel(rng, 1)}.${w.camel(rng, 2)}.${w.camel(rng, 2)}()`);
      return lines;
    },
  },
  {
    kind: 'ndr',
    detect: /\b[45]\d\d[ -][45]\.\d\.\d{1,3}\b/,
    code: (rng) => `550 5.${rng.int(0, 7)}.${rng.int(1, 999)}`,
    render: (code, rng, w, n) => [`${code} ${w.camel(rng, 2)}.${w.camel(rng, 1)}; ${w.message(rng, n)}`],
  },
  {
    kind: 'sql',
    detect: /\bMsg \d+, Level \d+/,
    code: (rng) => `Msg ${rng.int(100, 49999)}, Level ${rng.pick(SQL_LEVELS)}, State ${rng.int(1, 40)}`,
    render: (code, rng, w, n) => [`${code}, Line ${rng.int(1, 300)}`, w.message(rng, n)],
  },
  {
    kind: 'http',
    detect: /\bHTTP (Error )?[45]\d\d\b/i,
    code: (rng) => `HTTP Error ${rng.pick(HTTP_STATUS)}.${rng.int(0, 25)}`,
    render: (code, rng, w, n) => [`${code} - ${w.camel(rng, 2)}`, w.message(rng, n)],
  },
  {
    kind: 'win32',
    detect: /\b(error|code)[: ]+\d{2,5}\b/i,
    code: (rng) => String(rng.int(2, 15999)),
    render: (code, rng, w, n) =>
      rng.weighted<string[]>([
        [[`Error ${code}: ${w.message(rng, n)}`], 2],
        [[w.message(rng, n), `Error code: ${code}`], 1],
      ]),
  },
  {
    kind: 'generic',
    detect: /\b(error|failed|cannot|can't|unable)\b/i,
    code: (rng, w) => `${w.camel(rng, 2)}Error${rng.int(1, 999)}`,
    render: (code, rng, w, n) => [rng.chance(0.5) ? w.message(rng, n) : `${code}: ${w.message(rng, n)}`],
  },
];

const BY_KIND = new Map(ERROR_KINDS.map((k) => [k.kind, k]));

export function detectErrorKind(text: string): ErrorKind | null {
  for (const spec of ERROR_KINDS) if (spec.detect.test(text)) return spec.kind;
  return null;
}

/** Strict detection (codes only, no bare "error" words), for titles and tables. */
export function detectErrorCode(text: string): ErrorKind | null {
  const kind = detectErrorKind(text);
  return kind === 'generic' ? null : kind;
}

/** Code-like mentions in running text (not bare words like "error"). */
const CODE_MENTION = /\b0x[89Cc][0-9A-Fa-f]{7}\b|\bAADSTS\d{4,6}\b|\b[45]\d\d[ -][45]\.\d\.\d{1,3}\b|\bevent ?ids?\b(?::? ?\d+)?|\b[A-Z][A-Za-z]+Exception\b|\bMsg \d+|0x000000[0-9A-F]{2}\b/gi;

export function countCodeMentions(text: string): number {
  return (text.match(CODE_MENTION) ?? []).length;
}

/** Text with code mentions removed: the models must not learn them (they are re-injected fresh). */
export function withoutCodeMentions(text: string): string {
  return text.replace(CODE_MENTION, ' ');
}

/** How a code reads inside a sentence. */
export function mentionOf(kind: ErrorKind, code: string): string {
  if (kind === 'event') return `event ID ${code}`;
  if (kind === 'win32' || kind === 'generic') return `error ${code}`;
  return code;
}

export interface FreshError {
  kind: ErrorKind;
  code: string;
  lines: string[];
}

export function freshError(kind: ErrorKind, rng: Rng, w: ErrorWords, messageWords: number): FreshError {
  const spec = BY_KIND.get(kind) ?? BY_KIND.get('generic')!;
  const code = spec.code(rng, w);
  return { kind, code, lines: spec.render(code, rng, w, Math.max(4, messageWords)) };
}

export function freshCode(kind: ErrorKind, rng: Rng, w: ErrorWords): string {
  return (BY_KIND.get(kind) ?? BY_KIND.get('generic')!).code(rng, w);
}
