import { describe, expect, it } from 'vitest';
import { combineResults, fuseRankings } from '../../../src/core/search/combine';

describe('fuseRankings', () => {
  it('lifts items found by several lists', () => {
    expect(fuseRankings([['a', 'b', 'c'], ['c', 'd']])[0]).toBe('c');
  });
  it('keeps order for a single list and drops duplicates', () => {
    expect(fuseRankings([['x', 'y', 'x', 'z']])).toEqual(['x', 'y', 'z']);
  });
});

describe('combineResults', () => {
  const L = (url: string, confident: boolean) => ({ url, confident });
  const F = (url: string) => ({ url });

  it('confident lookup matches come first, marked', () => {
    const out = combineResults('error', [L('/b/', true)], [F('/a/'), F('/b/')]);
    expect(out.map((o) => [o.url, o.origin])).toEqual([
      ['/b/', 'lookup-confident'],
      ['/a/', 'fulltext'],
    ]);
    expect(out[0].fulltext).not.toBeNull();
  });

  it('uncertain lookup matches blend with full text for errors', () => {
    const out = combineResults('error', [L('/x/', false)], [F('/a/'), F('/b/')]);
    expect(out.map((o) => o.url)).toContain('/x/');
    expect(out.find((o) => o.url === '/x/')?.origin).toBe('lookup');
  });

  it('word queries keep full-text order first', () => {
    const out = combineResults('words', [L('/x/', false)], [F('/a/'), F('/b/')]);
    expect(out.map((o) => o.url)).toEqual(['/a/', '/b/', '/x/']);
  });

  it('no duplicates', () => {
    const out = combineResults('error', [L('/a/', true), L('/a/', false)], [F('/a/'), F('/a/')]);
    expect(out).toHaveLength(1);
  });
});
