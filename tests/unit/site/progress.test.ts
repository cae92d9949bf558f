import { describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../../src/build/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('rewrites one line with count, rate and ETA on a terminal', () => {
    const prevCI = process.env.CI;
    delete process.env.CI;
    const { writes, stream } = fakeStream(true);
    const lines: string[] = [];
    const p = createProgress('parsing articles', 10, (l) => lines.push(l), stream);
    p.tick(10);
    p.end();
    process.env.CI = prevCI;
    expect(writes.some((w) => /^\r\x1b\[2Kparsing articles 10\/10 \(\d+\/s, ETA 0s\)$/.test(w))).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/^parsing articles 10\/10 done in [\d.]+s$/)]);
  });

  it('prints plain periodic lines when not on a terminal', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const { writes, stream } = fakeStream(false);
    const lines: string[] = [];
    const p = createProgress('indexing', 100, (l) => lines.push(l), stream);
    vi.advanceTimersByTime(6000);
    p.tick(40);
    p.tick(41);
    vi.advanceTimersByTime(6000);
    p.tick(90);
    p.end();
    vi.useRealTimers();
    expect(writes).toEqual([]);
    expect(lines.map((l) => l.split(' (')[0])).toEqual(['indexing 40/100', 'indexing 90/100', 'indexing 90/100 done in 12.0s']);
  });
});
