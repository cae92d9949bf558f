import { DiagnosticSink } from '../../../src/core/diagnostics';
import { parseMarkdown, renderSection, type IncludeResolver, type ParsedMarkdown } from '../../../src/core/markdown/pipeline';
import { resolveFrom } from '../../../src/core/markdown/paths';

/** In-memory resolver: `files` are readable includes, `assets` existing images (paths below the root). */
export function memoryResolver(files: Record<string, string> = {}, assets: string[] = []): IncludeResolver {
  return {
    read(ref, fromFile) {
      const path = resolveFrom(fromFile, ref);
      if (path === null) return { error: 'outside-root' };
      return path in files ? { file: path, text: files[path] } : { error: 'missing' };
    },
    exists: (path) => assets.includes(path),
  };
}

export interface Rendered extends ParsedMarkdown { html: string; text: string; sink: DiagnosticSink; codes: string[] }

export function render(
  md: string,
  opts: { file?: string; format?: 'md' | 'mdx'; lineOffset?: number; resolver?: IncludeResolver } = {},
): Rendered {
  const file = opts.file ?? 'docs/area/article.md';
  const sink = new DiagnosticSink(file);
  const parsed = parseMarkdown(md, { file, format: opts.format ?? 'md', lineOffset: opts.lineOffset ?? 0, sink, resolver: opts.resolver ?? memoryResolver() });
  const { html, text } = renderSection(parsed.tree.children, { sink });
  return { ...parsed, html, text, sink, codes: sink.items.map((d) => d.code) };
}
