/**
 * A rebuild into an existing dist/ writes over it in place and prunes what it did not write: after
 * an article is deleted, another edited and a stray file dropped in, the site equals a clean build.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site';

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex').slice(0, 16);
  }
  return out;
}

describe('rebuild in place', () => {
  it('leaves the same site as a clean build of the changed content', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-inplace-'));
    const content = path.join(work, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    const outDir = path.join(work, 'dist');
    const env = { KB_CACHE_DIR: path.join(work, 'cache') };
    const first = buildSite(content, { env, outDir });
    expect(first.status, first.output.slice(-2000)).toBe(0);

    const [removed, edited] = first.report.articles.map((a) => a.source).sort().slice(0, 2);
    const removedUrl = first.report.articles.find((a) => a.source === removed)!.url;
    expect(first.exists(removedUrl)).toBe(true);
    fs.rmSync(path.join(content, removed));
    fs.appendFileSync(path.join(content, edited), '\n\nA sentence about quasar flux.\n');
    fs.writeFileSync(path.join(outDir, 'stray.html'), 'not from any build');
    const pageInode = fs.statSync(path.join(outDir, 'index.html')).ino;

    const second = buildSite(content, { env, outDir });
    expect(second.status, second.output.slice(-2000)).toBe(0);
    expect(second.output).toMatch(/removed \d+ files of the previous build/);
    expect(second.exists(removedUrl)).toBe(false);
    expect(fs.existsSync(path.join(outDir, 'stray.html'))).toBe(false);
    expect(fs.statSync(path.join(outDir, 'index.html')).ino).toBe(pageInode);

    const clean = buildSite(content);
    expect(clean.status, clean.output.slice(-2000)).toBe(0);
    expect(digests(outDir)).toEqual(digests(clean.outDir));
  }, 300_000);
});
