/**
 * Pure rendering of lookup results into a tree of plain objects. No DOM here:
 * `lookup-page.ts` turns the tree into elements with `textContent` only, so
 * pasted or article text can never become markup. Tested in tests/unit/lookup-surfaces.
 */
import type { LookupResult } from '../core/lookup/types';
import type { FixLinks } from '../core/lookup/section-links';

export type { FixLinks };

/** An element: tag, a few safe attributes, and either text or children. Never HTML. */
export interface VNode {
  tag: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: VNode[];
}


export interface Segment { text: string; kind: 'plain' | 'match' | 'var'; type?: string }

export interface RenderedLookup {
  /** One sentence for the aria-live status line. */
  status: string;
  nodes: VNode[];
}

const el = (tag: string, attrs: Record<string, string> | null, ...children: Array<VNode | string | null | false>): VNode => {
  const kids = children.filter((c): c is VNode | string => c !== null && c !== false);
  const node: VNode = { tag };
  if (attrs) node.attrs = attrs;
  if (kids.length === 1 && typeof kids[0] === 'string') node.text = kids[0];
  else if (kids.length) node.children = kids.map((k) => (typeof k === 'string' ? { tag: '#text', text: k } : k));
  return node;
};

const MAX_EXCERPT_LINES = 4;
const MAX_LINE = 240;

/** The lines of the paste holding the matched ranges (at most a few), as [start, end) in the paste. */
export function excerptSpan(paste: string, ranges: Array<{ start: number; end: number }>): { start: number; end: number } | null {
  if (!ranges.length) return null;
  const first = Math.min(...ranges.map((r) => r.start));
  const last = Math.max(...ranges.map((r) => r.end));
  const start = paste.lastIndexOf('\n', first - 1) + 1;
  let end = paste.indexOf('\n', last);
  if (end < 0) end = paste.length;
  // Keep the excerpt short: cut after MAX_EXCERPT_LINES lines from the first match.
  let cut = start;
  for (let i = 0; i < MAX_EXCERPT_LINES; i++) {
    const nl = paste.indexOf('\n', cut);
    if (nl < 0 || nl >= end) return { start, end };
    cut = nl + 1;
  }
  return { start, end: cut - 1 };
}

/**
 * Splits `text` (which starts at `offset` in the paste) into plain, matched and
 * variable segments. Matches win over variables; variables are found by value.
 */
export function highlightSegments(text: string, offset: number, ranges: Array<{ start: number; end: number }>, variables: Array<{ type: string; value: string }>): Segment[] {
  const kind: Array<Segment['kind']> = new Array(text.length).fill('plain');
  const type: Array<string | undefined> = new Array(text.length).fill(undefined);
  for (const v of variables) {
    if (!v.value) continue;
    for (let i = text.indexOf(v.value); i >= 0; i = text.indexOf(v.value, i + v.value.length)) {
      for (let k = i; k < i + v.value.length; k++) { kind[k] = 'var'; type[k] = v.type; }
    }
  }
  for (const r of ranges) {
    for (let k = Math.max(0, r.start - offset); k < Math.min(text.length, r.end - offset); k++) if (kind[k] !== 'var') kind[k] = 'match';
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.kind === kind[i] && last.type === type[i]) last.text += text[i];
    else out.push(type[i] ? { text: text[i], kind: kind[i], type: type[i] } : { text: text[i], kind: kind[i] });
  }
  return out;
}

function clipLines(s: string): string {
  return s.split('\n').map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE - 1) + '…' : l)).join('\n');
}

/** Site-relative link to a section of an article; anything not site-relative is refused. */
export function sectionHref(url: string, anchor: string | null | undefined): string {
  const safe = url.startsWith('/') && !url.startsWith('//') ? url : '/';
  return anchor ? `${safe}#${encodeURIComponent(anchor)}` : safe;
}

function pasteExcerpt(paste: string, r: LookupResult): VNode | null {
  const span = excerptSpan(paste, r.pasteMatches);
  if (!span) return null;
  const text = clipLines(paste.slice(span.start, span.end));
  const segs = highlightSegments(text, span.start, r.pasteMatches, r.variables);
  return el('div', { class: 'lk-excerpt' },
    el('p', { class: 'lk-label' }, 'Matched in your paste'),
    el('pre', { class: 'lk-paste' }, el('code', null, ...segs.map((s) =>
      s.kind === 'match' ? el('mark', null, s.text)
        : s.kind === 'var' ? el('span', { class: 'lk-var', title: `variable: ${s.type}` }, s.text)
          : s.text))));
}

function resultNode(paste: string, r: LookupResult, rank: number, fix: FixLinks | undefined): VNode {
  const href = r.matched ? sectionHref(r.url, r.matched.anchor) : r.url;
  const badge = r.confident
    ? el('span', { class: 'lk-badge lk-confident' }, 'Confident match')
    : el('span', { class: 'lk-badge lk-possible' }, 'Possible match');
  const fixLinks: VNode[] = [];
  if (fix?.cause) fixLinks.push(el('li', null, el('a', { href: sectionHref(r.url, fix.cause.anchor), class: 'lk-cause' }, `Cause: ${fix.cause.title}`)));
  if (fix?.solution) fixLinks.push(el('li', null, el('a', { href: sectionHref(r.url, fix.solution.anchor), class: 'lk-solution' }, `Solution: ${fix.solution.title}`)));
  const vars = r.variables.slice(0, 12);
  return el('li', { class: `lk-result${r.confident ? ' is-confident' : ''}`, 'data-source': r.source },
    el('div', { class: 'lk-head' },
      el('span', { class: 'lk-rank' }, `${rank}.`),
      el('a', { class: 'lk-title', href }, r.title),
      badge,
      el('span', { class: 'lk-score', title: 'Match score, 0 to 1' }, `score ${r.score.toFixed(2)}`)),
    r.summary ? el('p', { class: 'lk-summary' }, r.summary) : null,
    r.matched
      ? el('div', { class: 'lk-message' },
        el('p', { class: 'lk-label' }, 'Documented message', r.matched.section ? el('span', null, ` in section “${r.matched.section}”`) : null),
        el('blockquote', null, clipLines(r.matched.text)))
      : null,
    pasteExcerpt(paste, r),
    vars.length
      ? el('p', { class: 'lk-vars' }, 'Treated as variables: ', ...vars.map((v) => el('code', { class: 'lk-var', title: v.type }, `${v.type}: ${v.value.length > 60 ? v.value.slice(0, 59) + '…' : v.value}`)))
      : null,
    el('ul', { class: 'lk-links' },
      el('li', null, el('a', { href, class: 'lk-goto' }, r.matched?.section ? `Go to “${r.matched.section}”` : 'Open the article')),
      ...fixLinks),
  );
}

/** Results → status sentence and nodes. Several errors in one paste get one group each. */
export function renderLookup(paste: string, results: LookupResult[], fixes: ReadonlyMap<string, FixLinks> = new Map()): RenderedLookup {
  if (!paste.trim()) return { status: '', nodes: [] };
  if (results.length === 0) {
    return {
      status: 'No article matches this error.',
      nodes: [el('div', { class: 'lk-empty' },
        el('p', null, 'No article documents this error.'),
        el('p', null, 'Try pasting the complete error line, or search the site with its key words.'))],
    };
  }
  const groups = new Map<number, LookupResult[]>();
  for (const r of results) groups.set(r.errorIndex, [...(groups.get(r.errorIndex) ?? []), r]);
  const confident = results.filter((r) => r.confident).length;
  const nodes: VNode[] = [];
  const several = groups.size > 1;
  [...groups.keys()].sort((a, b) => a - b).forEach((g, gi) => {
    const list = groups.get(g)!;
    const any = list.some((r) => r.confident);
    const children: VNode[] = [];
    if (several) children.push(el('h2', { class: 'lk-group-title' }, `Error ${gi + 1} of ${groups.size}`));
    if (!any) children.push(el('p', { class: 'lk-unsure' }, 'No confident match: no article clearly documents this error. The closest articles are listed below; check their messages against yours.'));
    children.push(el('ol', { class: 'lk-results' }, ...list.map((r, i) => resultNode(paste, r, i + 1, fixes.get(r.url)))));
    nodes.push(el('section', { class: 'lk-group', 'aria-label': several ? `Error ${gi + 1}` : 'Results' }, ...children));
  });
  const n = results.length;
  const status = `${n} article${n === 1 ? '' : 's'} found${several ? ` for ${groups.size} errors` : ''}; ${confident ? `${confident} confident match${confident === 1 ? '' : 'es'}` : 'no confident match'}.`;
  return { status, nodes };
}

/** The paste kept in the URL so a lookup can be shared; very long pastes are not. */
export const MAX_QUERY_IN_URL = 2000;
export function urlWithQuery(href: string, paste: string): string {
  const u = new URL(href);
  if (paste.trim() && paste.length <= MAX_QUERY_IN_URL) u.searchParams.set('q', paste);
  else u.searchParams.delete('q');
  return u.pathname + u.search + u.hash;
}
