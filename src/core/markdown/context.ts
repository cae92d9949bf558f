import type { Root } from 'mdast';
import type { DiagnosticSink } from '../diagnostics';

export interface IncludeResolver {
  /** Resolve `ref` relative to `fromFile` (both relative to content root, forward slashes). */
  read(ref: string, fromFile: string): { file: string; text: string } | { error: 'missing' | 'outside-root' | 'not-a-file' };
  /** Does an asset (image) exist? path relative to content root. */
  exists(path: string): boolean;
}

/** What the pipeline's transforms share for one parsed file (passed to plugins through `file.data.kb`). */
export interface MarkdownContext {
  /** Path below the content root of the file being parsed. */
  file: string;
  /** The Markdown body (front matter removed), for slicing raw source by offset. */
  source: string;
  sink: DiagnosticSink;
  resolver: IncludeResolver;
  /** Parse an included file with the same pipeline (children of `ctx`: shared records, deeper stack). */
  parseIncluded(text: string, file: string, parent: MarkdownContext): Root;
  /** Records shared with the whole include tree of one article. */
  out: {
    includes: Set<string>;
    assets: Set<string>;
    links: Array<{ url: string; anchor: string | null; line?: number }>;
  };
  /** Files being included above this one, outermost first (cycle and depth checks). */
  stack: string[];
  /** Line of the article's own include that led here (set below the article's first level). */
  articleLine?: number;
}

declare module 'vfile' {
  interface DataMap {
    kb: MarkdownContext;
  }
}

/** Line of a node, when it has a position (positions are already shifted to file lines). */
export function lineOf(node: { position?: { start?: { line: number } } }): number | undefined {
  return node.position?.start?.line;
}
