/**
 * A rebuild into an existing dist/ writes over it in place, renders only the article pages whose
 * inputs changed (and the browse pages only when one did), and prunes what it did not write: after an article is deleted, another edited, a
 * toc entry renamed, a page edited by hand and a stray file dropped in, the site equals a clean build of the same content.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot, siteDigests, type BuiltSite } from '../helpers/build-site';


function articlePages(site: BuiltSite): { rendered: number; kept: number } {
  const m = /article pages: (\d+) rendered, (\d+) unchanged and kept/.exec(site.output);
  expect(m, site.output.slice(-2000)).not.toBeNull();
  return { rendered: Number(m![1]), kept: Number(m![2]) };
}

describe('rebuild in place', () => {
  it('renders only what changed and leaves the same site as a clean build', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-inplace-'));
    const content = path.join(work, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    const outDir = path.join(work, 'dist');
    const env = { KB_CACHE_DIR: path.join(work, 'cache') };
    const first = buildSite(content, { env, outDir });
    expect(first.status, first.output.slice(-2000)).toBe(0);
    const total = first.report.pages;
    expect(articlePages(first)).toEqual({ rendered: total, kept: 0 });

    // Browse pages list many articles: with no article page changed, they are kept as a set.
    const productPage = fs.readdirSync(path.join(outDir, 'browse/products'), { withFileTypes: true }).find((e) => e.isDirectory())!.name;
    const browseFile = path.join(outDir, 'browse/products', productPage, 'index.html');
    const browseText = fs.readFileSync(browseFile, 'utf8');
    const browseMtime = fs.statSync(browseFile).mtimeMs;
    const again = buildSite(content, { env, outDir });
    expect(articlePages(again)).toEqual({ rendered: 0, kept: total });
    expect(again.output).toContain('browse pages unchanged and kept');
    expect(fs.statSync(browseFile).mtimeMs).toBe(browseMtime);
    // A browse page changed by hand makes the next build render them all again.
    fs.writeFileSync(browseFile, 'edited by hand');
    const restored = buildSite(content, { env, outDir });
    expect(articlePages(restored)).toEqual({ rendered: 0, kept: total });
    expect(restored.output).not.toContain('browse pages unchanged and kept');
    expect(fs.readFileSync(browseFile, 'utf8')).toBe(browseText);

    const sources = first.report.articles.map((a) => a.source).filter((s) => !s.startsWith('sql-server/')).sort();
    const [removed, edited] = sources;
    const removedUrl = first.report.articles.find((a) => a.source === removed)!.url;
    expect(first.exists(removedUrl)).toBe(true);
    fs.rmSync(path.join(content, removed));
    fs.appendFileSync(path.join(content, edited), '\n\nA sentence about quasar flux.\n');
    // A toc rename changes the side navigation of that toc group's pages.
    const toc = path.join(content, 'sql-server/toc.yml');
    fs.writeFileSync(toc, fs.readFileSync(toc, 'utf8').replace('name: Certificate chain not trusted', 'name: Server certificate not trusted'));
    fs.writeFileSync(path.join(outDir, 'stray.html'), 'not from any build');
    // A page changed by hand in dist/ is rendered again, though its article is unchanged.
    const handEdited = first.report.articles.find((a) => a.source === sources[2])!.url;
    fs.writeFileSync(path.join(outDir, handEdited, 'index.html'), 'edited by hand');
    const pageInode = fs.statSync(path.join(outDir, 'index.html')).ino;

    const second = buildSite(content, { env, outDir });
    expect(second.status, second.output.slice(-2000)).toBe(0);
    const { rendered, kept } = articlePages(second);
    expect(second.output).not.toContain('browse pages unchanged and kept');
    expect(rendered).toBeGreaterThan(1);
    expect(kept).toBeGreaterThan(total / 2);
    expect(rendered + kept).toBe(total - 1);
    expect(second.output).toMatch(/removed \d+ files of the previous build/);
    expect(second.exists(removedUrl)).toBe(false);
    expect(fs.existsSync(path.join(outDir, 'stray.html'))).toBe(false);
    expect(fs.statSync(path.join(outDir, 'index.html')).ino).toBe(pageInode);
    expect(second.read('/sql-server/login-failed-error-18456/')).toContain('Server certificate not trusted');
    expect(second.read(handEdited)).not.toBe('edited by hand');

    const clean = buildSite(content);
    expect(clean.status, clean.output.slice(-2000)).toBe(0);
    expect(siteDigests(outDir)).toEqual(siteDigests(clean.outDir));

    // A setting every page shows (the source link) re-renders them all.
    const sourceEnv = { KB_SOURCE_URL: 'https://example.com/kb/blob/main' };
    const third = buildSite(content, { env: { ...env, ...sourceEnv }, outDir });
    expect(articlePages(third)).toEqual({ rendered: total - 1, kept: 0 });
    const cleanWithSource = buildSite(content, { env: sourceEnv });
    expect(siteDigests(outDir)).toEqual(siteDigests(cleanWithSource.outDir));
  }, 300_000);
});
