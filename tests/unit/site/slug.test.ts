import { describe, expect, it } from 'vitest';
import { createSlugger, urlForSource } from '../../../src/core/slug';
import { areaPrefixes, countBy, taxonomySlug } from '../../../src/core/taxonomy';

describe('urlForSource', () => {
  it('is lower-case, drops the extension and keeps folders', () => {
    expect(urlForSource('Windows-Server/Networking/DNS_Fails.md')).toBe('/windows-server/networking/dns_fails/');
    expect(urlForSource('sql/Login Failed 18456.mdx')).toBe('/sql/login-failed-18456/');
  });
  it('maps folder index files to the folder and keeps leading underscores', () => {
    expect(urlForSource('intune/index.md')).toBe('/intune/');
    expect(urlForSource('intune/_draft-notes.md')).toBe('/intune/_draft-notes/');
  });
});

describe('createSlugger', () => {
  it('dedupes repeated headings within one article', () => {
    const s = createSlugger();
    expect([s.slug('Cause'), s.slug('Cause'), s.slug(''), s.slug('--')]).toEqual(['cause', 'cause-1', 'section', 'section-1']);
  });
});

describe('taxonomy', () => {
  it('slugs product names stably', () => {
    expect(taxonomySlug('Windows Server 2019, all editions')).toBe('windows-server-2019-all-editions');
    expect(taxonomySlug('???')).toBe('other');
  });
  it('expands area paths into every prefix', () => {
    expect(areaPrefixes([['Sharing', 'Links'], ['Sharing']]).sort()).toEqual(['Sharing', 'Sharing\\Links']);
  });
  it('counts most frequent first, ties by name', () => {
    const items = [{ k: ['b', 'a'] }, { k: ['a'] }, { k: ['c'] }];
    expect(countBy(items, (i) => i.k)).toEqual([
      { key: 'a', count: 2 },
      { key: 'b', count: 1 },
      { key: 'c', count: 1 },
    ]);
  });
});

describe('taxonomySlug length', () => {
  it('cuts very long names to a bounded, still-distinct segment', () => {
    const a = taxonomySlug('Visual Studio Premium 2010, '.repeat(12) + 'A');
    const b = taxonomySlug('Visual Studio Premium 2010, '.repeat(12) + 'B');
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).not.toBe(b);
    expect(taxonomySlug('Short name')).toBe('short-name');
  });
});
