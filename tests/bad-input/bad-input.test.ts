/**
 * Issue 6: bad input never crashes the build, never loses an article, never runs a script.
 * Generates every case of tests/bad-input/cases.ts into a temp content root beside good articles,
 * builds it with the real `astro build`, and checks what became of every file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site';
import { authoredStyleIn, elementsOf, listFiles, unsafeInHtml } from '../security/html-scan';
import { badInputCases, isMarkdown, writeBadInputRoot, type BadCase, type GeneratedRoot } from './cases';

/** Codes whose position is always known: they must carry a line. */
const CODES_WITH_LINE = new Set([
  'yaml-invalid', 'unsafe-html', 'include-missing', 'include-outside-root', 'include-cycle', 'image-outside-root', 'link-outside-root',
  'mdx-invalid', 'mdx-unsupported', 'date-invalid', 'frontmatter-unclosed', 'nesting-too-deep', 'link-broken', 'anchor-broken', 'encoding-latin1',
]);
const INCLUDE_FOLDER = /(^|\/)includes\//i;

let work: string;
let gen: GeneratedRoot;
let site: BuiltSite;
let pagesBySource: Map<string, Array<{ url: string; title: string }>>;
let htmlFiles: string[];
const problems = { crashes: 0, lost: 0, scripts: 0 };

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bad-input-'));
  gen = writeBadInputRoot(work);
  site = buildSite(gen.root);
  if (site.status !== 0 || !site.report) problems.crashes++;
  pagesBySource = new Map();
  for (const a of site.report?.articles ?? []) pagesBySource.set(a.source, [...(pagesBySource.get(a.source) ?? []), { url: a.url, title: a.title }]);
  htmlFiles = fs.existsSync(site.outDir) ? listFiles(site.outDir).filter((f) => f.endsWith('.html')) : [];
}, 900_000);

afterAll(() => {
  const inputs = gen ? gen.cases.flatMap((c) => c.entries).filter((e) => isMarkdown(e.path)).length : 0;
  console.log(
    `bad-input: ${gen?.cases.length ?? 0} cases (${inputs} Markdown inputs + ${gen?.good.length ?? 0} good articles): ` +
      `${problems.crashes} crashes, ${problems.lost} lost articles, ${problems.scripts} pages with executable content`,
  );
  if (work && !process.env.KB_KEEP_BAD_INPUT) fs.rmSync(work, { recursive: true, force: true });
});

const diagnosticsOf = (file: string) => site.report.diagnostics.filter((d) => d.file === file);
const filesOf = (c: BadCase) => c.entries.map((e) => e.path);

describe('bad-input build', () => {
  it('completes with exit 0 and writes the report', () => {
    expect(site.status, site.output.slice(-3000)).toBe(0);
    expect(site.report).toBeTruthy();
    expect(gen.cases.length).toBeGreaterThanOrEqual(60);
  });

  it('accounts for every input Markdown file: exactly one page, or diagnostics', () => {
    const written = [...gen.good, ...gen.cases.flatMap(filesOf)].filter(isMarkdown);
    const lost: string[] = [];
    for (const source of written) {
      const pages = pagesBySource.get(source) ?? [];
      if (pages.length > 1) lost.push(`${source}: ${pages.length} pages`);
      if (pages.length === 0 && diagnosticsOf(source).length === 0) lost.push(`${source}: no page and no diagnostic`);
    }
    problems.lost += lost.length;
    expect(lost).toEqual([]);
    const r = site.report;
    expect(r.inputs - r.pages - r.filesWithDiagnosticsOnly, 'unaccounted inputs in report.json').toBe(0);
    // Nothing the build published came from a file we did not write.
    for (const a of r.articles) expect(written, a.source).toContain(a.source);
  });

  it('publishes all the good articles, each at its own page', () => {
    for (const source of gen.good) {
      const page = pagesBySource.get(source)?.[0];
      expect(page, source).toBeDefined();
      expect(site.exists(page!.url), page!.url).toBe(true);
      expect(site.read(page!.url)).toContain(page!.title);
      expect(diagnosticsOf(source).filter((d) => d.severity === 'error'), source).toEqual([]);
    }
  });

  it('gives every diagnostic a file, a reason a human understands, and a line where one is known', () => {
    const bad: string[] = [];
    const lineCount = new Map<string, number>();
    const linesOf = (file: string) => {
      if (!lineCount.has(file)) {
        let n = Infinity;
        try {
          n = fs.readFileSync(path.join(gen.root, file), 'latin1').split(/\r\n|\r|\n/).length;
        } catch { /* refused or missing: no bound */ }
        lineCount.set(file, n);
      }
      return lineCount.get(file)!;
    };
    for (const d of site.report.diagnostics) {
      const tag = `${d.file}:${d.line ?? '-'} ${d.code}`;
      if (!d.file) bad.push(`${tag}: no file`);
      if (!/^[a-z][a-z0-9-]+$/.test(d.code)) bad.push(`${tag}: code is not a stable id`);
      if (d.reason.length < 20 || !/\s/.test(d.reason) || /undefined|\[object |NaN/.test(d.reason)) bad.push(`${tag}: reason "${d.reason}"`);
      if (d.line !== undefined && (!Number.isInteger(d.line) || d.line < 1 || d.line > linesOf(d.file))) bad.push(`${tag}: line out of the file`);
      if (d.line === undefined && CODES_WITH_LINE.has(d.code)) bad.push(`${tag}: no line although it is known`);
    }
    expect(bad).toEqual([]);
  });

  it('gives every published URL to exactly one file', () => {
    const urls = site.report.articles.map((a) => a.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('publishes no page that can run code: no foreign <script>, no on*=, no javascript:/data: links, no iframe/object/embed', () => {
    const found: string[] = [];
    for (const file of htmlFiles) {
      const html = fs.readFileSync(path.join(site.outDir, file), 'utf8');
      const issues = [...unsafeInHtml(html), ...authoredStyleIn(html)];
      if (elementsOf(html).some((el) => el.attrs.id === 'kb-xss-injected')) issues.push('injected element #kb-xss-injected');
      if (issues.length) found.push(`${file}: ${issues.join('; ')}`);
    }
    // Documents browsers run (copied SVG, generated sitemap and feed XML) must not script either: no script
    // element, no on* attribute inside a tag. Text that merely reads "onload=" (escaped in a feed summary) is inert.
    for (const file of listFiles(site.outDir).filter((f) => /\.(svgz?|xml|xhtml?)$/i.test(f))) {
      const text = fs.readFileSync(path.join(site.outDir, file), 'utf8');
      if (/<\s*(\w+:)?script\b|<[^<>]*\son\w+\s*=[^<>]*>/i.test(text)) found.push(`${file}: active content in an XML or SVG document`);
    }
    problems.scripts += found.length;
    expect(htmlFiles.length).toBeGreaterThan(gen.good.length);
    expect(found).toEqual([]);
  });

  it('reads no file outside the content root', () => {
    const leaked: string[] = [];
    for (const file of listFiles(site.outDir)) {
      const text = fs.readFileSync(path.join(site.outDir, file), 'latin1');
      if (text.includes(gen.canary)) leaked.push(`${file}: canary`);
      if (/root:x?:0:0:/.test(text)) leaked.push(`${file}: /etc/passwd`);
    }
    expect(leaked).toEqual([]);
  });
});

describe('bad-input cases', () => {
  // One test per case, generated from the table: outcome, expected codes, and its own check.
  const names = badInputCases(() => 'canary.md', '/canary.md').map((c) => c.name);
  it.each(names)('%s', (name) => {
    const c = gen.cases.find((x) => x.name === name)!;
    const files = filesOf(c);
    const markdown = files.filter(isMarkdown);
    for (const source of markdown) {
      const pages = pagesBySource.get(source) ?? [];
      const diags = diagnosticsOf(source);
      const refused = c.refused?.includes(source);
      const isInclude = INCLUDE_FOLDER.test(source);
      const want = refused || isInclude ? 'no-page' : c.outcome;
      if (want === 'page') expect(pages, `${source} should be published (diagnostics: ${diags.map((d) => d.code).join(', ')})`).toHaveLength(1);
      if (want === 'no-page') {
        expect(pages, `${source} should not be published`).toHaveLength(0);
        expect(diags.length, `${source} has no diagnostic`).toBeGreaterThan(0);
      }
      if (isInclude && !refused) expect(diags.map((d) => d.code)).toContain('include-file');
    }
    const codes = new Set(site.report.diagnostics.filter((d) => files.some((f) => d.file === f || d.file.startsWith(`${f}/`))).map((d) => d.code));
    for (const code of c.codes ?? []) expect([...codes], `${c.name} should report ${code}`).toContain(code);
    c.check?.({
      pages: new Map(markdown.flatMap((s) => (pagesBySource.get(s) ?? []).map((p) => [s, p] as const))),
      html: (url) => site.read(url),
      diagnostics: site.report.diagnostics.filter((d) => files.includes(d.file)),
      fail: (message) => {
        throw new Error(`${c.name}: ${message}`);
      },
    });
  });
});

describe('strict mode', () => {
  it('KB_STRICT=1 makes the same build exit non-zero and still write dist/_kb/report.json', () => {
    expect(site.report.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const out = path.join(work, 'dist-strict');
    const strict = buildSite(gen.root, { outDir: out, env: { KB_STRICT: '1', KB_CACHE_DIR: path.join(path.dirname(site.outDir), 'cache') } });
    expect(strict.status).not.toBe(0);
    expect(strict.output).toMatch(/KB_STRICT/);
    expect(strict.report?.inputs).toBe(site.report.inputs);
    expect(strict.report?.pages).toBe(site.report.pages);
  }, 900_000);
});
