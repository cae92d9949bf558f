import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginInPlace } from '../../../src/build/out-dir';

function site(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-outdir-')), 'dist');
  for (const f of ['a/b/index.html', 'gone/index.html', 'pagefind/old.pf', '.git/HEAD', 'keep.txt']) {
    fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    fs.writeFileSync(path.join(out, f), 'old');
  }
  // An earlier build's files: older than any file this test writes after beginInPlace.
  const past = new Date(Date.now() - 60_000);
  for (const f of ['a/b/index.html', 'gone/index.html', 'pagefind/old.pf', '.git/HEAD', 'keep.txt']) fs.utimesSync(path.join(out, f), past, past);
  return out;
}

describe('beginInPlace', () => {
  it('keeps what the build wrote over, removes what it did not write, and leaves no empty folders', () => {
    const out = site();
    const build = beginInPlace(out)!;
    expect(build).not.toBeNull();
    fs.writeFileSync(path.join(out, 'a/b/index.html'), 'new page');
    fs.writeFileSync(path.join(out, 'keep.txt'), 'rewritten');
    fs.mkdirSync(path.join(out, 'c'));
    fs.writeFileSync(path.join(out, 'c/index.html'), 'added');
    expect(build.prune(['pagefind'])).toBe(1);
    const left = fs.readdirSync(out, { recursive: true }).map(String).sort();
    expect(left).toEqual(['.git', '.git/HEAD', 'a', 'a/b', 'a/b/index.html', 'c', 'c/index.html', 'keep.txt', 'pagefind', 'pagefind/old.pf']);
    expect(fs.readFileSync(path.join(out, 'a/b/index.html'), 'utf8')).toBe('new page');
  });

  it('writes over the old files in place (same inode), which is the point of not emptying first', () => {
    const out = site();
    const before = fs.statSync(path.join(out, 'a/b/index.html')).ino;
    const build = beginInPlace(out)!;
    fs.writeFileSync(path.join(out, 'a/b/index.html'), 'new page');
    build.prune([]);
    expect(fs.statSync(path.join(out, 'a/b/index.html')).ino).toBe(before);
    expect(fs.existsSync(path.join(out, 'pagefind'))).toBe(false);
  });

  it('does nothing when there is no output yet', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-outdir-'));
    expect(beginInPlace(path.join(parent, 'missing'))).toBeNull();
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
