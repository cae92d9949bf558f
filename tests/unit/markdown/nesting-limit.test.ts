import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics';
import { limitNesting, MAX_NESTING } from '../../../src/core/markdown/nesting-limit';
import { render } from './helpers';

const sink = () => new DiagnosticSink('a.md');
const depthOf = (html: string, tag: string) => {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(new RegExp(`<(/?)${tag}[\\s>]`, 'g'))) {
    depth += m[1] ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
};

describe('limitNesting', () => {
  it('leaves ordinary nesting alone and reports nothing', () => {
    const md = '- a\n  - b\n    - c\n\n> quote\n> > inner\n\n1. one\n   1. two\n';
    const s = sink();
    expect(limitNesting(md, s)).toBe(md);
    expect(s.items).toEqual([]);
  });

  it('flattens a 10,000-level one-line list to MAX_NESTING and reports the file line', () => {
    const s = sink();
    const out = limitNesting(`intro\n\n${'- '.repeat(10_000)}deep\n`, s, 5);
    expect(out.split('\n')).toHaveLength(4);
    expect(out.split('\n')[2]).toBe(`${'- '.repeat(MAX_NESTING)}deep`);
    expect(s.items).toMatchObject([{ code: 'nesting-too-deep', line: 8, severity: 'warning' }]);
  });

  it('caps indentation of deeply indented lists', () => {
    const md = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const out = limitNesting(md, sink());
    expect(Math.max(...out.split('\n').map((l) => l.length - l.trimStart().length))).toBeLessThanOrEqual(MAX_NESTING * 4);
    expect(out.split('\n').map((l) => l.trim())).toEqual(md.split('\n').map((l) => l.trim()));
  });

  it('does not touch fenced code', () => {
    const code = '```\n' + '> '.repeat(200) + 'x\n```\n';
    const s = sink();
    expect(limitNesting(code, s)).toBe(code);
    expect(s.items).toEqual([]);
  });

  it('parses 10,000 nested quotes and lists quickly, without a stack overflow, keeping the text', () => {
    const started = performance.now();
    const quotes = render(`${'>'.repeat(10_000)} deep quote text\n\n${'- '.repeat(5_000)}${'1. '.repeat(5_000)}deep list text\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(quotes.codes).toContain('nesting-too-deep');
    expect(quotes.codes).not.toContain('markdown-failed');
    expect(quotes.html).toContain('deep quote text');
    expect(quotes.html).toContain('deep list text');
    expect(depthOf(quotes.html, 'blockquote')).toBeLessThanOrEqual(MAX_NESTING);
    expect(depthOf(quotes.html, '[ou]l')).toBeLessThanOrEqual(MAX_NESTING);
  });
});
