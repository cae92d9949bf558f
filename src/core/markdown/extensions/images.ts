import type { Image, Link, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { walk, walkType } from '../walk';
import { lineOf, type MarkdownContext } from '../context';
import { parseAttributes } from '../attributes';
import { resolveFrom } from '../paths';
import { splitParagraphAtMarkers } from '../split-lines';
import { container, label, type Container } from '../nodes';

const INLINE_DIRECTIVE = /:::image(?!-end)\s+([\s\S]*?):::/gi;
// A whole line opening a complex image, or the line closing its long description.
const COMPLEX_MARKER = /^:::image(?:-end:::|\s+(?=.*type\s*=\s*["']complex["'])(.*?):::)$/i;

/**
 * Resolve an image source against the current file. External URLs pass; paths inside the content
 * root are recorded as assets (served at `/<path>`); paths leaving the root are refused.
 */
export function resolveImageSource(src: string, ctx: MarkdownContext, line: number | undefined, report = true): string | null {
  const trimmed = src.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return trimmed; // http(s), data:… (sanitizer decides)
  const path = resolveFrom(ctx.file, trimmed.replace(/[?#].*$/, ''));
  if (path === null || path === '') {
    if (report) ctx.sink.error('image-outside-root', `Image "${trimmed}" points outside the content root; the image was dropped.`, line);
    return null;
  }
  if (ctx.resolver.exists(path)) ctx.out.assets.add(path);
  else if (report) ctx.sink.warn('image-missing', `Image "${trimmed}" (${path}) does not exist; the page shows a broken image.`, line);
  return '/' + encodeURI(path);
}

interface Directive { type: string; source: string; alt: string | null; lightbox?: string; border?: string }

function readDirective(body: string): Directive {
  const a = parseAttributes(body);
  return { type: (a.type ?? 'content').toLowerCase(), source: a.source ?? '', alt: a['alt-text'] ?? null, lightbox: a.lightbox, border: a.border };
}

/** Build the `<img>` (wrapped in a lightbox link when asked) for a directive, or null when it must be dropped. */
function imageFor(d: Directive, ctx: MarkdownContext, line: number | undefined): Image | Link | null {
  if (!d.source) {
    ctx.sink.warn('image-invalid', '`:::image:::` has no source="…"; it was dropped.', line);
    return null;
  }
  if (d.alt === null && d.type !== 'icon') ctx.sink.warn('image-alt-missing', `Image "${d.source}" has no alt-text; screen readers get nothing.`, line);
  const url = resolveImageSource(d.source, ctx, line);
  if (url === null) return null;
  const classes = d.type === 'icon' ? ['icon'] : d.border === 'false' ? [] : ['border'];
  const img: Image = { type: 'image', url, alt: d.alt ?? '', data: { hProperties: { loading: 'lazy', ...(classes.length ? { className: classes } : {}) } } };
  if (d.type === 'icon' || !d.lightbox) return img;
  const target = resolveImageSource(d.lightbox, ctx, line, false);
  return target ? { type: 'link', url: target, children: [img], data: { hProperties: { className: ['lightbox'] } } } : img;
}

/** An image directive split by Markdown (emphasis inside alt-text…) is glued back into one text node. */
function mergeSplitDirectives(parent: Parent): void {
  const kids = parent.children as PhrasingContent[];
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    if (node.type !== 'text') continue;
    const open = node.value.lastIndexOf(':::image');
    if (open < 0 || node.value.indexOf(':::', open + 3) >= 0) continue;
    let j = i + 1;
    let value = node.value;
    while (j < kids.length && !value.slice(open + 3).includes(':::')) value += toString(kids[j++]);
    if (!value.slice(open + 3).includes(':::')) continue;
    kids.splice(i, j - i, { type: 'text', value, position: node.position });
  }
}

function replaceInlineDirectives(parent: Parent, index: number, ctx: MarkdownContext): number {
  const node = parent.children[index];
  if (node.type !== 'text' || !node.value.includes(':::image')) return 1;
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of node.value.matchAll(INLINE_DIRECTIVE)) {
    if (m.index! > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
    const built = imageFor(readDirective(m[1]), ctx, lineOf(node));
    if (built) out.push(built);
    last = m.index! + m[0].length;
  }
  if (last === 0) return 1;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  (parent.children as PhrasingContent[]).splice(index, 1, ...out);
  return out.length;
}

/** Complex images: the opener line, a long description, then `:::image-end:::` → figure with a `<details>` description. */
function groupComplex(parent: Parent, ctx: MarkdownContext): void {
  const out: RootContent[] = [];
  let open: { figure: Container; details: Container; line?: number } | null = null;
  for (const child of parent.children as RootContent[]) {
    const pieces = child.type === 'paragraph' ? splitParagraphAtMarkers(child, COMPLEX_MARKER) : null;
    const items = pieces ?? [{ kind: 'paragraph' as const, node: child }];
    for (const p of items) {
      if (p.kind === 'paragraph') {
        (open ? open.details.children : out).push(p.node as Container['children'][number]);
        continue;
      }
      const isEnd = /image-end/i.test(p.match[0]);
      if (isEnd) {
        if (!open) ctx.sink.warn('image-unbalanced', '`:::image-end:::` without a complex image before it; ignored.', p.line);
        open = null;
        continue;
      }
      if (open) ctx.sink.warn('image-unbalanced', 'Complex image not closed with `:::image-end:::` before the next one.', open.line);
      const img = imageFor(readDirective(p.match[1]), ctx, p.line);
      const details = container('details', 'details', { className: ['image-description'] }, [label('summary', 'image-description-title', [{ type: 'text', value: 'Description' }])]);
      const figure = container('figure', 'figure', { className: ['image', 'complex'] }, [...(img ? [img as unknown as Container['children'][number]] : []), details]);
      out.push(figure);
      open = { figure, details, line: p.line };
    }
  }
  if (open) ctx.sink.warn('image-unbalanced', 'Complex image is never closed with `:::image-end:::`; the rest of the block became its description.', open.line);
  parent.children = out as Parent['children'];
}

/** `:::image …:::` directives and plain Markdown images: resolve sources, record assets, build figures. */
export function transformImages(tree: Root, ctx: MarkdownContext): void {
  const blockParents: Parent[] = [];
  const inlineParents: Parent[] = [];
  walk<Root | RootContent>(tree, (node) => {
    if (!('children' in node)) return;
    const p = node as Parent;
    if (p.children.some((c) => c.type === 'paragraph')) blockParents.push(p);
    if (p.children.some((c) => c.type === 'text' && c.value.includes(':::image'))) inlineParents.push(p);
  });
  // Plain `![alt](src)` images first: the directive images built below are resolved already.
  walkType<Image>(tree, 'image', (img) => {
    const url = resolveImageSource(img.url, ctx, lineOf(img));
    img.url = url ?? '';
    img.data = { ...img.data, hProperties: { loading: 'lazy', ...(img.data?.hProperties ?? {}) } };
  });
  for (const p of blockParents.reverse()) {
    if (p.children.some((c) => c.type === 'paragraph' && toString(c).includes(':::image'))) groupComplex(p, ctx);
  }
  for (const p of inlineParents) {
    mergeSplitDirectives(p);
    for (let i = 0; i < p.children.length; ) i += replaceInlineDirectives(p, i, ctx);
  }
  // A paragraph holding nothing but one content image becomes a <figure>.
  walkType<Paragraph, Parent>(tree, 'paragraph', (para, index, parent) => {
    if (!parent || index === undefined) return;
    const kids = para.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
    if (kids.length !== 1) return;
    const only = kids[0];
    const img = only.type === 'link' && only.children.length === 1 ? only.children[0] : only;
    if (img.type !== 'image' || (img.data?.hProperties as { className?: string[] } | undefined)?.className?.includes('icon')) return;
    const fig = container('figure', 'figure', { className: ['image'] }, [only as unknown as Container['children'][number]]);
    fig.position = para.position;
    parent.children[index] = fig as (typeof parent.children)[number];
  });
}
