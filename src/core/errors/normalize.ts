/**
 * THE normalization of error text, shared by the index build, the browser and the CLI.
 *
 * Pipeline: fold characters and markup (fold.ts) → pull string values out of JSON envelopes
 * (json-envelope.ts) → cut into lines and strip console noise (noise.ts) → re-join lines, healing
 * hard wraps (hard-wrap.ts: a line of exactly the wrap width joins the next without a space, and the
 * next is a continuation, not read for noise; other lines join with one space) → recognize
 * identifiers (identifiers.ts) → mask variable values (masks.ts) → tokenize. Offsets always point
 * into the caller's raw text.
 */
import { foldText, type Folded } from './fold';
import { formMatches } from './identifiers';
import { windowTexts } from './scan-windows';
import { MASK_PATTERNS, maskMatches, placeholderType, type MaskPattern } from './masks';
import { classifyLine } from './noise';
import { detectWrapWidth } from './hard-wrap';
import { scanJsonEnvelope, splitAtEscapes } from './json-envelope';

export interface Token {
  /** Normal form: lower-case word, canonical identifier, or `<type>` for a masked value. */
  t: string;
  kind: 'word' | 'ident' | 'mask';
  /** Offsets into the ORIGINAL raw text. */
  start: number;
  end: number;
  /** Identifier form name or mask type. */
  type?: string;
}

export interface MaskedValue {
  type: string;
  value: string;
  start: number;
  end: number;
}

export interface NormalizedText {
  /** Display-normal form: one line, masks as `<type>`. Normalizing it again gives the same text. */
  text: string;
  tokens: Token[];
  masked: MaskedValue[];
  /** Canonical identifiers, in order of appearance, de-duplicated. */
  identifiers: string[];
}

/** A stretch of the folded text that goes into the joined text: a line without its noise, or a JSON value. */
interface TextSegment {
  start: number;
  end: number;
  /** The line is exactly the console's wrap width: it continues on the next with nothing inserted. */
  wrapped: boolean;
  /** The line had trailing spaces (so a wrap did not cut a word). */
  endsSpace?: boolean;
  /** Starts something new (a value, a line whose noise prefix was stripped): never glued to the one before. */
  fresh: boolean;
  /** Only the identifiers of the line are kept (a shell's error-record line). */
  identOnly: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

function applyNoise(s: string, a: number, b: number, continuation: boolean): { a: number; drop: boolean; identOnly: boolean; stripped: boolean } {
  if (continuation) return { a, drop: false, identOnly: false, stripped: false };
  const c = classifyLine(s.slice(a, b));
  return { a: a + c.start, drop: c.action === 'drop', identOnly: c.action === 'identifiers-only', stripped: c.stripped };
}

/** A JSON string value, split at its literal escape sequences (`\r\n`, `\n`, `\t`), as fresh segments. */
function pushJsonValue(segs: TextSegment[], s: string, start: number, end: number): void {
  for (const [a, b] of splitAtEscapes(s, start, end)) segs.push({ start: a, end: b, wrapped: false, fresh: true, identOnly: false });
}

/** Lines → segments with noise removed. `s` is folded text. */
function segmentLines(s: string, from: number[], to: number[]): TextSegment[] {
  const lines: Array<[number, number]> = [];
  let st = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '\n') { lines.push([st, i]); st = i + 1; }
  }
  // Raw display length of each line (before folding), trailing spaces included as consoles pad nothing.
  const rawLen = lines.map(([a, b]) => (b > a ? to[b - 1] - from[a] : 0));
  const width = detectWrapWidth(rawLen);
  const segs: TextSegment[] = [];
  let prevWrapped = false;
  for (let li = 0; li < lines.length; li++) {
    let [a, b] = lines[li];
    const wrapped = width > 0 && rawLen[li] === width;
    const continuation = prevWrapped;
    prevWrapped = wrapped;
    if (!continuation) {
      // JSON envelope starting on this line: keep only the error-ish string values.
      let k = a; while (k < b && s[k] === ' ') k++;
      if (s[k] === '{') {
        const env = scanJsonEnvelope(s, k);
        if (env) {
          for (const [va, vb] of env.values) pushJsonValue(segs, s, va, vb);
          // Skip the lines the envelope covers.
          while (li + 1 < lines.length && lines[li + 1][0] < env.end) li++;
          prevWrapped = false;
          continue;
        }
      }
    }
    const fullB = b;
    while (b > a && s[b - 1] === ' ') b--;
    const r = applyNoise(s, a, b, continuation);
    if (r.drop) { if (!continuation) prevWrapped = false; continue; }
    segs.push({ start: r.a, end: b, wrapped, endsSpace: b < fullB, fresh: r.stripped, identOnly: r.identOnly });
  }
  return segs;
}

interface Span { a: number; b: number; kind: 'ident' | 'mask'; t: string; type: string }

/** Joined text plus its map back to raw offsets. */
function joinSegments(f: Folded, segs: TextSegment[]): { j: string; from: number[]; to: number[] } {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let prev: TextSegment | null = null;
  const add = (a: number, b: number): void => {
    const slice = f.s.slice(a, b);
    if (!slice.includes('  ') && !(slice[0] === ' ' && parts.length && parts[parts.length - 1].endsWith(' '))) {
      parts.push(slice);
      for (let i = a; i < b; i++) { from.push(f.from[i]); to.push(f.to[i]); }
      return;
    }
    for (let i = a; i < b; i++) {
      const c = f.s[i];
      if (c === ' ' && parts.length && parts[parts.length - 1].endsWith(' ')) continue; // fold runs of spaces
      parts.push(c); from.push(f.from[i]); to.push(f.to[i]);
    }
  };
  for (const seg of segs) {
    if (seg.identOnly) {
      // Keep only identifier substrings of the line.
      const line = f.s.slice(seg.start, seg.end);
      const found: Array<[number, number]> = [];
      for (const { form, match, start, end } of formMatches(line)) {
        if (form.canon(match) === null) continue;
        const a = seg.start + start, b = seg.start + end;
        if (!found.some(([x, y]) => a < y && x < b)) found.push([a, b]);
      }
      found.sort((x, y) => x[0] - y[0]);
      for (const [a, b] of found) {
        if (parts.length) { parts.push(' '); from.push(f.from[a]); to.push(f.from[a]); }
        add(a, b);
      }
      prev = null;
      continue;
    }
    if (parts.length) {
      const glue = prev && prev.wrapped && !prev.endsSpace && !seg.fresh ? '' : ' ';
      if (glue && !parts[parts.length - 1].endsWith(' ')) { parts.push(' '); from.push(f.from[seg.start]); to.push(f.from[seg.start]); }
    }
    add(seg.start, seg.end);
    prev = seg;
  }
  let j = parts.join('');
  while (j.endsWith(' ')) { j = j.slice(0, -1); from.pop(); to.pop(); }
  return { j, from, to };
}

const CONTAINER_MASKS = new Set(['url', 'unc-path', 'windows-path', 'unix-path']);
/** Article placeholders are claimed first, before identifiers; the other masks after them. */
const PLACEHOLDER_PATTERNS = MASK_PATTERNS.filter((p) => p.type === 'placeholder');
const VALUE_PATTERNS = MASK_PATTERNS.filter((p) => p.type !== 'placeholder');

function findSpans(j: string): Span[] {
  const claimed = new Uint8Array(j.length + 1); // 0 free, 1 identifier, 2 mask
  const spans: Span[] = [];
  const free = (a: number, b: number, allowIdent: boolean): boolean => {
    for (let i = a; i < b; i++) if (claimed[i] === 2 || (claimed[i] === 1 && !allowIdent)) return false;
    return true;
  };
  // Patterns run over bounded windows of the text: some can backtrack over a whole run of
  // dotted or digit-comma text, which over one long line would cost its length squared.
  const windows = windowTexts(j);
  const runMasks = (patterns: readonly MaskPattern[]): void => {
    for (const { pattern: p, match: m, start } of maskMatches(j, patterns, windows)) {
      let a = start, b = a + m[0].length;
      if (p.group !== undefined) {
        const g = m[p.group];
        if (g === undefined) continue;
        a = start + m[0].indexOf(g); b = a + g.length;
      }
      if (!free(a, b, CONTAINER_MASKS.has(p.type))) continue;
      const type = p.type === 'placeholder' ? placeholderType(j.slice(a, b)) : p.type;
      spans.push({ a, b, kind: 'mask', t: '<' + type + '>', type });
      for (let i = a; i < b; i++) if (claimed[i] === 0) claimed[i] = 2;
    }
  };
  runMasks(PLACEHOLDER_PATTERNS);
  for (const { form, match, start: a, end: b } of formMatches(j, undefined, windows)) {
    if (!free(a, b, false)) continue;
    const canon = form.canon(match);
    if (canon === null) continue;
    spans.push({ a, b, kind: 'ident', t: canon, type: form.name });
    for (let i = a; i < b; i++) claimed[i] = 1;
  }
  runMasks(VALUE_PATTERNS);
  return spans;
}

/** One pass of the pipeline. */
function normalizeOnce(raw: string): NormalizedText {
  const f = foldText(raw);
  const segs = segmentLines(f.s, f.from, f.to);
  const { j, from, to } = joinSegments(f, segs);
  const spans = findSpans(j);
  const masksAndIdents = spans.slice().sort((x, y) => x.a - y.a || y.b - x.b);
  const tokens: Token[] = [];
  const masked: MaskedValue[] = [];
  const identifiers: string[] = [];
  const text: string[] = [];
  const rawStart = (i: number): number => from[i] ?? raw.length;
  const rawEnd = (i: number): number => to[i - 1] ?? raw.length;
  const wordsIn = (a: number, b: number): void => {
    WORD_RE.lastIndex = a;
    let m: RegExpExecArray | null;
    while ((m = WORD_RE.exec(j)) && m.index < b) {
      const e = Math.min(b, m.index + m[0].length);
      const w = j.slice(m.index, e).toLowerCase();
      tokens.push({ t: w.includes("'") ? w.replace(/'/g, '') : w, kind: 'word', start: rawStart(m.index), end: rawEnd(e) });
    }
  };
  let cur = 0;
  for (const sp of masksAndIdents) {
    if (sp.kind === 'ident' && sp.a < cur) {
      // Identifier inside a container mask: keep the strong token, not the text.
      tokens.push({ t: sp.t, kind: 'ident', start: rawStart(sp.a), end: rawEnd(sp.b), type: sp.type });
      if (!identifiers.includes(sp.t)) identifiers.push(sp.t);
      continue;
    }
    if (sp.a < cur) continue;
    wordsIn(cur, sp.a);
    text.push(j.slice(cur, sp.a));
    const start = rawStart(sp.a), end = rawEnd(sp.b);
    if (sp.kind === 'mask') {
      tokens.push({ t: sp.t, kind: 'mask', start, end, type: sp.type });
      masked.push({ type: sp.type, value: raw.slice(start, end), start, end });
      text.push(sp.t);
    } else {
      tokens.push({ t: sp.t, kind: 'ident', start, end, type: sp.type });
      if (!identifiers.includes(sp.t)) identifiers.push(sp.t);
      text.push(j.slice(sp.a, sp.b));
    }
    cur = sp.b;
  }
  wordsIn(cur, j.length);
  text.push(j.slice(cur));
  tokens.sort((x, y) => x.start - y.start || x.end - y.end);
  return { text: text.join('').replace(/ {2,}/g, ' ').trim(), tokens, masked, identifiers };
}

/**
 * Normalizes pasted or article error text. Never throws; idempotent on `text`.
 * Tokens, masks and identifiers come from the first pass, so offsets refer to `raw`.
 */
export function normalizeErrorText(raw: string): NormalizedText {
  try {
    const first = normalizeOnce(typeof raw === 'string' ? raw : String(raw ?? ''));
    let text = first.text;
    for (let pass = 0; pass < 4; pass++) {
      const again = normalizeOnce(text).text;
      if (again === text) break;
      text = again;
    }
    return { ...first, text };
  } catch {
    return { text: '', tokens: [], masked: [], identifiers: [] };
  }
}

/** Tokens only (no fixpoint pass): what the index build and the query use. Never throws. */
export function tokenizeErrorText(raw: string): NormalizedText {
  try {
    return normalizeOnce(raw);
  } catch {
    return { text: '', tokens: [], masked: [], identifiers: [] };
  }
}
