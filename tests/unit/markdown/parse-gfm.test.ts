import fs from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { stripFrontMatter } from '../../../src/core/markdown/front-matter';
import { parseGfm } from '../../../src/core/markdown/parse-gfm';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();

interface Node {
  type: string;
  children?: Node[];
  position?: unknown;
  [key: string]: unknown;
}

/** A tree without positions and with sorted keys: what the later steps read. */
function shape(node: Node): unknown {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort()) {
    if (key === 'position' || key === 'data') continue;
    out[key] = key === 'children' ? node.children!.map(shape) : node[key];
  }
  return out;
}

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('parseGfm (satteri) reads Markdown as remark-parse with remark-gfm does', () => {
  const files = [...markdownFiles('content'), ...markdownFiles('tests/fixtures')];

  it.each(files)('%s', (file) => {
    const { body } = stripFrontMatter(fs.readFileSync(file, 'utf8'));
    expect(shape(parseGfm(body) as Node)).toEqual(shape(remark.parse(body) as Node));
  });

  it.each([
    ['GFM pieces', '| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] not\n\n~~gone~~ and a[^1].\n\n[^1]: The note.\n'],
    ['raw HTML and breaks', '<details><summary>More</summary>\n\nText  \nnext line\\\nlast\n\n</details>\n'],
    ['a literal autolink written with an escape', 'Request failed to https\\://contoso.com/a?b=1. Error code: Forbidden.\n'],
    ['CRLF line ends and tabs', '# Title\r\n\r\n\tcode\r\n\r\n1. one\r\n2. two\r\n'],
  ])('%s', (_name, body) => {
    expect(shape(parseGfm(body) as Node)).toEqual(shape(remark.parse(body) as Node));
  });

  it('keeps one text node around a literal autolink, with its source lines', () => {
    const tree = parseGfm('Intro line\nRequest failed to https\\://contoso.com/x. Error code: Forbidden.\n') as Node;
    const kinds = tree.children![0].children!.map((n) => n.type);
    expect(kinds).toEqual(['text', 'link', 'text']);
    const after = tree.children![0].children![2] as Node & { value: string; position: { start: { line: number }; end: { line: number } } };
    expect(after.value).toBe('. Error code: Forbidden.');
    expect(after.position.start.line).toBe(2);
  });

  it('gives every block its start line', () => {
    const tree = parseGfm('# A\n\npara\n\n```\ncode\n```\n');
    expect(tree.children.map((n) => n.position?.start.line)).toEqual([1, 3, 5]);
  });
});
