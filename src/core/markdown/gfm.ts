import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import type { Processor } from 'unified';

/**
 * GFM's literal-autolink step (`www.x.com`, `a@b.org` in text become links) walks the whole tree
 * once per pattern, four times, on every parse. Every pattern needs an `@`, `http(s)://` or `www.`
 * in a text node outside links, so a file without one skips the step: the result is the same.
 */
const CANDIDATE = /@|https?:\/\/|www\./i;

interface AnyNode {
  type: string;
  value?: string;
  children?: AnyNode[];
}

function mayHaveLiteralAutolink(node: AnyNode): boolean {
  if (node.type === 'text') return CANDIDATE.test(node.value ?? '');
  // The step leaves link text alone (its `ignore` list).
  if (node.type === 'link' || node.type === 'linkReference') return false;
  return node.children?.some(mayHaveLiteralAutolink) ?? false;
}

type FromMarkdownExtension = { transforms?: Array<(tree: Root) => Root | undefined | void> };

/** remark-gfm, with its tree transforms (only the literal-autolink one has any) run when they can match. */
export function remarkGfmGated(this: Processor): void {
  remarkGfm.call(this);
  const list = this.data('fromMarkdownExtensions') as Array<FromMarkdownExtension | FromMarkdownExtension[]>;
  const gfm = list[list.length - 1]; // the entry remarkGfm just added
  const gate = (ext: FromMarkdownExtension): FromMarkdownExtension =>
    ext.transforms ? { ...ext, transforms: ext.transforms.map((t) => (tree: Root) => (mayHaveLiteralAutolink(tree) ? t(tree) : undefined)) } : ext;
  list[list.length - 1] = Array.isArray(gfm) ? gfm.map(gate) : gate(gfm);
}
