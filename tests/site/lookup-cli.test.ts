/**
 * The lookup surfaces on a real build of the sample content: the published index
 * and module, the CLI (run with the system `node`, which may be older than the
 * build's), and the determinism of the index.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContentBuild } from '../../src/build/build-record';
import { writeLookupIndex } from '../../src/build/lookup-build';
import { openSiteLookup } from '../../bin/site-lookup.mjs';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

const CLI = path.join(projectRoot, 'bin/kb.mjs');
// Paste of the sample's SQL login error, with the customer's own values and noise.
const LOGIN_PASTE = "Hi team,\n2025-01-07 09:12:44.10 Logon     Login failed for user 'FABRIKAM\\svc_billing'. Reason: Password did not match that for the login provided. [CLIENT: 172.16.4.9]\nThanks";
const IIS_PASTE = 'HTTP Error 500.19 - Internal Server Error\nThe requested page cannot be accessed because the related configuration data for the page is invalid.';
const NONSENSE = 'Quorvane Sync Agent could not hydrate the tenant spool 42 because the quorum token expired. Code: QX-7781.';

let site: BuiltSite;
// The system `node` (not the Node 24 of node_modules/.bin): the CLI must run on whatever node the user has (>= 20).
const systemPath = (process.env.PATH ?? '').split(path.delimiter).filter((p) => !p.includes('node_modules')).join(path.delimiter);
const kb = (args: string[], input?: string) =>
  spawnSync('node', [CLI, ...args], { cwd: projectRoot, encoding: 'utf8', input, env: { ...process.env, PATH: systemPath } });
const sourceOf = (title: string) => site.report.articles.find((a) => a.title === title)?.source;

beforeAll(() => {
  site = buildSite(path.join(projectRoot, 'content'));
  if (site.status !== 0) throw new Error(site.output);
});

describe('published lookup', () => {
  it('writes the module and a sharded index into _kb/', () => {
    expect(site.exists('/_kb/lookup.js')).toBe(true);
    expect(site.exists('/_kb/lookup/manifest.json')).toBe(true);
    expect(fs.readdirSync(path.join(site.outDir, '_kb/lookup/p')).length).toBeGreaterThan(0);
    expect(site.read('/_kb/lookup.js')).toMatch(/export\s*\{/);
  });

  it('is byte-for-byte deterministic', async () => {
    const build = JSON.parse(fs.readFileSync(path.join(path.dirname(site.outDir), 'cache/manifest.json'), 'utf8')) as ContentBuild;
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-lookup-again-'));
    // A generator name the cache has not seen: the browser module is bundled again, not reused.
    const stats = await writeLookupIndex(build, path.join(path.dirname(site.outDir), 'cache'), again, `determinism-${Date.now()}`);
    const list = (root: string, dir = ''): string[] => fs.readdirSync(path.join(root, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? list(root, path.join(dir, e.name)) : [path.join(dir, e.name)])).sort();
    const files = list(path.join(again, '_kb'));
    expect(files.length).toBe(stats.files);
    expect(list(path.join(site.outDir, '_kb')).filter((f) => f !== 'report.json')).toEqual(files);
    for (const f of files) expect(fs.readFileSync(path.join(again, '_kb', f)).equals(fs.readFileSync(path.join(site.outDir, '_kb', f)))).toBe(true);
  });

  it('answers through the site module with the article, its section and its fix links', async () => {
    const lk = await openSiteLookup(site.outDir);
    const [top] = await lk.lookup(LOGIN_PASTE);
    const entry = site.report.articles.find((a) => a.source === top.source)!;
    expect(entry.title).toMatch(/18456/);
    expect(top.url).toBe(entry.url);
    expect(site.read(top.url)).toContain(`id="${top.matched.anchor}"`);
    const links = await lk.sectionLinks(top.url);
    expect(links.cause).not.toBeNull();
    expect(site.read(top.url)).toContain(`id="${links.cause!.anchor}"`);
    expect(site.read(top.url)).toContain(`id="${links.solution!.anchor}"`);
  });
});

describe('kb lookup (CLI)', () => {
  it('prints the matching article first, with its anchor, and exits 0', () => {
    const run = kb(['lookup', '--site', site.outDir, LOGIN_PASTE]);
    expect(run.status).toBe(0);
    const first = run.stdout.split('\n')[0];
    expect(first).toMatch(/^1\. \[confident\] \d\.\d{3} {2}.*18456/);
    expect(run.stdout).toMatch(/\/sql-server\/login-failed-error-18456\/#[\w-]+/);
  });

  it('--json prints the results array with the documented shape', () => {
    const run = kb(['lookup', '--json', '--limit', '2', '--site', site.outDir, IIS_PASTE]);
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(results)).toBe(true);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(2);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['url', 'title', 'source', 'score', 'confident', 'matched', 'also']));
      // An article found by its words alone has no documented message to show.
      if (r.matched !== null) expect(Object.keys(r.matched as object)).toEqual(expect.arrayContaining(['text', 'anchor']));
      expect(typeof r.score).toBe('number');
    }
    expect(site.report.articles.find((a) => a.url === results[0].url)?.source).toBe('windows-server/iis-http-error-500-19-0x8007000d.md');
    expect(results[0].matched).not.toBeNull();
    expect(results[0].source).toBe(sourceOf(results[0].title as string));
  });

  it('reads the error from stdin when no text is given', () => {
    const run = kb(['lookup', '--json', '--site', site.outDir], LOGIN_PASTE);
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as Array<{ url: string; confident: boolean }>;
    expect(results[0].url).toBe('/sql-server/login-failed-error-18456/');
    expect(results[0].confident).toBe(true);
  });

  it('exits 1 when no article fits confidently', () => {
    const run = kb(['lookup', '--json', '--site', site.outDir, NONSENSE]);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Array<{ confident: boolean }>).some((r) => r.confident)).toBe(false);
    const human = kb(['lookup', '--site', site.outDir, NONSENSE]);
    expect(human.stdout).toMatch(/^No (confident match|article matches)/);
  });

  it('exits 2 on a usage error or a site without index', () => {
    expect(kb(['lookup', '--site', path.join(os.tmpdir(), 'no-such-site-kb'), 'x y']).status).toBe(2);
    expect(kb(['lookup', '--limit', 'zero', '--site', site.outDir, 'x']).status).toBe(2);
    expect(kb(['lookup', '--bogus']).status).toBe(2);
    expect(kb(['frobnicate']).status).toBe(2);
  });
});
