import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { lineOf, type MarkdownContext } from '../context';
import { resolveFrom } from '../paths';
import type { IncludeDirective } from '../nodes';
import { walk, walkType } from '../walk';

/** Deeper than this is almost surely a mistake (DocFX's own limit is similar). */
export const MAX_INCLUDE_DEPTH = 10;

const OPEN = /\[!include\s*$/i; // text right before the `[title](path)` link
const TEXT_FORM = /\[!include\s*\[([^\]]*)\]\(\s*<?([^)>]*?)>?\s*\)\s*\]/gi; // whole directive left as text (path with spaces…)

function directive(ref: string, title: string, position: RootContent['position']): IncludeDirective {
  return { type: 'includeDirective', ref: ref.trim(), title, inline: true, children: [], position };
}

/** Step 1 (first of the pipeline): replace `[!INCLUDE [title](path)]` by placeholders, so no other transform touches them. */
export function markIncludes(tree: Root): void {
  const parents: Parent[] = [];
  walk<Root | RootContent>(tree, (node) => {
    if ('children' in node && (node as Parent).children.some((c) => c.type === 'text' && /\[!include/i.test(c.value))) parents.push(node as Parent);
  });
  for (const parent of parents) {
    const kids = parent.children as PhrasingContent[];
    for (let i = 0; i < kids.length; i++) {
      const node = kids[i];
      if (node.type !== 'text') continue;
      // Form parsed by Markdown as: text "…[!INCLUDE " + link + text "]…".
      const link = kids[i + 1];
      const after = kids[i + 2];
      if (OPEN.test(node.value) && link?.type === 'link' && after?.type === 'text' && /^\s*\]/.test(after.value)) {
        const before = node.value.replace(OPEN, '');
        const rest = after.value.replace(/^\s*\]/, '');
        const made: PhrasingContent[] = [];
        if (before) made.push({ type: 'text', value: before });
        made.push(directive(link.url, toString(link), link.position ?? node.position));
        if (rest) made.push({ type: 'text', value: rest });
        kids.splice(i, 3, ...made);
        i += made.length - 1;
        continue;
      }
      if (!TEXT_FORM.test(node.value)) continue;
      TEXT_FORM.lastIndex = 0;
      const made: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(TEXT_FORM)) {
        if (m.index! > last) made.push({ type: 'text', value: node.value.slice(last, m.index) });
        made.push(directive(m[2], m[1], node.position));
        last = m.index! + m[0].length;
      }
      if (last < node.value.length) made.push({ type: 'text', value: node.value.slice(last) });
      kids.splice(i, 1, ...made);
      i += made.length - 1;
    }
  }
  // Alone in its paragraph → block include.
  walkType<Paragraph>(tree, 'paragraph', (para) => {
    const real = para.children.filter((c) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'break');
    if (real.length === 1 && real[0].type === 'includeDirective') real[0].inline = false;
  });
}

function pinPositions(nodes: RootContent[], position: RootContent['position']): void {
  // Included content reports (unsafe HTML…) at the include line of the including file.
  for (const n of nodes) walk<RootContent>(n, (x) => { x.position = position; });
}

/** Parse the included file, or report why not. Returns null when nothing can be spliced. */
function load(d: IncludeDirective, ctx: MarkdownContext): Root | null {
  const line = lineOf(d);
  const shown = d.ref || '(empty path)';
  if (!d.ref) {
    ctx.sink.warn('include-missing', `Include "${d.title}" has no path; it was skipped.`, line);
    return null;
  }
  const got = ctx.resolver.read(d.ref, ctx.file);
  if ('error' in got) {
    const guess = resolveFrom(ctx.file, d.ref.replace(/[?#].*$/, ''));
    if (got.error === 'outside-root') {
      ctx.sink.error('include-outside-root', `Include "${shown}" resolves outside the content root; it was not read.`, line);
      return null;
    }
    if (guess) ctx.out.includes.add(guess); // so the cache rebuilds when the file appears
    ctx.sink.warn('include-missing', `Include "${shown}" ${got.error === 'not-a-file' ? 'is not a file' : 'does not exist'}; it was skipped.`, line);
    return null;
  }
  ctx.out.includes.add(got.file);
  if (got.file === ctx.file || ctx.stack.includes(got.file)) {
    const chain = [...ctx.stack, ctx.file, got.file].join(' → ');
    ctx.sink.error('include-cycle', `Include "${shown}" includes itself (${chain}); the repeated include was skipped.`, line);
    // Reported on the article too: that is where a reader of the report looks for its pages' problems.
    if (ctx.stack.length) {
      const reason = `An include of this article loops back on itself (${chain}); the repeated include was skipped.`;
      ctx.sink.items.push(ctx.articleLine === undefined ? { file: ctx.stack[0], severity: 'error', code: 'include-cycle', reason } : { file: ctx.stack[0], line: ctx.articleLine, severity: 'error', code: 'include-cycle', reason });
    }
    return null;
  }
  if (ctx.stack.length + 1 > MAX_INCLUDE_DEPTH) {
    ctx.sink.error('include-depth', `Include "${shown}" is nested more than ${MAX_INCLUDE_DEPTH} levels deep; it was skipped.`, line);
    return null;
  }
  const included = ctx.parseIncluded(got.text, got.file, ctx.stack.length ? ctx : { ...ctx, articleLine: line });
  pinPositions(included.children, d.position);
  return included;
}

/** Last step: splice each include's parsed content in (block: all of it; inline: its first paragraph's inline content). */
export function resolveIncludes(tree: Root, ctx: MarkdownContext): void {
  const found: Array<[IncludeDirective, Parent[]]> = [];
  visitParents(tree, 'includeDirective', (node, ancestors) => { found.push([node, ancestors as Parent[]]); });
  for (const [d, ancestors] of found) {
    const parent = ancestors[ancestors.length - 1];
    const included = load(d, ctx);
    if (!d.inline && parent.type === 'paragraph' && ancestors.length >= 2) {
      const grand = ancestors[ancestors.length - 2];
      const at = grand.children.indexOf(parent as (typeof grand.children)[number]);
      grand.children.splice(at, 1, ...((included?.children ?? []) as typeof grand.children));
      continue;
    }
    let inline: PhrasingContent[] = [];
    if (included) {
      const first = included.children.find((c) => c.type === 'paragraph');
      if (first?.type === 'paragraph') inline = first.children;
      else if (included.children.length) inline = [{ type: 'text', value: toString(included) }];
    }
    const at = parent.children.indexOf(d);
    (parent.children as PhrasingContent[]).splice(at, 1, ...inline);
  }
}
