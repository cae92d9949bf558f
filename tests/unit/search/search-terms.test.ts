import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../src/core/search/query-kind';
import { fullTextQueries, identifierTokens, spaceIdentifiers } from '../../../src/core/search/search-terms';

describe('identifierTokens', () => {
  it('gives hex codes with and without 0x', () => {
    expect(identifierTokens('Setup returned 0x80070005.')).toEqual(['0x80070005', '80070005']);
  });

  it('frees identifiers glued to other text', () => {
    const t = identifierTokens('hr=0x8007000D; status error:5.7.9 (HTTP 500.21)');
    expect(t).toEqual(expect.arrayContaining(['0x8007000d', '5.7.9', '500.21']));
  });

  it('spells KB numbers and sign-in codes both ways', () => {
    expect(identifierTokens('Install KB 5034441 before AADSTS50011 shows')).toEqual(expect.arrayContaining(['kb5034441', '5034441', 'aadsts50011', '50011']));
  });

  it('returns nothing for plain prose and bad input', () => {
    expect(identifierTokens('Restart the service and try again.')).toEqual([]);
    expect(identifierTokens(null as unknown as string)).toEqual([]);
  });

  it('is de-duplicated', () => {
    const t = identifierTokens('0x80070005 and again 0x80070005');
    expect(new Set(t).size).toBe(t.length);
  });
});

describe('spaceIdentifiers', () => {
  it('cuts identifiers out of punctuation', () => {
    expect(spaceIdentifiers('hr=0x8007000d;')).toBe('hr= 0x8007000d ;');
  });
  it('leaves plain words alone', () => {
    expect(spaceIdentifiers('  bitlocker   recovery ')).toBe('bitlocker recovery');
  });
});

describe('fullTextQueries', () => {
  const q = (text: string) => fullTextQueries(text, analyzeQuery(text));

  it('word queries run as typed', () => {
    expect(q('bitlocker recovery key loop')).toEqual(['bitlocker recovery key loop']);
  });

  it('a pasted error runs its identifiers alone, then its first words', () => {
    const paste = 'Sync failed with error 0x80072EE2 on host WKS042\nTrace ID: 3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const queries = q(paste);
    expect(queries[0]).toBe('0x80072ee2');
    expect(queries.at(-1)).toMatch(/^sync failed with error/);
    // Host names with digits are the user's, not the article's.
    expect(queries.join(' ')).not.toMatch(/wks042/i);
  });

  it('caps the identifier searches', () => {
    const paste = '0x80070001 0x80070002 0x80070003 0x80070004 0x80070005\nsecond line';
    expect(q(paste).filter((x) => /^0x/.test(x))).toHaveLength(3);
  });

  it('nothing for empty input', () => {
    expect(q('   ')).toEqual([]);
  });
});

describe('mentionsIdentifier', () => {
  it('matches the identifier, not longer codes that start with it', async () => {
    const { mentionsIdentifier } = await import('../../../src/core/search/search-terms');
    expect(mentionsIdentifier('Remote server returned 550 5.7.1 Unable to relay', '5.7.1')).toBe(true);
    expect(mentionsIdentifier('NDR 550 5.7.193 for groups', '5.7.1')).toBe(false);
    expect(mentionsIdentifier('Netlogon event 5719', '5.7.1')).toBe(false);
    expect(mentionsIdentifier('code 5.7.1.', '5.7.1')).toBe(true);
  });
  it('accepts other spellings of the same identifier', async () => {
    const { mentionsIdentifier } = await import('../../../src/core/search/search-terms');
    expect(mentionsIdentifier('failed with 80070005', '0x80070005')).toBe(true);
    expect(mentionsIdentifier('install KB 5034441 first', 'KB5034441')).toBe(true);
    expect(mentionsIdentifier('HTTP Error 500.19 - Internal', '500.19')).toBe(true);
    expect(mentionsIdentifier('HTTP Error 500.190', '500.19')).toBe(false);
  });
  it('isIdentifierQuery tells identifier searches from word searches', async () => {
    const { isIdentifierQuery } = await import('../../../src/core/search/search-terms');
    expect(isIdentifierQuery('0x80070005')).toBe(true);
    expect(isIdentifierQuery('5.7.1')).toBe(true);
    expect(isIdentifierQuery('sync failed with error')).toBe(false);
  });
});
