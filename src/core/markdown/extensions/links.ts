import type { Definition, Link, Root } from 'mdast';
import { urlForSource } from '../../slug';
import { lineOf, type MarkdownContext } from '../context';
import { resolveFrom, splitAnchor } from '../paths';
import { walk } from '../walk';

const LEARN = 'https://learn.microsoft.com';
const ARTICLE = /\.(md|mdx|markdown)$/i;

/**
 * Rewrite one link target. Returns the new URL; records internal links for the later link check.
 * Table of forms, first match wins.
 */
function rewrite(url: string, ctx: MarkdownContext, line: number | undefined): string {
  const trimmed = url.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return trimmed; // external, mailto:, xref: done
  if (trimmed.startsWith('#')) {
    // In an included file, `#anchor` means the including article's page (stack[0]), not the include.
    ctx.out.links.push({ url: urlForSource(ctx.stack[0] ?? ctx.file), anchor: trimmed.slice(1) || null, line });
    return trimmed;
  }
  if (trimmed.startsWith('/')) return LEARN + trimmed; // site-absolute Learn link: /azure/…, /windows/…
  const { path, anchor } = splitAnchor(trimmed);
  const resolved = resolveFrom(ctx.file, path);
  if (resolved === null) {
    ctx.sink.warn('link-outside-root', `Link "${trimmed}" points outside the content root; left as written.`, line);
    return trimmed;
  }
  if (ARTICLE.test(resolved)) {
    const target = urlForSource(resolved);
    ctx.out.links.push({ url: target, anchor, line });
    return anchor ? `${target}#${anchor}` : target;
  }
  // A file beside the article (download, image): served from its path below the root.
  if (ctx.resolver.exists(resolved)) ctx.out.assets.add(resolved);
  else ctx.sink.warn('link-target-missing', `Link "${trimmed}" points to ${resolved}, which does not exist.`, line);
  return '/' + encodeURI(resolved) + (anchor ? `#${anchor}` : '');
}

/** Relative `.md` links → article URLs; `/azure/…` → learn.microsoft.com; internal links collected. */
export function transformLinks(tree: Root, ctx: MarkdownContext): void {
  walk<Root | Root['children'][number]>(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const n = node as Link | Definition;
    n.url = rewrite(n.url, ctx, lineOf(n));
  });
}
