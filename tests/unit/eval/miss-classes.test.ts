import { describe, expect, it } from 'vitest';
import { classifyMiss, type MissFacts } from '../../../scripts/eval/miss-classes';

const base: MissFacts = { rank: 3, wantedCover: 0.6, topCover: 0.8, wantedUnfetched: 0, queryIdentifiers: 0, wantedIdentifiers: 0, topIdentifiers: 0, titleSimilarity: 0.1 };
const name = (f: Partial<MissFacts>) => classifyMiss({ ...base, ...f }).name;

describe('failure classes of a miss', () => {
  it('names the mechanism the facts point to', () => {
    expect(name({})).toBe('less of the query');
    expect(name({ wantedCover: 0.8 })).toBe('outranked at equal cover');
    expect(name({ wantedUnfetched: 0.3 })).toBe('words not fetched');
    expect(name({ wantedCover: 0.2 })).toBe('words not in the article');
    expect(name({ queryIdentifiers: 1, topIdentifiers: 1 })).toBe('identifier elsewhere');
  });
  it('puts a miss in the most specific class first', () => {
    // A near-duplicate title explains a miss whatever the covers say.
    expect(name({ titleSimilarity: 0.8, wantedCover: 0.1, queryIdentifiers: 1, topIdentifiers: 1 })).toBe('near-duplicate first');
    // The wanted article holding the identifier too is no identifier miss.
    expect(name({ queryIdentifiers: 1, topIdentifiers: 1, wantedIdentifiers: 1, wantedCover: 0.9 })).toBe('outranked at equal cover');
  });
});
