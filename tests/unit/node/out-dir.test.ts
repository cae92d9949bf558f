import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detachOutDir } from '../../../src/node/out-dir';

function site(): { parent: string; out: string } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-outdir-'));
  const out = path.join(parent, 'dist');
  fs.mkdirSync(path.join(out, 'a/b'), { recursive: true });
  fs.writeFileSync(path.join(out, 'a/b/index.html'), 'old page');
  return { parent, out };
}

describe('detachOutDir', () => {
  it('leaves an empty output directory at once and deletes the old files in the background', async () => {
    const { parent, out } = site();
    const removal = detachOutDir(out);
    expect(removal).not.toBeNull();
    expect(fs.readdirSync(out)).toEqual([]);
    await removal;
    expect(fs.readdirSync(parent)).toEqual(['dist']);
  });

  it('also deletes what an earlier build cut short left aside', async () => {
    const { parent, out } = site();
    fs.mkdirSync(path.join(parent, 'dist.kb-old-1-2/x'), { recursive: true });
    await detachOutDir(out);
    expect(fs.readdirSync(parent)).toEqual(['dist']);
  });

  it('leaves a directory holding .git to Astro, and does nothing when there is no directory', () => {
    const { parent, out } = site();
    fs.mkdirSync(path.join(out, '.git'));
    expect(detachOutDir(out)).toBeNull();
    expect(fs.existsSync(path.join(out, 'a/b/index.html'))).toBe(true);
    expect(detachOutDir(path.join(parent, 'missing'))).toBeNull();
  });
});
