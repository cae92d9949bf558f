/**
 * Error identifiers as index terms, in every form one error goes by: an HRESULT in hex or decimal
 * (`0x80070005`, `-2147024891`, `2147942405`), a Win32 HRESULT and its Win32 code (`0x80070005` and
 * error 5), a SQL message number as `Msg 18456` or `Error: 18456`. Each spelling maps to the same
 * terms, so an article and a paste that write one error differently still share a term.
 */
import { scanIdentifiers } from '../errors/identifiers';
import { windowTexts } from '../errors/scan-windows';

export interface IdentifierTerm {
  term: string;
  start: number;
  end: number;
}

const hexTerm = (hex8: string): string[] => {
  const h = hex8.toLowerCase().replace(/^0x/, '');
  const out = ['0x' + h];
  // FACILITY_WIN32 HRESULTs wrap a Win32 error code in their low 16 bits.
  if (/^8007[0-9a-f]{4}$/.test(h)) out.push('error' + parseInt(h.slice(4), 16));
  return out;
};

/** A decimal that is a 32-bit HRESULT (signed or unsigned), as hex; null otherwise. */
export function decimalHresult(n: string): string | null {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) return null;
  if (v < 0 && v >= -0x80000000 && v <= -0x10000) return (v >>> 0).toString(16).padStart(8, '0');
  if (v >= 0x80000000 && v <= 0xffffffff) return v.toString(16);
  return null;
}

/** Terms of one canonical identifier, by form. */
function termsOf(form: string, canon: string): string[] {
  const c = canon.toLowerCase();
  if (/^0x[0-9a-f]{8}$/.test(c)) return hexTerm(c);
  switch (form) {
    case 'sql-msg':
    case 'sql-errorlog': {
      const n = c.replace(/^msg\s+/, '');
      return ['msg' + n, 'error' + n];
    }
    case 'error-number':
      return [c.replace(/\s+/g, '')];
    case 'event-id':
      return ['eventid' + c.replace(/\D+/g, '')];
    case 'http-substatus':
    case 'http-status':
      return [c.replace(/\s+/g, '')];
    default:
      return [c.replace(/\s+/g, '')];
  }
}

const SHORT_HEX = /\b0x([0-9a-f]{1,7})\b/gi;
const DECIMAL_HRESULT = /(?<![\w.])-?\d{10}(?![\w.])/g;

/** Identifier terms of a text with the offsets of what they came from. Linear in the input. */
export function identifierTerms(text: string): IdentifierTerm[] {
  const out: IdentifierTerm[] = [];
  for (const m of scanIdentifiers(text)) for (const term of termsOf(m.form, m.canon)) out.push({ term, start: m.start, end: m.end });
  let windows: ReturnType<typeof windowTexts> | null = null;
  const scan = (re: RegExp, visit: (m: RegExpMatchArray, start: number) => void) => {
    for (const { start, text: w } of (windows ??= windowTexts(text))) for (const m of w.matchAll(re)) visit(m, start + m.index!);
  };
  // A bare decimal HRESULT, outside the error-word context the identifier table asks for.
  if (/\d{10}/.test(text)) {
    scan(DECIMAL_HRESULT, (m, at) => {
      const hex = decimalHresult(m[0]);
      if (hex) for (const term of hexTerm(hex)) out.push({ term, start: at, end: at + m[0].length });
    });
  }
  // Short hex codes (stop codes, status codes) are the same code as their zero-padded 8-digit form.
  if (/0x/i.test(text)) {
    scan(SHORT_HEX, (m, at) => out.push({ term: '0x' + m[1].toLowerCase().padStart(8, '0'), start: at, end: at + m[0].length }));
  }
  // One term per spelling per place: forms that overlap (error-number and hresult) agree on terms.
  const seen = new Set<string>();
  return out.filter((t) => {
    const k = `${t.term}@${t.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
