import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { DiagnosticSink } from '../diagnostics';
import { remarkGfmGated } from './gfm';
import type { IncludeResolver, MarkdownContext } from './context';
import { stripFrontMatter } from './front-matter';
import { limitNesting } from './nesting-limit';
import { parseGfm } from './parse-gfm';
import { DOCFX_TRANSFORMS, MDX_TRANSFORMS, remarkDocfx } from './transforms';
import { walk } from './walk';

export type { IncludeResolver } from './context';
export { renderSection } from './render';
export type { Container, ContainerLabel, ContainerName } from './nodes';

export interface ParseOptions {
  file: string;
  format: 'md' | 'mdx';
  /** Lines of front matter before body, so diagnostics give file lines. */
  lineOffset: number;
  sink: DiagnosticSink;
  resolver: IncludeResolver;
}

export interface ParsedMarkdown {
  tree: Root;
  /** Every include path used, transitively (also missing ones, so a cache notices when they appear). */
  includes: string[];
  /** Existing local files referenced (images, downloads), below the content root: the build copies them. */
  assets: string[];
  /** Internal links (site URL of the target article + anchor) for a later link check. */
  links: Array<{ url: string; anchor: string | null; line?: number }>;
}

// Built once; per-file state travels in the VFile.
const mdxParser = unified().use(remarkParse).use(remarkGfmGated).use(remarkMdx).freeze();
const mdTransforms = unified().use(remarkDocfx(DOCFX_TRANSFORMS)).freeze();
const mdxTransforms = unified().use(remarkDocfx(MDX_TRANSFORMS)).freeze();

function shiftLines(tree: Root, lineOffset: number): void {
  if (!lineOffset) return;
  walk<Root['children'][number] | Root>(tree, (node) => {
    if (!node.position) return;
    node.position = {
      start: { ...node.position.start, line: node.position.start.line + lineOffset },
      end: { ...node.position.end, line: node.position.end.line + lineOffset },
    };
  });
}

function parseTree(body: string, format: 'md' | 'mdx', ctx: MarkdownContext, lineOffset: number): { tree: Root; mdx: boolean } {
  if (format === 'mdx') {
    try {
      return { tree: mdxParser.parse(body), mdx: true };
    } catch (e) {
      const err = e as { reason?: string; message?: string; line?: number };
      const line = typeof err.line === 'number' ? err.line + lineOffset : undefined;
      ctx.sink.error('mdx-invalid', `MDX syntax error: ${err.reason ?? err.message}. The file was read as plain Markdown instead.`, line);
    }
  }
  return { tree: parseGfm(body), mdx: false };
}

function run(source: string, format: 'md' | 'mdx', lineOffset: number, ctx: MarkdownContext): Root {
  // Absurdly deep lists/quotes would stall or overflow the parser: flatten them first (same lines).
  const body = limitNesting(source, ctx.sink, lineOffset);
  ctx.source = body;
  const { tree, mdx } = parseTree(body, format, ctx, lineOffset);
  shiftLines(tree, lineOffset);
  const vfile = new VFile({ path: ctx.file, value: body });
  vfile.data.kb = ctx;
  (mdx ? mdxTransforms : mdTransforms).runSync(tree, vfile);
  return tree;
}

/** Included files go through the same pipeline, with their own front matter removed and their own diagnostics file. */
function parseIncluded(text: string, file: string, parent: MarkdownContext): Root {
  const { body, lineOffset } = stripFrontMatter(text);
  const sink = new DiagnosticSink(file);
  const ctx: MarkdownContext = { ...parent, file, source: body, sink, stack: [...parent.stack, parent.file] };
  const tree = run(body, /\.mdx$/i.test(file) ? 'mdx' : 'md', lineOffset, ctx);
  parent.sink.items.push(...sink.items);
  return tree;
}

/** Parse an article body (front matter already removed) with the DocFX/Learn extensions applied. Never throws. */
export function parseMarkdown(body: string, opts: ParseOptions): ParsedMarkdown {
  const ctx: MarkdownContext = {
    file: opts.file,
    source: body,
    sink: opts.sink,
    resolver: opts.resolver,
    parseIncluded,
    out: { includes: new Set(), assets: new Set(), links: [] },
    stack: [],
  };
  let tree: Root;
  try {
    tree = run(body, opts.format, opts.lineOffset, ctx);
  } catch (e) {
    opts.sink.error('markdown-failed', `Could not read the Markdown (${(e as Error).message}); the page body is empty.`);
    tree = { type: 'root', children: [] };
  }
  return { tree, includes: [...ctx.out.includes], assets: [...ctx.out.assets], links: ctx.out.links };
}

