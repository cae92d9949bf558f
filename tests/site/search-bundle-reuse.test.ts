/**
 * An edit re-indexes only the Pagefind bundle that holds the edited article; the others come from
 * the cache, and the site is the same as a clean build of the edited content.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site';

function files(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, files(p, base));
    else out[path.relative(base, p)] = fs.readFileSync(p, 'base64');
  }
  return out;
}

describe('Pagefind bundles reused across builds', () => {
  it('rebuilds only the edited bundle, with the same result as a clean build', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bundles-'));
    const content = path.join(work, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    const env = { KB_PAGEFIND_CHUNK: '12', KB_CACHE_DIR: path.join(work, 'cache') };
    const first = buildSite(content, { env });
    expect(first.status, first.output.slice(-2000)).toBe(0);
    const stamps = path.join(work, 'cache/outputs/pagefind-bundles');
    const before = fs.readdirSync(stamps).map((n) => fs.statSync(path.join(stamps, n, 'stamp.json')).mtimeMs);
    expect(before).toHaveLength(3);

    const edited = fs.readdirSync(path.join(content, 'windows-server')).filter((f) => f.endsWith('.md')).sort()[0];
    fs.appendFileSync(path.join(content, 'windows-server', edited), '\n\nA sentence about quasar flux.\n');
    const second = buildSite(content, { env });
    expect(second.status, second.output.slice(-2000)).toBe(0);
    const after = fs.readdirSync(stamps).map((n) => fs.statSync(path.join(stamps, n, 'stamp.json')).mtimeMs);
    expect(after.filter((t, i) => t !== before[i])).toHaveLength(1);

    const clean = buildSite(content, { env: { KB_PAGEFIND_CHUNK: '12' } });
    expect(files(path.join(second.outDir, 'pagefind'))).toEqual(files(path.join(clean.outDir, 'pagefind')));
  }, 120_000);
});
