import type { Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { MarkdownContext } from '../context';
import { parseAttributes } from '../attributes';
import { splitParagraphAtMarkers } from '../split-lines';
import { container, label, type Container } from '../nodes';

/** The fenced DocFX containers: what attribute each carries and how it is shown. */
const FENCES = {
  moniker: { attribute: 'range', dataProperty: 'dataRange', labelPrefix: 'Applies to: ' },
  zone: { attribute: 'pivot', dataProperty: 'dataPivot', labelPrefix: 'Option: ' },
} as const;
type FenceKind = keyof typeof FENCES;

// `::: moniker range=">=x"`, `::: zone pivot="a,b" :::`, `::: moniker-end`, `::: zone-end :::` (closing colons optional)
const MARKER = /^:::\s*(moniker|zone)(-end)?(?![\w-])(.*?)(?::::)?$/i;

interface Frame { kind: FenceKind | null; value: string; line?: number; children: RootContent[] }

function build(frame: Frame): Container {
  const spec = FENCES[frame.kind!];
  return container(frame.kind!, 'div', { className: [frame.kind!], [spec.dataProperty]: frame.value }, [
    label('p', `${frame.kind}-label`, [{ type: 'text', value: spec.labelPrefix + frame.value }]),
    ...(frame.children as Container['children']),
  ], frame.value);
}

function groupFences(parent: Parent, ctx: MarkdownContext): void {
  // Flatten marker lines out of the paragraphs they may be glued to.
  const items: Array<RootContent | { marker: RegExpMatchArray; line?: number }> = [];
  for (const child of parent.children as RootContent[]) {
    const pieces = child.type === 'paragraph' ? splitParagraphAtMarkers(child, MARKER) : null;
    if (!pieces) { items.push(child); continue; }
    for (const p of pieces) items.push(p.kind === 'marker' ? { marker: p.match, line: p.line } : p.node);
  }
  if (items.length === parent.children.length && items.every((x) => !('marker' in x))) return;

  const stack: Frame[] = [{ kind: null, value: '', children: [] }];
  for (const item of items) {
    if (!('marker' in item)) { stack[stack.length - 1].children.push(item); continue; }
    const kind = item.marker[1].toLowerCase() as FenceKind;
    if (!item.marker[2]) {
      const value = parseAttributes(item.marker[3] ?? '')[FENCES[kind].attribute] ?? '';
      if (!value) ctx.sink.warn(`${kind}-invalid`, `\`::: ${kind}\` has no ${FENCES[kind].attribute}="…"; its content is shown for every ${FENCES[kind].attribute}.`, item.line);
      stack.push({ kind, value, line: item.line, children: [] });
      continue;
    }
    const top = stack[stack.length - 1];
    if (top.kind !== kind) {
      ctx.sink.warn(`${kind}-unbalanced`, `\`::: ${kind}-end :::\` without a matching \`::: ${kind}\` opener; the marker was ignored.`, item.line);
      continue;
    }
    stack.pop();
    stack[stack.length - 1].children.push(build(top));
  }
  // Unclosed fences run to the end of their container: text is kept, the author is told.
  while (stack.length > 1) {
    const top = stack.pop()!;
    ctx.sink.warn(`${top.kind}-unbalanced`, `\`::: ${top.kind}\` is never closed with \`::: ${top.kind}-end :::\`; it was closed at the end of the enclosing block.`, top.line);
    stack[stack.length - 1].children.push(build(top));
  }
  parent.children = stack[0].children as Parent['children'];
}

/** `::: moniker range="…" :::` / `::: zone pivot="…" :::` fences → labelled `<div class="moniker|zone">`. */
export function transformMonikerZones(tree: Root, ctx: MarkdownContext): void {
  const parents: Parent[] = [];
  visit(tree, (node) => {
    if ('children' in node && (node as Parent).children.some((c) => c.type === 'paragraph')) parents.push(node as Parent);
  });
  // Innermost first, so a fence inside a list item is grouped within that item.
  for (const p of parents.reverse()) groupFences(p, ctx);
}
