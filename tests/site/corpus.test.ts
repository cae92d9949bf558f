import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/build/build-content';
import type { ContentBuild } from '../../src/build/build-record';
import { buildReport } from '../../src/build/report';
import { projectRoot } from '../helpers/build-site';

const corpus = path.resolve(projectRoot, process.env.KB_CORPUS_DIR ?? '../shared/corpus');
const present = fs.existsSync(corpus);
if (!present) console.warn(`corpus test skipped: no corpus at ${corpus} (set KB_CORPUS_DIR)`);

/** Every Markdown file under a folder, by our own walk, to check the loader's accounting against. */
function markdownFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return markdownFiles(path.join(dir, e.name), r);
    return /\.(md|mdx|markdown)$/i.test(e.name) ? [r] : [];
  });
}

describe.skipIf(!present)('the loader over the real corpus', () => {
  let build: ContentBuild;
  it('reads every file', { timeout: 900_000 }, async () => {
    build = await buildContent(corpus, fs.mkdtempSync(path.join(os.tmpdir(), 'kb-corpus-cache-')));
    expect(build.inputs).toBe(markdownFiles(corpus).length);
  });

  it('accounts for every file: a page or diagnostics, never neither', () => {
    const report = buildReport(build);
    const pages = new Set(build.articles.map((a) => a.source));
    const diagnosed = new Set(build.diagnostics.map((d) => d.file));
    const lost = markdownFiles(corpus).filter((f) => !pages.has(f) && !diagnosed.has(f));
    expect(lost).toEqual([]);
    expect(report.inputs).toBe(report.pages + report.filesWithDiagnosticsOnly);
    expect(report.pages).toBeGreaterThan(5000);
  });

  // The issue asks for 97%. What we reach honestly is 92.4% (2,848 of 3,081; 2,826 = 91.7% before the
  // task-title, Tips and nested-step rules). The dev survey (scripts/dev/sections-survey.ts --list, which
  // counts 3,023 articles) also leaves 233; read one by one, 181 of them state no problem and give nothing
  // to follow: 37 "sub categories" landing pages, and support policies and lifecycles, update and hotfix
  // lists, command, switch and registry references, concept and behavior descriptions. 51 are problem
  // articles or how-tos whose cause or fix is prose we cannot tell apart from documentation (a bare
  // "More information" after Symptoms, a limitation, "we recommend that you …", steps written as loose
  // bullets, a "You can use the X command" how-to); the rules tried for them found one or two articles
  // each, and some mislabelled others. One states a problem whose only follow-up is "a fix is being developed".
  // Covering all 51 would give about 94%; 97% would need labels on reference pages. This floor guards
  // against regressions; it is not the target.
  it('finds a cause or a solution in at least 92% of troubleshooting articles', () => {
    const troubleshooting = build.articles.filter((a) => a.topic === 'troubleshooting');
    const shaped = troubleshooting.filter((a) => a.causes + a.solutions > 0);
    const share = shaped.length / troubleshooting.length;
    console.log(`troubleshooting articles with a cause or solution: ${shaped.length}/${troubleshooting.length} = ${(share * 100).toFixed(2)}%`);
    expect(share).toBeGreaterThanOrEqual(0.92);
  });

  it('gives every page a unique URL', () => {
    const urls = build.articles.map((a) => a.url);
    expect(new Set(urls).size).toBe(urls.length);
  });
});
