import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/build/build-content';
import { lookupInputFile, searchDocumentFile } from '../../../src/build/cache-layout';
import { readCacheText } from '../../../src/build/cache-file';

const article = (title: string, extra = '') => `---\ntitle: ${title}\nms.topic: troubleshooting\n---\n\n## Symptoms\n\nIt fails.${extra}\n\n## Resolution\n\n1. Fix it.\n`;

function tempRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cache-root-'));
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cache-dir-'));
  fs.mkdirSync(path.join(root, 'includes'));
  fs.writeFileSync(path.join(root, 'includes/note.md'), 'Shared note.\n');
  fs.writeFileSync(path.join(root, 'a.md'), article('A', '\n\n[!INCLUDE [note](includes/note.md)]'));
  fs.writeFileSync(path.join(root, 'b.md'), article('B'));
  fs.writeFileSync(path.join(root, 'c.md'), article('C'));
  return { root, cache };
}

describe('the per-article cache', () => {
  it('parses nothing again when nothing changed, and gives the same build', async () => {
    const { root, cache } = tempRoot();
    const first = await buildContent(root, cache);
    const second = await buildContent(root, cache);
    expect(first.cache).toEqual({ hits: 0, misses: 4, repaired: [], indexProblem: null });
    expect(second.cache).toEqual({ hits: 4, misses: 0, repaired: [], indexProblem: null });
    expect(second.articles).toEqual(first.articles);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });

  it('re-parses only the changed article', async () => {
    const { root, cache } = tempRoot();
    await buildContent(root, cache);
    fs.appendFileSync(path.join(root, 'b.md'), '\nOne more line.\n');
    const next = await buildContent(root, cache);
    expect(next.cache).toEqual({ hits: 3, misses: 1, repaired: [], indexProblem: null });
  });

  it('re-parses an article whose model or search document is gone from the cache', async () => {
    const { root, cache } = tempRoot();
    const first = await buildContent(root, cache);
    const byName = (s: string) => first.articles.find((a) => a.source === s)!.modelFile;
    fs.rmSync(path.join(cache, byName('b.md')));
    fs.rmSync(path.join(cache, searchDocumentFile(byName('c.md'))));
    const next = await buildContent(root, cache);
    expect(next.cache).toMatchObject({ hits: 2, misses: 2 });
    // Each is named with the file it lacked, and logged as a repair.
    expect(next.cache.repaired).toEqual([expect.stringMatching(/^b\.md: .*is missing$/), expect.stringMatching(/^c\.md: .*search\.html is missing$/)]);
    expect(fs.existsSync(path.join(cache, searchDocumentFile(byName('c.md'))))).toBe(true);
  });

  it('re-parses an article with error messages whose lookup input is gone from the cache', async () => {
    const { root, cache } = tempRoot();
    fs.writeFileSync(path.join(root, 'd.md'), article('Error 0x80070005 when the service starts'));
    const first = await buildContent(root, cache);
    const d = first.articles.find((a) => a.source === 'd.md')!;
    expect(d.errorMessages).toBeGreaterThan(0);
    fs.rmSync(path.join(cache, lookupInputFile(d.modelFile)));
    const next = await buildContent(root, cache);
    expect(next.cache).toMatchObject({ hits: 4, misses: 1 });
    expect(next.cache.repaired).toEqual([expect.stringMatching(/^d\.md: .*lookup\.json is missing$/)]);
    expect(fs.existsSync(path.join(cache, lookupInputFile(d.modelFile)))).toBe(true);
  });

  it('re-parses the articles that include a changed include', async () => {
    const { root, cache } = tempRoot();
    await buildContent(root, cache);
    fs.writeFileSync(path.join(root, 'includes/note.md'), 'A different shared note.\n');
    const next = await buildContent(root, cache);
    // The include itself and its one includer.
    expect(next.cache).toEqual({ hits: 2, misses: 2, repaired: [], indexProblem: null });
    const model = JSON.parse(readCacheText(path.join(cache, next.articles.find((a) => a.source === 'a.md')!.modelFile)));
    expect(JSON.stringify(model.sections)).toContain('A different shared note.');
  });

  it('keeps per-build diagnostics (duplicate URLs) out of the cache', async () => {
    const { root, cache } = tempRoot();
    fs.writeFileSync(path.join(root, 'C.md'), article('C upper'));
    const first = await buildContent(root, cache);
    const second = await buildContent(root, cache);
    const dupes = (b: typeof first) => b.diagnostics.filter((d) => d.code === 'duplicate-url');
    expect(dupes(first)).toHaveLength(1);
    expect(dupes(second)).toEqual(dupes(first));
    expect(new Set(second.articles.map((a) => a.url)).size).toBe(second.articles.length);
  });
});
