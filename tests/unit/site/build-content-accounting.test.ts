/** buildContent's accounting of refused files and its link check (issue 6). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/build/build-content';
import { buildReport } from '../../../src/build/report';

function tempRoot(files: Record<string, string>, links: Record<string, string> = {}): { root: string; cache: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bc-'));
  const root = path.join(work, 'root');
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  }
  for (const [p, target] of Object.entries(links)) fs.symlinkSync(target, path.join(root, p));
  fs.writeFileSync(path.join(work, 'outside.md'), '# Outside\n');
  return { root, cache: path.join(work, 'cache') };
}

const page = (title: string, rest = '') => `---\ntitle: ${title}\nms.date: 01/02/2024\n---\n\n## Cause\n\nText.\n${rest}`;

describe('buildContent', () => {
  it('counts a refused Markdown symlink as an input with diagnostics only', async () => {
    const { root, cache } = tempRoot({ 'a.md': page('A') }, { 'leak.md': '../outside.md' });
    const build = await buildContent(root, cache);
    const report = buildReport(build);
    expect(build.inputs).toBe(2);
    expect(report.pages).toBe(1);
    expect(report.inputs - report.pages - report.filesWithDiagnosticsOnly).toBe(0);
    expect(build.diagnostics).toContainEqual(expect.objectContaining({ file: 'leak.md', code: 'path-refused' }));
  });

  it('reports broken links and anchors with file and line, and accepts good ones', async () => {
    const { root, cache } = tempRoot({
      'a.md': page('A', '\n[ok](b.md#cause) [self](#cause) [gone](nope.md) [bad](b.md#nowhere)\n'),
      'b.md': page('B'),
    });
    const build = await buildContent(root, cache);
    const got = build.diagnostics.filter((d) => d.code === 'link-broken' || d.code === 'anchor-broken').map((d) => [d.file, d.line, d.code, d.reason.includes(d.code === 'link-broken' ? '/nope/' : '#nowhere')]);
    expect(got).toEqual([
      ['a.md', 10, 'link-broken', true],
      ['a.md', 10, 'anchor-broken', true],
    ]);
  });

  it('checks own-page anchors against the URL a duplicate was moved to', async () => {
    const { root, cache } = tempRoot({ 'A.md': page('Upper'), 'a.md': page('Lower', '\n[self](#cause) [miss](#zzz)\n') });
    const build = await buildContent(root, cache);
    expect(build.articles.map((a) => a.url).sort()).toEqual(['/a-2/', '/a/']);
    expect(build.diagnostics.filter((d) => d.code === 'anchor-broken').map((d) => [d.file, d.reason.includes('/a-2/#zzz')])).toEqual([['a.md', true]]);
  });
});
