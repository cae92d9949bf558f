import { describe, expect, it } from 'vitest';
import { sortReferences } from '../../../src/core/lookup/build-index';

function pairs(refs: ReturnType<typeof sortReferences>, n: number): Array<[number, number]> {
  return Array.from({ length: n }, (_, i) => [refs.hash(i), refs.message(i)]);
}

describe('sortReferences', () => {
  // Full 32-bit hashes (above V8's small-integer range), repeats, and messages out of order.
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const n = 5000;
  const hashes = Uint32Array.from({ length: n }, () => (rand() < 0.3 ? 0xfffffff0 + Math.floor(rand() * 4) : Math.floor(rand() * 2 ** 32)));
  const messages = Int32Array.from({ length: n }, () => Math.floor(rand() * 900));
  const expected = Array.from({ length: n }, (_, i): [number, number] => [hashes[i], messages[i]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  it('orders references by hash, then message', () => {
    expect(pairs(sortReferences(hashes, messages, 900), n)).toEqual(expected);
  });

  it('gives the same order with message numbers past one 16-bit digit', () => {
    const wide = Int32Array.from(messages, (m) => m * 4099);
    const want = Array.from({ length: n }, (_, i): [number, number] => [hashes[i], wide[i]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(pairs(sortReferences(hashes, wide, 900 * 4099), n)).toEqual(want);
  });

  it("tells where each reference stood in the input, so what the input knows of it comes along", () => {
    const refs = sortReferences(hashes, messages, 900);
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const at = refs.index(i);
      seen.add(at);
      expect([hashes[at], messages[at]]).toEqual([refs.hash(i), refs.message(i)]);
    }
    expect(seen.size).toBe(n);
    // Stable: equal (hash, message) pairs keep their input order.
    for (let i = 1; i < n; i++) {
      if (refs.hash(i) === refs.hash(i - 1) && refs.message(i) === refs.message(i - 1)) expect(refs.index(i)).toBeGreaterThan(refs.index(i - 1));
    }
  });
});
