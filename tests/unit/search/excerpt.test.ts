import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptSegments } from '../../../src/core/search/excerpt';

describe('excerptSegments', () => {
  it('keeps marks and text', () => {
    expect(excerptSegments('the <mark>access</mark> is <mark>denied</mark>.')).toEqual([
      { text: 'the ', mark: false },
      { text: 'access', mark: true },
      { text: ' is ', mark: false },
      { text: 'denied', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('drops every other tag and decodes entities into text', () => {
    const segs = excerptSegments('<img src=x onerror=alert(1)>a &lt;script&gt; <b>b</b> &amp; <mark>c</mark>');
    expect(segs.map((s) => s.text).join('')).toBe('a <script> b & c');
    expect(segs.find((s) => s.mark)?.text).toBe('c');
  });

  it('a bare < stays text', () => {
    expect(excerptSegments('a < b and 1<2')).toEqual([{ text: 'a < b and 1<2', mark: false }]);
  });

  it('never throws, and output holds no tag that came in as markup', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const segs = excerptSegments(s);
        for (const seg of segs) expect(typeof seg.text).toBe('string');
      }),
    );
    expect(excerptSegments(undefined as unknown as string)).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes numeric and named entities, leaves unknown ones', () => {
    expect(decodeEntities('&#x3C;a&#62; &quot;q&quot; &bogus;')).toBe('<a> "q" &bogus;');
  });
});
