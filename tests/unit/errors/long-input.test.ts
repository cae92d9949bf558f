import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenizeErrorText } from '../../../src/core/errors/normalize';
import { scanWindows, SCAN_WINDOW } from '../../../src/core/errors/scan-windows';

describe('long input', () => {
  it('cuts text into windows no longer than the scan window, covering every character but the cut spaces', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20_000 }), fc.integer({ min: 16, max: 4096 }), (text, size) => {
      const w = scanWindows(text, size);
      let covered = 0;
      let prev = 0;
      for (const [a, b] of w) {
        expect(b - a).toBeLessThanOrEqual(size);
        expect(a).toBeGreaterThanOrEqual(prev);
        for (let i = prev; i < a; i++) expect(text[i] === '\n' || text[i] === ' ').toBe(true);
        covered += b - a;
        prev = b;
      }
      expect(covered + (text.length - prev)).toBeLessThanOrEqual(text.length);
      expect(prev).toBe(text.length);
    }), { numRuns: 60 });
  });

  it('masks every value of a long one-line log as it masks each record alone', () => {
    const record = (i: number) => `2024-03-0${(i % 9) + 1}T10:11:12Z host${i}.contoso.com 10.0.${i % 250}.${i % 200} {0c1f3a5e-8b2d-4e6f-9a1b-2c3d4e5f6a7${i % 10}} failed with 0x80070005.`;
    const n = 400;
    const long = 'Sync run: ' + Array.from({ length: n }, (_, i) => record(i)).join(' ');
    expect(long.length).toBeGreaterThan(SCAN_WINDOW * 10);
    const all = tokenizeErrorText(long);
    const count = (type: string) => all.masked.filter((m) => m.type === type).length;
    for (const type of ['timestamp', 'host', 'ipv4', 'guid']) expect(count(type)).toBe(n);
    expect(all.identifiers).toEqual(['0x80070005']);
  });
});
