/** Link check over the built sample site: every internal link and anchor resolves, or is a reported diagnostic. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build/report';
import { e2eSite } from '../e2e/global-site';
import { elementsOf, listFiles } from './html-scan';

interface PageLinks { ids: Set<string>; links: Array<{ href: string; inArticle: boolean }> }

let dist: string;
let report: BuildReport;
const pages = new Map<string, PageLinks>();

/** The URL path of an HTML file: `a/b/index.html` → `/a/b/`. */
const urlOf = (file: string) => '/' + file.replace(/(^|\/)index\.html$/, '$1');

function fileFor(urlPath: string): string | null {
  const candidates = urlPath.endsWith('/') ? [`${urlPath}index.html`] : [urlPath, `${urlPath}/index.html`, `${urlPath}.html`];
  for (const c of candidates) {
    const abs = path.join(dist, c);
    if (abs.startsWith(dist) && fs.existsSync(abs) && fs.statSync(abs).isFile()) return c.replace(/^\//, '');
  }
  return null;
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

beforeAll(async () => {
  dist = await e2eSite();
  report = JSON.parse(fs.readFileSync(path.join(dist, '_kb/report.json'), 'utf8')) as BuildReport;
  for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(dist, file), 'utf8');
    const all = elementsOf(html);
    const body = elementsOf(html, 'article');
    const inArticle = new Set(body.filter((e) => e.tag === 'a').map((e) => e.attrs.href));
    const articleImages = new Set(body.filter((e) => e.tag === 'img').map((e) => e.attrs.src));
    pages.set(file, {
      ids: new Set(all.flatMap((e) => [e.attrs.id, e.tag === 'a' ? e.attrs.name : undefined]).filter((x): x is string => !!x)),
      links: [
        ...all.filter((e) => (e.tag === 'a' || e.tag === 'link' || e.tag === 'area') && e.attrs.href !== undefined).map((e) => ({ href: e.attrs.href, inArticle: inArticle.has(e.attrs.href) && e.tag === 'a' })),
        ...all.filter((e) => (e.tag === 'img' || e.tag === 'script' || e.tag === 'source') && e.attrs.src).map((e) => ({ href: e.attrs.src, inArticle: e.tag === 'img' && articleImages.has(e.attrs.src) })),
      ],
    });
  }
}, 600_000);

/** Broken internal links of every page: `[page file, href, why, inArticle]`. */
function brokenLinks(): Array<{ file: string; href: string; why: string; inArticle: boolean }> {
  const out: Array<{ file: string; href: string; why: string; inArticle: boolean }> = [];
  for (const [file, page] of pages) {
    const base = new URL(urlOf(file), 'http://site.invalid');
    for (const { href, inArticle } of page.links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue; // external
      const target = new URL(href, base);
      const targetFile = fileFor(decode(target.pathname));
      if (!targetFile) {
        out.push({ file, href, why: 'no such file in dist/', inArticle });
        continue;
      }
      const anchor = decode(target.hash.slice(1));
      if (anchor && targetFile.endsWith('.html') && !pages.get(targetFile)!.ids.has(anchor)) out.push({ file, href, why: `no id "${anchor}" on ${targetFile}`, inArticle });
    }
  }
  return out;
}

describe('internal links of the built sample site', () => {
  it('has pages with links to check', () => {
    expect(pages.size).toBeGreaterThan(20);
    expect([...pages.values()].reduce((n, p) => n + p.links.length, 0)).toBeGreaterThan(200);
  });

  it('resolves every link the site templates make (navigation, browse lists, breadcrumbs, assets)', () => {
    expect(brokenLinks().filter((b) => !b.inArticle)).toEqual([]);
  });

  it('reports every broken link written in an article as a diagnostic of that article', () => {
    const sourceOf = new Map(report.articles.map((a) => [a.url, a.source]));
    const reported = report.diagnostics.filter((d) => d.code === 'link-broken' || d.code === 'anchor-broken' || d.code.startsWith('link-') || d.code.startsWith('image-'));
    const silent = brokenLinks()
      .filter((b) => b.inArticle)
      .filter((b) => {
        const source = sourceOf.get(urlOf(b.file));
        const anchor = decode(b.href.split('#')[1] ?? '');
        return !reported.some((d) => d.file === source && (d.reason.includes(b.href) || (anchor && d.reason.includes(anchor)) || d.reason.includes(decode(b.href.split('#')[0]).replace(/^\//, ''))));
      });
    expect(silent).toEqual([]);
  });

  it('reports each link-broken/anchor-broken diagnostic for a link that is really broken in the HTML', () => {
    // The build's link check and the HTML agree: no false alarms either.
    const broken = brokenLinks().filter((b) => b.inArticle);
    const sourceOf = new Map(report.articles.map((a) => [a.url, a.source]));
    for (const d of report.diagnostics.filter((x) => x.code === 'link-broken' || x.code === 'anchor-broken')) {
      const target = /Link to (\S+?)(?::|\s)/.exec(d.reason)?.[1] ?? '';
      expect(broken.some((b) => sourceOf.get(urlOf(b.file)) === d.file && decode(b.href) === decode(target)), `${d.file}: ${d.reason}`).toBe(true);
    }
  });
});
