import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { remarkGfmGated } from './gfm';

// The JavaScript parser, kept for the rare document the native one rejects.
const remarkGfmParser = unified().use(remarkParse).use(remarkGfmGated).freeze();

interface AnyNode {
  type: string;
  value?: string;
  children?: AnyNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

/**
 * remark-parse merges adjacent text; satteri can leave a literal autolink's neighbours as two text
 * nodes. The later steps (markers, includes, error extraction) read one text node per run of text.
 */
function mergeAdjacentText(node: AnyNode): void {
  const kids = node.children;
  if (!kids) return;
  let out = 0;
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i];
    const last = out > 0 ? kids[out - 1] : undefined;
    if (child.type === 'text' && last?.type === 'text') {
      last.value = (last.value ?? '') + (child.value ?? '');
      if (last.position && child.position) last.position = { start: last.position.start, end: child.position.end };
      continue;
    }
    mergeAdjacentText(child);
    kids[out++] = child;
  }
  kids.length = out;
}

/**
 * Markdown with GFM (front matter already removed) to an mdast tree shaped like remark-parse's with
 * remark-gfm. It uses satteri, the native parser Astro ships: many times faster than remark-parse,
 * with the same tree for all but a handful of files, which differ only in where a list or a line
 * break ends (docs/decisions/2026-12-03-parsing-and-scheduling.md).
 */
export function parseGfm(body: string): Root {
  let tree: Root;
  try {
    tree = markdownToMdast(body, { features: { gfm: true, frontmatter: false } }) as Root;
  } catch {
    return remarkGfmParser.parse(body);
  }
  mergeAdjacentText(tree as AnyNode);
  return tree;
}
