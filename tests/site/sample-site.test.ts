import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

/** The sample KB in content/, built once with the real `astro build`. */
let site: BuiltSite;
beforeAll(() => {
  site = buildSite(path.join(projectRoot, 'content'));
  if (site.status !== 0) throw new Error(`build failed:\n${site.output.slice(-4000)}`);
});

const page = (url: string) => site.read(url);

describe('the sample site', () => {
  it('accounts for every Markdown file in the report', () => {
    const { report } = site;
    expect(report.inputs).toBeGreaterThanOrEqual(30);
    expect(report.inputs).toBe(report.pages + report.filesWithDiagnosticsOnly);
    for (const a of report.articles) expect(site.exists(a.url), a.url).toBe(true);
    // Include files are accounted for as diagnostics, not pages.
    expect(report.diagnostics.filter((d) => d.code === 'include-file').map((d) => d.file)).toEqual(
      expect.arrayContaining(['includes/contact-support.md']),
    );
  });

  it('shows the toc group of the article in the side nav, the article marked current', () => {
    // The group's name heads the disclosure that holds the nav.
    const sideNav = (url: string) => page(url).match(/<details class="side-box side-nav-box"[\s\S]*?<\/details>/)?.[0] ?? '';
    const nav = sideNav('/sql-server/login-failed-error-18456/');
    expect(nav).toContain('Connectivity');
    const links = [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?/g)].map((m) => [m[1], Boolean(m[2])]);
    expect(links).toContainEqual(['/sql-server/login-failed-error-18456/', true]);
    expect(links).toContainEqual(['/sql-server/error-40-could-not-open-connection/', false]);
    // Only its own group: no article from another group of the same toc.
    expect(nav).not.toContain('msg-1105-primary-filegroup-full');
    // A sibling shows the same group with the current mark moved.
    expect(sideNav('/sql-server/error-40-could-not-open-connection/')).toContain('href="/sql-server/error-40-could-not-open-connection/" aria-current="page"');
  });

  it('publishes files whose names start with an underscore', () => {
    expect(site.report.articles.some((a) => a.source === 'entra-id/_aadsts-error-code-reference.md')).toBe(true);
  });

  it('renders an article as Problem, then causes with their solutions', () => {
    const html = page('/sql-server/login-failed-error-18456/');
    const problem = html.indexOf('data-role="problem"');
    const cause = html.indexOf('data-role="cause"');
    const solution = html.indexOf('data-role="solution"');
    expect(problem).toBeGreaterThan(0);
    expect(cause).toBeGreaterThan(problem);
    expect(solution).toBeGreaterThan(cause);
    expect(html).toContain('data-pagefind-body');
    expect(html).toMatch(/<nav class="page-toc" aria-label="On this page">/);
    expect(html).toMatch(/Applies to:/);
  });

  it('turns DocFX extensions into real markup, not raw text', () => {
    const all = site.report.articles.map((a) => page(a.url)).join('\n');
    expect(all).toMatch(/class="alert alert-note"/);
    expect(all).toMatch(/class="alert alert-warning"/);
    expect(all).toMatch(/<figure/);
    expect(all).toMatch(/class="tabs"/);
    expect(all).toMatch(/class="moniker"/);
    expect(all).toMatch(/class="zone"/);
    expect(all).toMatch(/<details/);
    expect(all).toMatch(/class="xref"/);
    for (const raw of [':::image', '[!NOTE]', '[!INCLUDE', '::: moniker', '#tab/', '::: zone']) expect(all).not.toContain(raw);
  });

  it('copies images that exist and reports the ones that do not', () => {
    expect(fs.existsSync(path.join(site.outDir, 'intune/media/config-profile-error-0x87d1fde8/per-setting-status.png'))).toBe(true);
    expect(site.report.diagnostics.some((d) => d.code === 'image-missing' && d.line)).toBe(true);
  });

  it('has home, browse, and 404 pages', () => {
    expect(page('/')).toMatch(/Troubleshooting knowledge base/);
    for (const u of ['/browse/products/', '/browse/areas/', '/browse/topics/', '/404.html']) expect(site.exists(u), u).toBe(true);
    const products = page('/browse/products/');
    const firstProduct = products.match(/href="(\/browse\/products\/[^"]+\/)"/)![1];
    expect(page(firstProduct)).toMatch(/class="article-list"/);
  });

  it('lists every article in sitemap.xml, and the newest in feed.xml', () => {
    const index = page('/sitemap.xml');
    const chunks = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(chunks).toEqual(['/sitemap-1.xml']);
    const urls = [...page('/sitemap-1.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    expect(urls).toEqual(site.report.articles.map((a: { url: string }) => a.url).sort());
    const feed = page('/feed.xml');
    expect(feed).toMatch(/^<\?xml[^>]+>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const dates = [...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('gives every article a breadcrumb through its product, and no feedback link unless one is configured', () => {
    for (const a of site.report.articles.slice(0, 10)) {
      const crumbs = page(a.url).match(/<nav class="breadcrumbs"[\s\S]*?<\/nav>/)![0];
      expect(crumbs, a.url).toMatch(/href="\/browse\/products\//);
      expect(page(a.url)).not.toMatch(/Was this article helpful/);
    }
  });

  it('gives every article page landmarks and exactly one h1', () => {
    for (const a of site.report.articles) {
      const html = page(a.url);
      expect(html.match(/<h1[\s>]/g)?.length, a.url).toBe(1);
      expect(html).toMatch(/<main id="main"/);
      expect(html).toMatch(/<header class="site-header"/);
    }
  });

  it('keeps every script external (CSP forbids inline scripts)', () => {
    for (const u of ['/', '/sql-server/login-failed-error-18456/']) {
      const inline = [...page(u).matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1].trim());
      expect(inline, u).toEqual([]);
    }
  });
});
