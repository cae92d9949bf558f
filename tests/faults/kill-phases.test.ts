/**
 * A build killed at any phase (parsing, rendering, search indexing, lookup indexing), after edits
 * that are then reverted, is followed by a build whose site equals, byte for byte, a clean build
 * of the same source. The kill comes from the build's own fault hook (src/build/fault-hooks.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, siteDigests } from '../helpers/build-site';
import type { FaultPoint } from '../../src/build/fault-hooks';


/** Articles edited before the killed build and reverted after it: prose, an error message and a title. */
const EDITS: Array<[string, (text: string) => string]> = [
  ['sql-server/login-failed-error-18456.md', (t) => t.replace(/\n## /, '\n\nA paragraph only the edit has: quasar flux.\n\n## ')],
  ['windows-server/dfsr-no-inbound-partners.md', (t) => t.replace('title: DFS Replication health report lists no inbound partners for a member', 'title: DFS Replication shows no partners (edited)')],
  ['windows-server/iis-http-error-500-19-0x8007000d.md', (t) => t.replace(/0x8007000d/g, '0x80070021')],
];

let cleanDigests: Record<string, string>;

describe('a build killed at each phase', () => {
  beforeAll(() => {
    const clean = buildSite(path.join(projectRoot, 'content'));
    expect(clean.status, clean.output.slice(-2000)).toBe(0);
    cleanDigests = siteDigests(clean.outDir);
  }, 300_000);

  const phases: FaultPoint[] = ['parse', 'render', 'search-index', 'lookup-index'];
  it.each(phases)('killed while %s runs, edits reverted: the next build equals a clean build', (phase) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `kb-kill-${phase}-`));
    const content = path.join(work, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    const outDir = path.join(work, 'dist');
    const env = { KB_CACHE_DIR: path.join(work, 'cache') };
    expect(buildSite(content, { env, outDir }).status).toBe(0);

    const originals = EDITS.map(([file, edit]) => {
      const p = path.join(content, file);
      const text = fs.readFileSync(p, 'utf8');
      expect(edit(text), file).not.toBe(text);
      fs.writeFileSync(p, edit(text));
      return [p, text] as const;
    });
    const killed = buildSite(content, { env: { ...env, KB_FAULT_KILL_AT: phase }, outDir });
    expect(killed.status, `the build was not killed at ${phase}:\n${killed.output.slice(-1500)}`).toBeNull();

    for (const [p, text] of originals) fs.writeFileSync(p, text);
    const after = buildSite(content, { env, outDir });
    expect(after.status, after.output.slice(-2000)).toBe(0);
    expect(siteDigests(outDir)).toEqual(cleanDigests);
  }, 300_000);
});

describe('cache files damaged on disk without a change of size', () => {
  it('are made again from the source when read, with a warning, and the site equals a clean build', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-damaged-'));
    const content = path.join(work, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    const outDir = path.join(work, 'dist');
    const cache = path.join(work, 'cache');
    const first = buildSite(content, { env: { KB_CACHE_DIR: cache }, outDir });
    expect(first.status).toBe(0);
    const entries = (JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8')) as { articles: Array<{ source: string; url: string; modelFile: string; errorMessages: number }> }).articles;
    const [a, b] = entries.filter((e) => e.errorMessages > 0 && !EDITS.some(([f]) => f === e.source));
    const scramble = (file: string) => {
      const p = path.join(cache, file);
      const size = fs.statSync(p).size;
      fs.writeFileSync(p, crypto.randomBytes(size));
    };
    scramble(a.modelFile);
    scramble(b.modelFile.replace(/\.model\.json$/, '.lookup.json'));
    scramble(b.modelFile.replace(/\.model\.json$/, '.terms.bin'));
    // Generated code kept in the cache, one byte changed: the lookup module and the search index's worker bundle.
    for (const name of fs.readdirSync(cache).filter((n) => /^(?:lookup-module-.*\.js|pagefind-worker-.*\.mjs)$/.test(n))) {
      const code = fs.readFileSync(path.join(cache, name));
      code[Math.floor(code.length / 2)] ^= 0x01;
      fs.writeFileSync(path.join(cache, name), code);
    }
    // One byte of a search document changed: still the same size and still HTML, caught by its digest.
    const doc = path.join(cache, b.modelFile.replace(/\.model\.json$/, '.search.html'));
    const html = fs.readFileSync(doc);
    html[html.length - 8] ^= 0x20;
    fs.writeFileSync(doc, html);
    // A's page is rendered again (edited by hand); an edit to another article's error message rebuilds both indexes.
    fs.writeFileSync(path.join(outDir, a.url, 'index.html'), 'edited by hand');
    const [file, edit] = EDITS[2];
    fs.writeFileSync(path.join(content, file), edit(fs.readFileSync(path.join(content, file), 'utf8')));

    const repaired = buildSite(content, { env: { KB_CACHE_DIR: cache }, outDir });
    expect(repaired.status, repaired.output.slice(-2000)).toBe(0);
    expect(repaired.output).toContain(`KB: ${a.source}: its cached model could not be read`);
    expect(repaired.output).toContain(`KB: ${b.source}: its cached lookup input could not be read`);
    expect(repaired.output).toContain(`${b.source}: its cached terms could not be read`);
    expect(repaired.output).toContain(`KB: ${b.source}: its cached search document could not be read`);
    const clean = buildSite(content);
    expect(clean.status).toBe(0);
    expect(siteDigests(outDir)).toEqual(siteDigests(clean.outDir));
  }, 300_000);
});
