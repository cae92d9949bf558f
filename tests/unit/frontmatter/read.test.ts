import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/core/frontmatter/read';
import { codes, fixture, sink } from './helpers';

describe('readFrontMatter', () => {
  it('splits front matter and body and reports where the body starts', () => {
    const s = sink();
    const fm = readFrontMatter(fixture('modern.md'), s);
    expect(fm.data.title).toBe('Widgets fail to sync with "Error 0x80070005" in Contoso Drive');
    expect(fm.data['ms.custom']).toEqual(['sap:Syncing\\Widget sync errors', 'CSSTroubleshoot', 'CI 100200']);
    expect(fm.body.startsWith('\n# Widgets fail to sync')).toBe(true);
    expect(fm.bodyLine).toBe(18);
    expect(fixture('modern.md').split('\n')[fm.bodyLine]).toBe('# Widgets fail to sync');
    expect(fm.keyLines['ms.date']).toBe(16);
    expect(fm.keyLines.appliesto).toBe(12);
    expect(s.items).toEqual([]);
  });

  it('keeps dates and numbers as YAML 1.2 reads them (no Date objects)', () => {
    const fm = readFrontMatter('---\nms.date: 2023-12-26\nserial: 45286\n---\nBody', sink());
    expect(fm.data['ms.date']).toBe('2023-12-26');
    expect(fm.data.serial).toBe(45286);
  });

  it('handles CRLF input and a closing `...` fence', () => {
    const fm = readFrontMatter('---\r\ntitle: A\r\n...\r\nBody line\r\n', sink());
    expect(fm.data).toEqual({ title: 'A' });
    expect(fm.body).toBe('Body line\n');
    expect(fm.bodyLine).toBe(4);
  });

  it('reports invalid YAML with the file line and salvages simple fields', () => {
    const s = sink();
    const fm = readFrontMatter(fixture('broken-yaml.md'), s);
    expect(s.items).toHaveLength(1);
    expect(s.items[0]).toMatchObject({ severity: 'error', code: 'yaml-invalid', line: 2 });
    expect(fm.data).toEqual({
      title: 'Report fails: the printer is offline',
      'ms.date': '11/30/2022',
      'ms.topic': 'how-to',
      appliesto: ['Contoso Print'],
    });
    expect(fm.body.trim().startsWith('# Report fails')).toBe(true);
    expect(fm.bodyLine).toBe(8);
  });

  it('points at the later line when the error is further down', () => {
    const s = sink();
    readFrontMatter('---\ntitle: ok\ndescription: fine\nkeywords: [a, b\nms.date: 01/01/2024\n---\n', s);
    expect(s.items[0]).toMatchObject({ code: 'yaml-invalid' });
    expect(s.items[0].line).toBeGreaterThanOrEqual(4);
  });

  it('recovers an unbalanced quote line by line', () => {
    const s = sink();
    const fm = readFrontMatter('---\ntitle: "Quote never closes\nms.topic: article\n---\nx', s);
    expect(codes(s)).toEqual(['yaml-invalid']);
    expect(fm.data).toMatchObject({ title: 'Quote never closes', 'ms.topic': 'article' });
    expect(fm.body).toBe('x');
  });

  it('lets the last value win for a repeated key, with a warning', () => {
    const s = sink();
    const fm = readFrontMatter('---\ntitle: First\nms.date: 01/01/2024\ntitle: Second\n---\n', s);
    expect(fm.data).toEqual({ title: 'Second', 'ms.date': '01/01/2024' });
    expect(s.items).toMatchObject([{ severity: 'warning', code: 'yaml-duplicate-key', line: 4 }]);
  });

  it('warns about front matter that is never closed and keeps the heading in the body', () => {
    const s = sink();
    const fm = readFrontMatter(fixture('unclosed.md'), s);
    expect(s.items).toMatchObject([{ severity: 'warning', code: 'frontmatter-unclosed', line: 1 }]);
    expect(fm.data).toEqual({ title: 'Unclosed block', 'ms.date': '01/02/2023' });
    expect(fm.body.startsWith('\n# Unclosed block')).toBe(true);
    expect(fm.bodyLine).toBe(4);
  });

  it('warns when the front matter is a list and ignores it', () => {
    const s = sink();
    const fm = readFrontMatter(fixture('list-frontmatter.md'), s);
    expect(codes(s)).toEqual(['frontmatter-not-mapping']);
    expect(fm.data).toEqual({});
    expect(fm.body).toBe('# A list instead of fields\n');
  });

  it('warns when the front matter is a single value', () => {
    const s = sink();
    const fm = readFrontMatter('---\njust some words\n---\nBody', s);
    expect(codes(s)).toEqual(['frontmatter-not-mapping']);
    expect(fm.data).toEqual({});
  });

  it('warns when there is no front matter and returns the whole text as body', () => {
    const s = sink();
    const text = '# Only a heading\n\nText.';
    expect(readFrontMatter(text, s)).toEqual({ data: {}, body: text, bodyLine: 1, keyLines: {} });
    expect(s.items).toMatchObject([{ severity: 'warning', code: 'frontmatter-missing' }]);
  });

  it('does not mistake a thematic break later in the file for front matter', () => {
    const s = sink();
    const fm = readFrontMatter('Intro\n---\ntitle: no\n---\n', s);
    expect(fm.data).toEqual({});
    expect(codes(s)).toEqual(['frontmatter-missing']);
  });

  it('reports an empty block', () => {
    const s = sink();
    const fm = readFrontMatter('---\n# only a comment\n---\nBody', s);
    expect(fm.data).toEqual({});
    expect(codes(s)).toEqual(['frontmatter-empty']);
    expect(fm.body).toBe('Body');
  });

  it('returns fresh objects on every call, even for identical input', () => {
    const text = '---\ntitle: Same\nlist:\n  - a\n---\nBody';
    const a = readFrontMatter(text, sink());
    (a.data.list as string[]).push('mutated');
    a.data.title = 'changed';
    const b = readFrontMatter(text, sink());
    expect(b.data).toEqual({ title: 'Same', list: ['a'] });
  });

  it('treats `---js` as no front matter rather than running it', () => {
    const s = sink();
    const fm = readFrontMatter('---js\n{ title: (() => { throw new Error("ran") })() }\n---\nBody', s);
    expect(fm.data).toEqual({});
    expect(codes(s)).toEqual(['frontmatter-missing']);
  });
});
