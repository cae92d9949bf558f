import { describe, expect, it } from 'vitest';
import { quietRouteLines } from '../../../src/build/quiet-routes';

function fakeStream() {
  const written: string[] = [];
  const stream = { isTTY: false, write: (c: string) => { written.push(c); return true; } } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('quietRouteLines', () => {
  it('counts Astro\'s per-page lines instead of printing them, and lets every other line through', () => {
    const { stream, written } = fakeStream();
    const logged: string[] = [];
    const quiet = quietRouteLines((l) => logged.push(l), stream);
    stream.write('\x1b[2m09:04:50\x1b[22m \x1b[32m▶\x1b[39m src/pages/[...slug].astro\n');
    stream.write('09:04:50   ├─ /a/index.html');
    stream.write(' \x1b[2m(+12ms)\x1b[22m \n');
    stream.write('09:04:50   └─ /b/index.html (+3ms) \n');
    stream.write('09:04:51 [kb-site] KB: something worth reading\n');
    stream.write('09:04:51   ├─ /c/index.html');
    stream.write(' (+4ms) (file not created, response body was empty)\n');
    expect(quiet.restore()).toBe(3);
    expect(written).toEqual(['09:04:51 [kb-site] KB: something worth reading\n']);
    expect(logged.at(-1)).toMatch(/^KB: pages written: 3 done in/);
    // Restored: nothing is filtered any more.
    stream.write('09:05:00   ├─ /d/index.html\n');
    expect(written.at(-1)).toBe('09:05:00   ├─ /d/index.html\n');
  });

  it('never swallows a timing-like line that follows no route', () => {
    const { stream, written } = fakeStream();
    const quiet = quietRouteLines(() => {}, stream);
    stream.write(' (+5ms) \n');
    quiet.restore();
    expect(written).toEqual([' (+5ms) \n']);
  });
});
