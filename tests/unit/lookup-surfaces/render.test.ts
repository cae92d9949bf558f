import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../../src/core/lookup/types';
import { excerptSpan, highlightSegments, renderLookup, sectionHref, urlWithQuery, type VNode } from '../../../src/browser/lookup-render';

const HOSTILE = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;

function result(over: Partial<LookupResult> = {}): LookupResult {
  return {
    url: '/widgets/spindle-jam/', title: 'Spindle jam <b>bold</b>', source: 'widgets/spindle-jam.md',
    summary: 'The spindle <i>stops</i> turning.', score: 0.91, confident: true,
    matched: { text: `Spindle SP-9 jammed at ${HOSTILE}`, anchor: 'symptoms', section: 'Symptoms' },
    pasteMatches: [], variables: [], errorIndex: 0, ...over,
  };
}

/** Every node of the tree, depth first. */
function walk(nodes: VNode[]): VNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
}
const allText = (nodes: VNode[]) => walk(nodes).map((n) => n.text ?? '').join('');

describe('renderLookup (pure tree, never HTML)', () => {
  const paste = `Hello,\nERROR Spindle SP-9 jammed at ${HOSTILE}\nThanks`;
  const start = paste.indexOf('Spindle');
  const view = renderLookup(paste, [result({ pasteMatches: [{ start, end: start + 14 }], variables: [{ type: 'quoted', value: '"alert(1)"' }] })]);
  const nodes = walk(view.nodes);

  it('carries user and article text only as text, never as elements', () => {
    expect(nodes.some((n) => ['img', 'script', 'b', 'i'].includes(n.tag))).toBe(false);
    expect(allText(view.nodes)).toContain(HOSTILE.slice(0, 20));
    expect(allText(view.nodes)).toContain('Spindle jam <b>bold</b>');
    for (const n of nodes) expect(Object.keys(n).sort().every((k) => ['attrs', 'children', 'tag', 'text'].includes(k))).toBe(true);
  });

  it('only emits site-relative links, to the matched section', () => {
    const hrefs = nodes.map((n) => n.attrs?.href).filter((h): h is string => !!h);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith('/') && !h.startsWith('//')).toBe(true);
    expect(hrefs).toContain('/widgets/spindle-jam/#symptoms');
  });

  it('highlights the matched part of the paste with <mark> and marks variables', () => {
    const marks = nodes.filter((n) => n.tag === 'mark').map((n) => n.text);
    expect(marks).toEqual(['Spindle SP-9 j']);
    expect(nodes.some((n) => n.attrs?.class === 'lk-var' && n.text === '"alert(1)"')).toBe(true);
  });

  it('reports a count and the confident state in the status line', () => {
    expect(view.status).toMatch(/^1 article found; 1 confident match\.$/);
  });

  it('links the cause and the solution when known', () => {
    const v = renderLookup(paste, [result()], new Map([['/widgets/spindle-jam/', { cause: { anchor: 'cause', title: 'Cause' }, solution: { anchor: 'fix-it', title: 'Resolution' } }]]));
    const hrefs = walk(v.nodes).map((n) => n.attrs?.href);
    expect(hrefs).toContain('/widgets/spindle-jam/#cause');
    expect(hrefs).toContain('/widgets/spindle-jam/#fix-it');
  });

  it('says so honestly when nothing is confident, and when nothing matches', () => {
    const unsure = renderLookup('x y z', [result({ confident: false, score: 0.3 })]);
    expect(unsure.status).toContain('no confident match');
    expect(walk(unsure.nodes).some((n) => n.attrs?.class === 'lk-unsure')).toBe(true);
    expect(walk(unsure.nodes).some((n) => n.attrs?.class === 'lk-badge lk-confident')).toBe(false);
    const none = renderLookup('x y z', []);
    expect(none.status).toBe('No article matches this error.');
    expect(renderLookup('   ', []).nodes).toEqual([]);
  });

  it('groups the results of several errors in one paste', () => {
    const v = renderLookup('a\n\nb', [result(), result({ url: '/b/', errorIndex: 1, confident: false }), result({ url: '/c/', errorIndex: 1, confident: false })]);
    const groups = v.nodes.filter((n) => n.tag === 'section');
    expect(groups).toHaveLength(2);
    expect(walk([groups[1]]).filter((n) => n.tag === 'li' && /^lk-result\b/.test(n.attrs?.class ?? ''))).toHaveLength(2);
    expect(v.status).toContain('for 2 errors');
  });
});

describe('helpers', () => {
  it('excerptSpan covers the lines of the matches, capped in length', () => {
    const p = 'one\ntwo three\nfour\nfive\nsix\nseven\neight';
    expect(excerptSpan(p, [{ start: 4, end: 7 }])).toEqual({ start: 4, end: 13 });
    const long = excerptSpan(p, [{ start: 4, end: 7 }, { start: p.length - 2, end: p.length }])!;
    expect(p.slice(long.start, long.end).split('\n')).toHaveLength(4);
    expect(excerptSpan(p, [])).toBeNull();
  });

  it('highlightSegments rebuilds the text exactly', () => {
    const text = 'Access to C:\\data was denied';
    const segs = highlightSegments(text, 100, [{ start: 100, end: 106 }, { start: 118, end: 128 }], [{ type: 'windows-path', value: 'C:\\data' }]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.kind === 'match').map((s) => s.text)).toEqual(['Access', ' was denied'.slice(1)]);
    expect(segs.find((s) => s.kind === 'var')).toEqual({ text: 'C:\\data', kind: 'var', type: 'windows-path' });
  });

  it('sectionHref refuses links that leave the site', () => {
    expect(sectionHref('https://evil.example/', 'x')).toBe('/#x');
    expect(sectionHref('//evil.example/', null)).toBe('/');
    expect(sectionHref('/a/', 'sec tion')).toBe('/a/#sec%20tion');
  });

  it('urlWithQuery keeps ?q= in sync and drops it when empty or huge', () => {
    expect(urlWithQuery('https://kb.example/lookup/', 'Error 5 & "x"')).toBe('/lookup/?q=Error+5+%26+%22x%22');
    expect(urlWithQuery('https://kb.example/lookup/?q=old', '  ')).toBe('/lookup/');
    expect(urlWithQuery('https://kb.example/lookup/?q=old', 'x'.repeat(5000))).toBe('/lookup/');
    expect(new URL(urlWithQuery('https://kb.example/lookup/', 'a\nb'), 'https://kb.example').searchParams.get('q')).toBe('a\nb');
  });
});

describe('page script', () => {
  it('never assigns HTML', () => {
    const dir = path.resolve(import.meta.dirname, '../../../src/browser');
    for (const f of ['lookup-page.ts', 'lookup-render.ts']) {
      const code = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
    }
  });
});
