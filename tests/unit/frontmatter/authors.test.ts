import { describe, expect, it } from 'vitest';
import { normalizeAuthors } from '../../../src/core/frontmatter/authors';

describe('normalizeAuthors', () => {
  it('reads author then ms.author', () => {
    expect(normalizeAuthors({ author: 'writer-one', 'ms.author': 'wone' })).toEqual(['writer-one', 'wone']);
  });

  it('drops duplicates case-insensitively', () => {
    expect(normalizeAuthors({ author: 'Writer', 'ms.author': 'writer' })).toEqual(['Writer']);
  });

  it('reads lists, comma strings, odd key spellings (exact spelling first) and trims', () => {
    expect(normalizeAuthors({ Author: ' a1 ', 'ms author': 'b2, c3;d4', 'ms.author': ['e5', ['f6']] })).toEqual(['a1', 'e5', 'f6', 'b2', 'c3', 'd4']);
  });

  it('leaves no space after a stripped @ (found by the front-matter property test)', () => {
    expect(normalizeAuthors({ author: ['@ !', '@  writer '] })).toEqual(['!', 'writer']);
    expect(normalizeAuthors({ author: '@' })).toEqual([]);
  });

  it.each([{}, { author: null }, { author: '' }, { author: { name: 'x' } }, { 'ms.reviewer': 'rev' }])('gives no authors for %j', (data) => {
    expect(normalizeAuthors(data)).toEqual([]);
  });
});
