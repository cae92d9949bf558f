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

  it('orders references by hash, then message, when they pack into one float', () => {
    expect(pairs(sortReferences(hashes, messages, 900), n)).toEqual(expected);
  });

  it('gives the same order past what packs exactly (a comparator sort)', () => {
    expect(pairs(sortReferences(hashes, messages, 2 ** 22), n)).toEqual(expected);
  });
});
