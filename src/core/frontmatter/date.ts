import { scalarText } from './values';

export interface NormalizedDate {
  /** ISO `YYYY-MM-DD`, or null when no date could be read. */
  date: string | null;
  /** Why the value was not used, for the caller's diagnostic. */
  problem?: string;
}

/** Excel's 1900 date system counts days from 1899-12-30 (it keeps Lotus's phantom 1900-02-29). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers we accept as dates: 1990-01-01 … 2099-12-31. Outside that, a number is not a date. */
const EXCEL_SERIAL_RANGE = { min: 32874, max: 73415 } as const;
/** Years a support article can be dated. */
const YEAR_RANGE = { min: 1980, max: 2199 } as const;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

type Parts = { y: number; m: number; d: number } | { serial: number };

/** The written forms of a date we know, tried in order. Each returns the parts; validation is shared. */
const DATE_FORMS: ReadonlyArray<{ name: string; re: RegExp; parts: (m: RegExpExecArray) => Parts }> = [
  // 2023-12-26, 2023-12-26T10:00:00Z (the time is dropped: the date is what the author wrote)
  { name: 'iso', re: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i, parts: (m) => ({ y: +m[1], m: +m[2], d: +m[3] }) },
  // 2023/12/26
  { name: 'ymd-slash', re: /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/, parts: (m) => ({ y: +m[1], m: +m[2], d: +m[3] }) },
  // 12/26/2023, 3/1/2021, 12-26-2023: the US order used by ms.date
  { name: 'us', re: /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/, parts: (m) => ({ y: +m[3], m: +m[1], d: +m[2] }) },
  // 12/26/23
  { name: 'us-short-year', re: /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/, parts: (m) => ({ y: 2000 + +m[3], m: +m[1], d: +m[2] }) },
  // 20231226
  { name: 'compact', re: /^(\d{4})(\d{2})(\d{2})$/, parts: (m) => ({ y: +m[1], m: +m[2], d: +m[3] }) },
  // 45286: an Excel serial, from metadata pasted out of a spreadsheet
  { name: 'excel-serial', re: /^(\d{5})(?:\.0+)?$/, parts: (m) => ({ serial: +m[1] }) },
  // December 26, 2023 / Dec 26 2023
  { name: 'month-name', re: /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i, parts: (m) => ({ y: +m[3], m: monthNumber(m[1]), d: +m[2] }) },
  // 26 December 2023
  { name: 'day-month-name', re: /^(\d{1,2})\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i, parts: (m) => ({ y: +m[3], m: monthNumber(m[2]), d: +m[1] }) },
];

/**
 * `ms.date` in any form seen in practice → ISO `YYYY-MM-DD`. Impossible dates (month 13, 02/30)
 * and non-dates (`soon`, empty) give `date: null` with a `problem` sentence.
 */
export function normalizeDate(raw: unknown): NormalizedDate {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { date: null, problem: 'the date value is not a valid date' };
    // YAML timestamps are UTC; a date-only value is midnight UTC, so the UTC fields are the date written.
    return checked({ y: raw.getUTCFullYear(), m: raw.getUTCMonth() + 1, d: raw.getUTCDate() }, raw.toISOString());
  }
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return { date: null, problem: `${raw} is not a date` };
    const text = String(raw);
    return fromText(text);
  }
  const text = scalarText(raw);
  if (text === null) {
    if (raw === null || raw === undefined) return { date: null, problem: 'no date is given' };
    return { date: null, problem: `the date is ${Array.isArray(raw) ? 'a list' : 'not a single value'}` };
  }
  if (text === '') return { date: null, problem: 'the date is empty' };
  return fromText(text);
}

function fromText(text: string): NormalizedDate {
  const t = text.trim();
  for (const form of DATE_FORMS) {
    const m = form.re.exec(t);
    if (m) return checked(form.parts(m), t);
  }
  return { date: null, problem: `"${shorten(t)}" is not a date in a known form (such as 12/26/2023 or 2023-12-26)` };
}

function checked(parts: Parts, written: string): NormalizedDate {
  let { y, m, d } = 'serial' in parts ? fromExcelSerial(parts.serial) ?? { y: NaN, m: NaN, d: NaN } : parts;
  if ('serial' in parts && Number.isNaN(y)) {
    return { date: null, problem: `${parts.serial} is outside the range of spreadsheet date numbers we accept` };
  }
  if (!(m >= 1 && m <= 12)) return { date: null, problem: `"${shorten(written)}" has no valid month` };
  if (y < YEAR_RANGE.min || y > YEAR_RANGE.max) return { date: null, problem: `"${shorten(written)}" has an implausible year (${y})` };
  if (!(d >= 1 && d <= daysInMonth(y, m))) return { date: null, problem: `"${shorten(written)}" names a day that does not exist` };
  return { date: `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` };
}

function fromExcelSerial(serial: number): { y: number; m: number; d: number } | null {
  if (serial < EXCEL_SERIAL_RANGE.min || serial > EXCEL_SERIAL_RANGE.max) return null;
  const date = new Date(EXCEL_EPOCH_UTC + serial * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** A month name or its abbreviation of three letters or more ("Dec", "Sept", "December"); NaN otherwise. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const i = lower.length >= 3 ? MONTHS.findIndex((full) => full.startsWith(lower)) : -1;
  return i >= 0 ? i + 1 : NaN;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
