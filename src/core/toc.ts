import { load as loadYaml } from 'js-yaml';
import { DiagnosticSink } from './diagnostics';
import { urlForSource } from './slug';

/** One entry of a DocFX `toc.yml`, resolved to site URLs. */
export interface TocNode {
  name: string;
  /** Site URL when the entry points at an article we publish; null for groups and external/landing pages. */
  url: string | null;
  /** Article source the entry points at (below the content root), if any. */
  source: string | null;
  /** External link, if the entry points off-site. */
  external: string | null;
  children: TocNode[];
}

interface RawTocItem {
  name?: unknown;
  displayName?: unknown;
  href?: unknown;
  tocHref?: unknown;
  topicHref?: unknown;
  items?: unknown;
}

/** Normalize a relative path against a folder; null when it climbs above the root. */
export function joinSource(dir: string, href: string): string | null {
  const parts = dir ? dir.split('/') : [];
  for (const seg of href.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

export interface TocReadContext {
  /** Read another toc file (for `href: sub/toc.yml`); null when missing. */
  readToc(source: string): string | null;
  /** The published article for a source path, matched without regard to case (DocFX repos are edited on Windows); null if none. */
  resolveArticle(source: string): string | null;
  sink: DiagnosticSink;
}

/** Parse a toc.yml (and the tocs it references) into a tree. Never throws. */
export function parseToc(source: string, text: string, ctx: TocReadContext, seen: Set<string> = new Set()): TocNode[] {
  seen.add(source);
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    ctx.sink.error('toc-invalid', `toc.yml is not valid YAML: ${(e as Error).message.split('\n')[0]}`, mark?.line !== undefined ? mark.line + 1 : undefined);
    return [];
  }
  const items = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : null;
  if (!items) {
    if (data != null) ctx.sink.warn('toc-invalid', 'toc.yml does not hold a list of entries; ignored');
    return [];
  }
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
  return items.flatMap((item) => toNode(item as RawTocItem, dir, ctx, seen));
}

function toNode(item: RawTocItem, dir: string, ctx: TocReadContext, seen: Set<string>): TocNode[] {
  if (!item || typeof item !== 'object') return [];
  const name = String(item.name ?? item.displayName ?? '').trim();
  const href = typeof item.href === 'string' ? item.href.trim() : typeof item.topicHref === 'string' ? item.topicHref.trim() : '';
  const children = Array.isArray(item.items) ? item.items.flatMap((c) => toNode(c as RawTocItem, dir, ctx, seen)) : [];
  const node: TocNode = { name, url: null, source: null, external: null, children };
  if (href) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) node.external = href;
    else if (href.startsWith('/')) node.external = `https://learn.microsoft.com${href}`;
    else {
      const clean = href.split('#')[0].split('?')[0];
      const target = joinSource(dir, clean);
      if (target === null) ctx.sink.warn('toc-outside-root', `toc entry "${name}" points outside the content root: ${href}`);
      else if (/(^|\/)toc\.ya?ml$/i.test(target) || clean.endsWith('/')) {
        const tocSource = clean.endsWith('/') ? `${target}/toc.yml`.replace(/^\//, '') : target;
        if (!seen.has(tocSource)) {
          const text = ctx.readToc(tocSource);
          if (text !== null) node.children.push(...parseToc(tocSource, text, ctx, new Set(seen)));
        }
      } else if (/\.(md|mdx|markdown)$/i.test(target)) {
        const found = ctx.resolveArticle(target);
        if (found) {
          node.source = found;
          node.url = urlForSource(found);
        } else ctx.sink.warn('toc-missing-target', `toc entry "${name}" points at ${target}, which is not an article here`);
      }
    }
  }
  if (!node.name && !node.url && !node.children.length) return [];
  if (!node.name) node.name = node.source ?? 'Untitled';
  return [node];
}

/** One toc group's entries, without grandchildren: bounded, never the whole tree. */
export type NavGroup = Array<{ name: string; url: string | null }>;

/** Where an article stands in the navigation: breadcrumb names and the group it belongs to. */
export interface NavPlacement {
  /** Names from the toc root down to the article's parent group. */
  trail: Array<{ name: string; url: string | null }>;
  /**
   * The article's own group, as an index into the groups `placeArticles` returns: stored once, not per
   * article, since every member of a 300-entry group would otherwise carry all 300.
   */
  group: number;
  /** The article's position in that group. */
  index: number;
}

export interface NavPlacements {
  placement: Map<string, NavPlacement>;
  groups: NavGroup[];
}

/** Index every article source in a toc tree to its placement (first occurrence wins, for determinism). */
export function placeArticles(tree: TocNode[]): NavPlacements {
  const out = new Map<string, NavPlacement>();
  const groups: NavGroup[] = [];
  const visit = (nodes: TocNode[], trail: NavPlacement['trail']) => {
    let group = -1;
    nodes.forEach((node, index) => {
      if (node.source && !out.has(node.source)) {
        if (group < 0) group = groups.push(nodes.map((n) => ({ name: n.name, url: n.url ?? firstUrl(n) }))) - 1;
        out.set(node.source, { trail, group, index });
      }
      // A nested toc often repeats its parent's name ("SQL Server" › "SQL Server"): keep one.
      const last = trail[trail.length - 1];
      if (node.children.length) visit(node.children, last?.name === node.name ? trail : [...trail, { name: node.name, url: node.url }]);
    });
  };
  visit(tree, []);
  return { placement: out, groups };
}

/** The side-nav entries of a placed article, its own marked current. */
export function siblingsOf(nav: NavPlacement, groups: readonly NavGroup[]): Array<{ name: string; url: string | null; current: boolean }> {
  return (groups[nav.group] ?? []).map((s, i) => ({ ...s, current: i === nav.index }));
}

function firstUrl(node: TocNode): string | null {
  if (node.url) return node.url;
  for (const c of node.children) {
    const u = firstUrl(c);
    if (u) return u;
  }
  return null;
}
