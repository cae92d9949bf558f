import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsIncludeResolver } from '../../../src/build/include-resolver';
import { MAX_INCLUDE_DEPTH } from '../../../src/core/markdown/extensions/includes';
import { memoryResolver, render } from './helpers';

const FILE = 'docs/area/article.md';

describe('includes (in-memory resolver)', () => {
  const files = {
    'docs/includes/disclaimer.md': '---\nms.topic: include\n---\n\n**Disclaimer:** third-party text.\n\n> [!NOTE]\n> Included note.',
    'docs/includes/phrase.md': 'the *Contoso* service',
    'docs/includes/a.md': 'A then\n\n[!INCLUDE [b](b.md)]',
    'docs/includes/b.md': 'B then\n\n[!INCLUDE [a](a.md)]',
    'docs/includes/links.md': 'See [setup](../setup/install.md) and ![img](media/x.png).',
  };
  const resolver = memoryResolver(files, ['docs/includes/media/x.png']);

  it('splices a block include (front matter stripped, extensions applied) and records it', () => {
    const r = render('Intro.\n\n[!INCLUDE [Disclaimer](../includes/disclaimer.md)]\n\nOutro.', { file: FILE, resolver });
    expect(r.html).toBe('<p>Intro.</p>\n<p><strong>Disclaimer:</strong> third-party text.</p>\n<div class="alert alert-note" role="note"><p class="alert-title">Note</p><p>Included note.</p></div>\n<p>Outro.</p>');
    expect(r.html).not.toContain('ms.topic');
    expect(r.includes).toEqual(['docs/includes/disclaimer.md']);
  });

  it.each([
    '[!INCLUDE [t](../includes/phrase.md)]',
    '[!include[t](../includes/phrase.md)]',
    '[!Include  [](../includes/phrase.md) ]',
  ])('splices an inline include into the sentence: %s', (directive) => {
    const r = render(`Restart ${directive} now.`, { file: FILE, resolver });
    expect(r.html).toBe('<p>Restart the <em>Contoso</em> service now.</p>');
  });

  it('resolves links and images of the included file relative to that file', () => {
    const r = render('[!INCLUDE [l](../includes/links.md)]', { file: FILE, resolver });
    expect(r.html).toContain('href="/docs/setup/install/"');
    expect(r.html).toContain('src="/docs/includes/media/x.png"');
    expect(r.assets).toEqual(['docs/includes/media/x.png']);
    expect(r.links).toEqual([expect.objectContaining({ url: '/docs/setup/install/', anchor: null })]);
  });

  it('reports a missing include with its line, keeps the rest, records the path', () => {
    const r = render('Text.\n\n[!INCLUDE [x](../includes/nope.md)]\n\nMore.', { file: FILE, resolver, lineOffset: 4 });
    expect(r.html).toBe('<p>Text.</p>\n<p>More.</p>');
    expect(r.sink.items).toEqual([expect.objectContaining({ code: 'include-missing', severity: 'warning', line: 7, file: FILE })]);
    expect(r.includes).toEqual(['docs/includes/nope.md']);
  });

  it('stops a cycle and reports it', () => {
    const r = render('[!INCLUDE [a](../includes/a.md)]', { file: FILE, resolver });
    // Once on the include file where the loop closes, once on the article that reached it.
    expect(r.codes).toEqual(['include-cycle', 'include-cycle']);
    expect(r.html).toBe('<p>A then</p>\n<p>B then</p>');
    expect(r.includes.sort()).toEqual(['docs/includes/a.md', 'docs/includes/b.md']);
  });

  it('stops at the depth limit', () => {
    const chain: Record<string, string> = {};
    for (let i = 0; i < MAX_INCLUDE_DEPTH + 3; i++) chain[`docs/n${i}.md`] = `level ${i}\n\n[!INCLUDE [n](n${i + 1}.md)]`;
    const r = render('[!INCLUDE [n](n0.md)]', { file: 'docs/start.md', resolver: memoryResolver(chain) });
    expect(r.codes).toEqual(['include-depth']);
    expect(r.html).toContain(`level ${MAX_INCLUDE_DEPTH - 1}`);
  });

  it('refuses a path leaving the root', () => {
    const r = render('[!INCLUDE [x](../../../outside.md)]', { file: FILE, resolver });
    expect(r.sink.items).toEqual([expect.objectContaining({ code: 'include-outside-root', severity: 'error' })]);
  });

  it("attributes the included file's own problems to that file", () => {
    const r = render('[!INCLUDE [x](../includes/bad.md)]', { file: FILE, resolver: memoryResolver({ 'docs/includes/bad.md': '---\na: 1\n---\n\n:::image type="content" source="m/none.png" alt-text="n":::' }) });
    expect(r.sink.items).toEqual([expect.objectContaining({ code: 'image-missing', file: 'docs/includes/bad.md', line: 5 })]);
  });
});

describe('createFsIncludeResolver', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'kb-inc-'));
    root = join(base, 'content');
    mkdirSync(join(root, 'docs/includes'), { recursive: true });
    mkdirSync(join(root, 'docs/media'), { recursive: true });
    writeFileSync(join(root, 'docs/includes/note.md'), 'Shared **note**.');
    writeFileSync(join(root, 'docs/media/pic.png'), 'png');
    writeFileSync(join(base, 'secret.md'), 'outside text');
    symlinkSync(join(base, 'secret.md'), join(root, 'docs/includes/escape.md'));
    symlinkSync(join(root, 'docs/includes/note.md'), join(root, 'docs/includes/alias.md'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('reads a file relative to the including file', () => {
    expect(createFsIncludeResolver(root).read('../includes/note.md', 'docs/area/a.md')).toEqual({ file: 'docs/includes/note.md', text: 'Shared **note**.' });
  });

  it('reports missing files, folders and escapes', () => {
    const r = createFsIncludeResolver(root);
    expect(r.read('nope.md', 'docs/a.md')).toEqual({ error: 'missing' });
    expect(r.read('includes', 'docs/a.md')).toEqual({ error: 'not-a-file' });
    expect(r.read('../../secret.md', 'docs/a.md')).toEqual({ error: 'outside-root' });
  });

  it('refuses a symlink that leaves the root, follows one that stays inside', () => {
    const r = createFsIncludeResolver(root);
    expect(r.read('includes/escape.md', 'docs/a.md')).toEqual({ error: 'outside-root' });
    expect(r.read('includes/alias.md', 'docs/a.md')).toMatchObject({ text: 'Shared **note**.' });
  });

  it('checks assets', () => {
    const r = createFsIncludeResolver(root);
    expect(r.exists('docs/media/pic.png')).toBe(true);
    expect(r.exists('docs/media/none.png')).toBe(false);
    expect(r.exists('docs/includes/escape.md')).toBe(false);
  });

  it('drives the pipeline end to end', () => {
    const r = render('Read this: [!INCLUDE [n](../includes/note.md)]\n\n[!INCLUDE [s](../includes/escape.md)]', { file: 'docs/area/a.md', resolver: createFsIncludeResolver(root) });
    expect(r.html).toBe('<p>Read this: Shared <strong>note</strong>.</p>');
    expect(r.codes).toEqual(['include-outside-root']);
    expect(r.html).not.toContain('outside text');
  });
});
