/** Two clean builds of the same content give byte-identical dist/ trees (issue 6). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site';
import { listFiles } from './html-scan';

function digests(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

describe('deterministic output', () => {
  it('two clean builds of the sample site (own caches, outDirs, time zones, worker counts) are byte-identical', () => {
    const content = path.join(projectRoot, 'content');
    const first = buildSite(content);
    expect(first.status, first.output.slice(-2000)).toBe(0);
    // The second build differs in everything that must not matter: time zone, locale, parallelism.
    const second = buildSite(content, { env: { TZ: 'Pacific/Kiritimati', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8', KB_WORKERS: '1' } });
    expect(second.status, second.output.slice(-2000)).toBe(0);
    expect(first.outDir).not.toBe(second.outDir);
    const a = digests(first.outDir);
    const b = digests(second.outDir);
    const differences = [...new Set([...a.keys(), ...b.keys()])]
      .sort()
      .filter((f) => a.get(f) !== b.get(f))
      .map((f) => `${f}: ${a.has(f) ? a.get(f)!.slice(0, 12) : 'missing'} vs ${b.has(f) ? b.get(f)!.slice(0, 12) : 'missing'}`);
    console.log(`determinism: ${a.size} files compared, ${differences.length} differ`);
    expect(a.size).toBeGreaterThan(50);
    expect(differences).toEqual([]);
  }, 900_000);
});
