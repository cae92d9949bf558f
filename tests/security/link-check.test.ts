import { describe, expect, it } from 'vitest';
import { anchorsOf, checkLinks } from '../../src/core/link-check';

const pages = new Map([
  ['/a/', new Set(['intro', 'cause', 'résolution'])],
  ['/b/', new Set(['step-1'])],
]);

describe('checkLinks', () => {
  it('accepts links to published pages and existing anchors (also percent-encoded ones)', () => {
    expect(
      checkLinks(
        [
          { from: 'a.md', url: '/b/', anchor: null, line: 3 },
          { from: 'a.md', url: '/b/', anchor: 'step-1', line: 4 },
          { from: 'b.md', url: '/a/', anchor: 'r%C3%A9solution' },
        ],
        pages,
      ),
    ).toEqual([]);
  });

  it('reports a missing page as link-broken with file and line', () => {
    const d = checkLinks([{ from: 'a.md', url: '/gone/', anchor: 'x', line: 7 }], pages);
    expect(d).toEqual([expect.objectContaining({ file: 'a.md', line: 7, severity: 'warning', code: 'link-broken' })]);
    expect(d[0].reason).toContain('/gone/#x');
  });

  it('reports a missing anchor as anchor-broken, once per line', () => {
    const link = { from: 'b.md', url: '/a/', anchor: 'Cause', line: 2 };
    const d = checkLinks([link, link, { ...link, line: 9 }], pages);
    expect(d.map((x) => [x.code, x.line])).toEqual([
      ['anchor-broken', 2],
      ['anchor-broken', 9],
    ]);
    expect(d[0].reason).toContain('"Cause"');
  });

  it('leaves the line out when it is unknown', () => {
    expect(checkLinks([{ from: 'a.md', url: '/zz/', anchor: null }], pages)[0]).not.toHaveProperty('line');
  });
});

describe('anchorsOf', () => {
  it('collects section anchors, heading anchors and ids kept in the HTML', () => {
    const got = anchorsOf({
      sections: [
        { anchor: 'intro', title: '', depth: 1, role: 'intro', parent: null, html: '<p><a id="custom&#x26;one"></a></p>', text: '', aliases: [] },
        { anchor: 'cause', title: 'Cause', depth: 2, role: 'cause', parent: null, html: '<h3 id="inner">x</h3>', text: '', aliases: ['old-cause'] },
      ],
      headings: [{ depth: 2, text: 'Cause', anchor: 'cause' }, { depth: 4, text: 'Tab', anchor: 'tab' }],
    });
    expect([...got].sort()).toEqual(['cause', 'custom&one', 'inner', 'intro', 'old-cause', 'tab']);
  });
});
