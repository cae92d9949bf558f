import type { RootContent } from 'mdast';
import { DiagnosticSink, type Diagnostic } from './diagnostics';
import { SIZE_LIMITS, limitText } from './limits';
import { articleSchema, type Article, type Cause, type Section, type Solution } from './model/article';
import { decodeArticleBytes } from './text/decode';
import { readFrontMatter } from './frontmatter/read';
import { normalizeFrontMatter } from './frontmatter/frontmatter';
import { parseAppliesToLine } from './frontmatter/products';
import { findKbNumber } from './frontmatter/kb-number';
import { parseMarkdown, renderSection, type IncludeResolver } from './markdown/pipeline';
import { buildSections } from './sections/build-sections';
import { lineText } from './markdown/plain-text';
import { extractErrorMessages } from './errors/extract';
import { createSlugger, urlForSource } from './slug';
import { foldProductName, nameKey } from './classify/product-names';

/** What reading one input file produced: a page (article) or only diagnostics. */
export interface IngestResult {
  source: string;
  article: Article | null;
  diagnostics: Diagnostic[];
  /** Include files this article pulled in: a change to any of them invalidates the article. */
  includes: string[];
  /** Images and other files the article references, below the content root. */
  assets: string[];
  /** Internal links found, for the link check. */
  links: Array<{ url: string; anchor: string | null; line?: number }>;
}

/** `ms.topic` values that mark a file as an include, not a page. */
const INCLUDE_TOPICS = new Set(['include', 'includes']);
/** Folders whose files are includes by convention in DocFX repositories. */
const INCLUDE_FOLDER = /(^|\/)includes\//i;

export function isIncludeSource(source: string): boolean {
  return INCLUDE_FOLDER.test(source);
}

/** Read one article file into the model. Never throws: every failure is a diagnostic. */
export function ingestArticle(source: string, bytes: Uint8Array, resolver: IncludeResolver): IngestResult {
  const sink = new DiagnosticSink(source);
  const result: IngestResult = { source, article: null, diagnostics: sink.items, includes: [], assets: [], links: [] };
  try {
    ingestInto(result, source, bytes, resolver, sink);
  } catch (e) {
    result.article = null;
    sink.error('internal-error', `The article could not be processed (${(e as Error)?.message ?? String(e)}); it was not published.`);
  }
  return result;
}

function ingestInto(result: IngestResult, source: string, bytes: Uint8Array, resolver: IncludeResolver, sink: DiagnosticSink): void {
  const decoded = decodeArticleBytes(bytes, sink);
  if (!decoded) return;
  if (isIncludeSource(source)) {
    sink.info('include-file', 'Include file: published inside the articles that include it, not as a page of its own.');
    return;
  }
  const fm = readFrontMatter(decoded.text, sink);
  const meta = normalizeFrontMatter(fm.data, sink, (key) => fm.keyLines[key]);
  if (INCLUDE_TOPICS.has(meta.topic)) {
    sink.info('include-file', 'Include file (ms.topic: include): published inside the articles that include it, not as a page of its own.');
    return;
  }
  const format = /\.mdx$/i.test(source) ? 'mdx' : 'md';
  const parsed = parseMarkdown(fm.body, { file: source, format, lineOffset: fm.bodyLine - 1, sink, resolver });
  result.includes = parsed.includes;
  result.assets = parsed.assets;
  result.links = parsed.links;

  const slugger = createSlugger();
  const model = buildSections(parsed.tree, slugger.slug, { troubleshooting: meta.isTroubleshooting });
  const inferred = new Set(model.inferred ?? []);
  const bodySlug = createSlugger();
  // Headings inside a section (tabs, alerts) need ids that never clash with section anchors.
  const usedAnchors = new Set(model.sections.map((s) => s.anchor));
  const innerSlug = (text: string) => {
    let id = bodySlug.slug(text);
    while (usedAnchors.has(id)) id = bodySlug.slug(text);
    usedAnchors.add(id);
    return id;
  };

  const limitedTitle = limitText('title', meta.title || model.title || fileTitle(source));
  const title = limitedTitle.text;
  if (limitedTitle.problem) sink.warn(limitedTitle.problem.code, limitedTitle.problem.reason);
  const description = limitText('description', meta.description);
  if (description.problem) sink.warn(description.problem.code, description.problem.reason, fm.keyLines.description);
  // normalizeFrontMatter already said the title is missing; say only what we fell back to when it is the file name.
  if (!meta.title && !model.title) sink.warn('title-from-filename', 'No title in front matter and no heading; the file name is used as the title.');

  // Read the body's "Applies to" and "Original KB number" lines before the header-repeat rule drops them.
  const bodyProducts = appliesToFromBody(model.sections);
  const headText = lineText(model.sections.slice(0, 2).flatMap((s) => s.nodes.slice(0, HEAD_BLOCKS)));
  for (const s of model.sections.slice(0, 2)) s.nodes = s.nodes.filter((n, i) => i >= HEAD_BLOCKS || !repeatsHeader(n));

  const sections: Section[] = model.sections.map((s) => {
    const { html, text } = renderSection(s.nodes, { sink, slug: innerSlug });
    return { anchor: s.anchor, title: s.title, depth: s.depth, role: s.role, parent: s.parent, html, text: tidySpaces(text), aliases: s.aliases ?? [] };
  });
  // A page past the hard limit keeps its first sections up to it, and says so on the page.
  const pageSize = sections.reduce((n, s) => n + s.html.length, 0);
  if (pageSize > SIZE_LIMITS.page.hard) {
    let kept = 0, size = 0;
    while (kept < sections.length && size + sections[kept].html.length <= SIZE_LIMITS.page.hard) size += sections[kept++].html.length;
    sections.splice(Math.max(kept, 1));
    sink.warn('size-truncated', `The page is ${pageSize.toLocaleString('en-US')} characters of HTML, over the limit of ${SIZE_LIMITS.page.hard.toLocaleString('en-US')}; only its first ${sections.length} section(s) are published.`);
    sections.push({ anchor: 'article-truncated', title: 'Article truncated', depth: 2, role: 'other', parent: null, aliases: [], text: TRUNCATED_NOTE, html: `<p>${TRUNCATED_NOTE}</p>` });
  } else if (pageSize > SIZE_LIMITS.page.soft) {
    sink.warn('size-large', `The page is ${pageSize.toLocaleString('en-US')} characters of HTML, over the ${SIZE_LIMITS.page.soft.toLocaleString('en-US')} this site expects; it is published as it is.`);
  }
  const byAnchor = new Map(sections.map((s) => [s.anchor, s]));

  let products = meta.products;
  if (!products.length) products = bodyProducts ?? [];

  const causes: Cause[] = model.causes.flatMap((a) => {
    const s = byAnchor.get(a);
    return s ? [{ anchor: s.anchor, title: s.title, html: s.html, text: s.text, inferred: inferred.has(a) }] : [];
  });
  const solutions: Solution[] = model.solutions.flatMap((sol) => {
    const s = byAnchor.get(sol.anchor);
    // A `<details>` method shares its section's anchor but has its own title.
    return s ? [{ anchor: s.anchor, title: sol.title ?? s.title, html: s.html, text: s.text, steps: sol.steps, cause: sol.cause, inferred: inferred.has(sol.anchor) }] : [];
  });
  const bodyText = sections.map((s) => s.text).join('\n');
  const errorMessages = extractErrorMessages(
    model.sections.filter((s) => byAnchor.has(s.anchor)).map((s) => ({ anchor: s.anchor, title: s.title, nodes: s.nodes })),
    title,
  );

  const candidate: Article = {
    source,
    url: urlForSource(source),
    title,
    description: description.text,
    topic: meta.topic,
    isTroubleshooting: meta.isTroubleshooting,
    products,
    supportAreas: meta.supportAreas,
    taxonomyHints: meta.taxonomyHints,
    date: meta.date,
    authors: meta.authors,
    kbNumber: findKbNumber(fm.data, `${headText}\n${bodyText}`),
    summary: model.summary || description.text,
    problem: model.problem ? (byAnchor.get(model.problem) ?? null) : null,
    causes,
    solutions,
    moreInformation: model.moreInformation ? (byAnchor.get(model.moreInformation) ?? null) : null,
    sections,
    headings: sections.length === model.sections.length ? model.headings : model.headings.filter((h) => byAnchor.has(h.anchor)),
    errorMessages,
    format,
  };
  const checked = articleSchema.safeParse(candidate);
  if (!checked.success) {
    const first = checked.error.issues[0];
    sink.error('model-invalid', `The article does not fit the model (${first?.path.join('.')}: ${first?.message}); it was not published.`);
    return;
  }
  result.article = checked.data;
}

const TRUNCATED_NOTE = 'This article is longer than this site publishes; the rest of it is in its source file.';

/** The "Applies to" and "Original KB number" lines sit among an article's first blocks. */
const HEAD_BLOCKS = 6;

/** A paragraph's lines; hard breaks (`  ` at line end) separate "Applies to" from "Original KB number". */
function paragraphLines(node: RootContent): string[] | null {
  if (node.type !== 'paragraph') return null;
  return lineText(node).split('\n');
}

const KB_NUMBER_LINE = /^\s*[*_]*original\s+kb\s+number\b/i;

/**
 * A paragraph that only says what the page header shows: the KB number, and products the header
 * shows as written (a list whose names the product rules would shorten stays, so no version is lost).
 */
function repeatsHeader(node: RootContent): boolean {
  const lines = paragraphLines(node)?.filter((l) => l.trim());
  if (!lines?.length) return false;
  return lines.every((line) => {
    if (KB_NUMBER_LINE.test(line)) return true;
    const products = parseAppliesToLine(line);
    return products !== null && products.length > 0 && products.every((p) => nameKey(foldProductName(p)) === nameKey(p));
  });
}

function appliesToFromBody(sections: Array<{ nodes: RootContent[] }>): string[] | null {
  for (const s of sections.slice(0, 2)) {
    for (const node of s.nodes.slice(0, HEAD_BLOCKS)) {
      const lines = paragraphLines(node);
      if (!lines) continue;
      for (const line of lines) {
        const found = parseAppliesToLine(line);
        if (found?.length) return found;
      }
    }
  }
  return null;
}

function fileTitle(source: string): string {
  const base = source.split('/').pop()!.replace(/\.(md|mdx|markdown)$/i, '');
  return base.replace(/[-_]+/g, ' ').trim() || source;
}

/** Runs of spaces and tabs as one space, at most one blank line between paragraphs. */
function tidySpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}
