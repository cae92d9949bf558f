import type { Root as HastRoot, Element } from 'hast';
import type { Root, RootContent } from 'mdast';
import { toString } from 'hast-util-to-string';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { DiagnosticSink } from '../diagnostics';
import { createSlugger } from '../slug';
import { sanitizeSchema } from './sanitize-schema';
import { reportUnsafeHtml } from './unsafe-scan';
import { someNode, walkType } from './walk';

interface RenderData { sink: DiagnosticSink; slug: (text: string) => string }
declare module 'vfile' {
  interface DataMap { render: RenderData }
}

function rehypeReportUnsafe() {
  return (tree: HastRoot, file: VFile) => reportUnsafeHtml(tree, file.data.render!.sink);
}

/** Our own ids, added after sanitizing: they come from the slugger, not from the author. */
function rehypeHeadingIds() {
  return (tree: HastRoot, file: VFile) => {
    walkType<Element>(tree, 'element', (el) => {
      // Tab titles are labels, not document headings: they take no anchor (keeps model and HTML anchors in step).
      const isLabel = Array.isArray(el.properties.className) && el.properties.className.includes('tab-title');
      if (/^h[1-6]$/.test(el.tagName) && !el.properties.id && !isLabel) el.properties.id = file.data.render!.slug(toString(el));
    });
  };
}

function build(raw: boolean) {
  const toHast = unified().use(remarkRehype, { allowDangerousHtml: raw });
  return (raw ? toHast.use(rehypeRaw) : toHast)
    .use(rehypeReportUnsafe)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingIds)
    .use(rehypeStringify)
    .freeze();
}

// Built once: the corpus renders tens of thousands of sections. The raw-HTML parser (parse5) is only
// paid for when the nodes contain raw HTML.
const withRaw = build(true);
const withoutRaw = build(false);

function hasHtml(nodes: RootContent[]): boolean {
  return nodes.some((n) => someNode(n, (x) => x.type === 'html'));
}

/** A section as the page shows it, and its text as a reader sees it (blocks, list items, cells and line breaks apart). */
export interface RenderedSection { html: string; text: string }

/**
 * mdast nodes → sanitized HTML (headings inside get ids via the given slug function), and the text of
 * that same HTML: alerts, tabs and raw HTML included, markup left out. Reports unsafe HTML to sink.
 */
export function renderSection(nodes: RootContent[], opts: { sink: DiagnosticSink; slug?: (text: string) => string }): RenderedSection {
  const file = new VFile();
  file.data.render = { sink: opts.sink, slug: opts.slug ?? createSlugger().slug };
  const root: Root = { type: 'root', children: nodes };
  const proc = hasHtml(nodes) ? withRaw : withoutRaw;
  try {
    const hast = proc.runSync(root, file);
    return { html: proc.stringify(hast, file), text: toText(hast) };
  } catch (e) {
    opts.sink.error('render-failed', `Could not render this content (${(e as Error).message}); it was left out.`, nodes[0]?.position?.start?.line);
    return { html: '', text: '' };
  }
}
