import type { Html, Parent, Root, Text } from 'mdast';
import { walkType } from '../walk';

// One opening tag whose "attributes" are bare words: `<ServerName>`, `<object name>`, `<Date Time>`.
const LONE_OPEN_TAG = /^<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=<>"'/]+)*)\s*>$/;
const CLOSING_TAG = /<\/([A-Za-z][A-Za-z0-9-]*)\s*>/g;
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'containerLabel']);
// HTML void elements (never closed by design).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Support articles write placeholders like `<ServerName>` or `<object name>` in prose. Markdown reads
 * them as raw HTML, and the sanitizer would silently delete them — losing the very text a reader must
 * type. A lone opening tag that is never closed anywhere in the file and is not a void element is
 * therefore turned back into text.
 */
export function transformRawPlaceholders(tree: Root): void {
  const closed = new Set<string>();
  const candidates: Array<[Html, Parent]> = [];
  walkType<Html, Parent>(tree, 'html', (node, _i, parent) => {
    for (const m of node.value.matchAll(CLOSING_TAG)) closed.add(m[1].toLowerCase());
    if (parent && LONE_OPEN_TAG.test(node.value.trim())) candidates.push([node, parent]);
  });
  for (const [node, parent] of candidates) {
    const tag = node.value.trim().match(LONE_OPEN_TAG)![1].toLowerCase();
    if (closed.has(tag) || VOID.has(tag)) continue;
    const text: Text = { type: 'text', value: node.value.trim(), position: node.position };
    const at = parent.children.indexOf(node);
    parent.children[at] = (PHRASING_PARENTS.has(parent.type) ? text : { type: 'paragraph', children: [text], position: node.position }) as (typeof parent.children)[number];
  }
}
