/**
 * Character-level folding with an offset map back to the raw text:
 * Unicode NFKC, curly quotes/dashes/exotic spaces, HTML entities and inline tags,
 * Markdown escapes, emphasis and inline-code markers.
 */

export interface Folded {
  s: string;
  /** For each UTF-16 unit of `s`: start and end offsets of its source in the raw text. */
  from: number[];
  to: number[];
}

const CHAR_FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '\u0060': '',
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200a': ' ', '\u3000': ' ', '\t': ' ', '\f': ' ', '\v': ' ',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '', '\u00ad': '',
  '\u2028': '\n', '\u2029': '\n', '\r': '\n', '\u2026': '...', '\u2022': '-', '\u00b7': '-',
};

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '-', mdash: '-', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', hellip: '...', bull: '-', middot: '-',
  copy: '(c)', reg: '(r)', trade: '(tm)', zwsp: '', shy: '',
};

const ENTITY_RE = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/iy;
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'hr', 'summary', 'details', 'ul', 'ol', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TAG_RE = /<\/?(br|p|div|span|b|i|em|strong|code|pre|ul|ol|li|a|sup|sub|table|tr|td|th|thead|tbody|details|summary|kbd|u|img|font|hr|h[1-6]|blockquote|small|mark|s|del|ins|tt|var|samp)(?:\s[^<>]*)?\/?>/iy;
/** Characters a Markdown backslash may escape; `\\` is left alone (UNC paths). */
const MD_ESCAPABLE = new Set(Array.from('<>_*[](){}#!|+.~`-'));

function decodeEntity(body: string): string | null {
  if (body[0] === '#') {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    return String.fromCodePoint(cp);
  }
  return ENTITIES[body.toLowerCase()] ?? null;
}

const SPECIAL = /[&<\\*`\t\v\f\r\u0080-\uffff]/g;

function foldOnce(raw: string): Folded & { markup: boolean } {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let markup = false;
  const push = (text: string, a: number, b: number): void => {
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      const f = CHAR_FOLD[c];
      const put = f === undefined ? c : f;
      for (let q = 0; q < put.length; q++) { out.push(put[q]); from.push(a); to.push(b); }
    }
  };
  const n = raw.length;
  let i = 0;
  while (i < n) {
    // Fast path: copy a run of plain ASCII up to the next special character.
    SPECIAL.lastIndex = i;
    const sm = SPECIAL.exec(raw);
    const k = sm ? sm.index : n;
    if (k > i) {
      out.push(raw.slice(i, k));
      for (let q = i; q < k; q++) { from.push(q); to.push(q + 1); }
      i = k;
      if (i >= n) break;
    }
    const code = raw.charCodeAt(i);
    if (code === 0x26 /* & */) {
      ENTITY_RE.lastIndex = i;
      const m = ENTITY_RE.exec(raw);
      const dec = m ? decodeEntity(m[1]) : null;
      if (m && dec !== null) { push(dec.normalize('NFKC'), i, i + m[0].length); i += m[0].length; markup = true; continue; }
    } else if (code === 0x3c /* < */) {
      TAG_RE.lastIndex = i;
      const m = TAG_RE.exec(raw);
      if (m) { if (BLOCK_TAGS.has(m[1].toLowerCase())) push('\n', i, i + m[0].length); i += m[0].length; markup = true; continue; }
    } else if (code === 0x5c /* \ */) {
      const next = raw[i + 1];
      if (next === '\\') { push('\\\\', i, i + 2); i += 2; continue; }
      if (next !== undefined && MD_ESCAPABLE.has(next)) { push(next, i, i + 2); i += 2; markup = true; continue; }
    } else if (code === 0x2a /* * */ && raw.charCodeAt(i + 1) === 0x2a) {
      i += 2; markup = true; continue; // bold markers
    } else if (code === 0x60 /* ` */) {
      i += 1; continue; // inline code markers
    }
    if (code < 0x80) {
      push(code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d ? ' ' : raw[i], i, i + 1);
      i += 1;
      continue;
    }
    const cp = raw.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = raw.slice(i, i + len);
    const direct = CHAR_FOLD[ch];
    push(direct !== undefined ? direct : ch.normalize('NFKC'), i, i + len);
    i += len;
  }
  return { s: out.join(''), from, to, markup };
}

/** Folds until stable (entities can spell tags or entities), composing offset maps. */
export function foldText(raw: string): Folded {
  let cur = foldOnce(raw.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')));
  // Only decoded markup can spell new markup; plain text is stable after one pass.
  for (let pass = 0; pass < 4 && cur.markup; pass++) {
    const next = foldOnce(cur.s);
    if (next.s === cur.s) break;
    const prev = cur;
    cur = { s: next.s, from: next.from.map((x) => prev.from[x] ?? raw.length), to: next.to.map((x) => prev.to[x - 1] ?? raw.length), markup: next.markup };
  }
  return { s: cur.s, from: cur.from, to: cur.to };
}
