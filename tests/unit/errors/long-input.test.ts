import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenizeErrorText } from '../../../src/core/errors/normalize';
import { scanWindows, SCAN_WINDOW } from '../../../src/core/errors/scan-windows';
import { MASK_PATTERNS, maskMatches } from '../../../src/core/errors/masks';

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

  it('cuts 16 MB of one line without a break or a space in time linear in its length', () => {
    // Searched from each window to the line's end, this took over a minute.
    const text = 'a.'.repeat(8 << 20);
    const w = scanWindows(text);
    expect(w).toHaveLength(text.length / SCAN_WINDOW);
    expect(w.every(([a, b]) => b - a === SCAN_WINDOW)).toBe(true);
  });

  it('cuts where the straightforward search for the last space in the window cuts', () => {
    const reference = (text: string, size: number): Array<[number, number]> => {
      const out: Array<[number, number]> = [];
      for (let i = 0; i < text.length; ) {
        let end = text.indexOf('\n', i);
        if (end < 0) end = text.length;
        if (end - i > size) {
          const cut = text.lastIndexOf(' ', i + size);
          end = cut > i + size / 2 ? cut : i + size;
        }
        out.push([i, end]);
        i = end + (text[end] === '\n' || text[end] === ' ' ? 1 : 0);
      }
      return out;
    };
    const text = fc.stringMatching(/^[ a\n.]{0,3000}$/);
    fc.assert(fc.property(text, fc.integer({ min: 2, max: 300 }), (t, size) => {
      expect(scanWindows(t, size)).toEqual(reference(t, size));
    }), { numRuns: 200 });
  });

  it('runs the count-with-unit mask over 7.5 MB of a JSON byte array in time linear in its length', () => {
    // Tried from each comma of the array to its end, it took over a minute.
    const bytes = 'HttpRequestException: Response status code does not indicate success: 500\n[' + Array.from({ length: 2_200_000 }, (_, i) => String(i % 256)).join(',') + ']';
    const counts = MASK_PATTERNS.filter((p) => p.type === 'number');
    expect([...maskMatches(bytes, counts)]).toEqual([]);
    expect([...maskMatches('Copied 1,024 bytes in 30 seconds, 5,000ms each', counts)].map((m) => m.match[0])).toEqual(['1,024 bytes', '30 seconds', '5,000ms']);
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
