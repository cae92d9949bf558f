import type { Root } from 'mdast';
import { transformMarkedBlockquotes } from '../blockquote-marker';
import { parseAttributes, sanitizeClasses } from '../attributes';
import { container } from '../nodes';

/**
 * `> [!div class="nextstepaction"]` → `<div class="nextstepaction">…</div>`, and
 * `> [!VIDEO https://…]` → a plain link in `<div class="video">` (we embed no players: no iframes).
 */
export function transformDivs(tree: Root): void {
  transformMarkedBlockquotes(tree, (marker, quote) => {
    if (marker.word === 'div') {
      const classes = sanitizeClasses(parseAttributes(marker.rest).class ?? '');
      return container('div', 'div', classes.length ? { className: classes } : {}, quote.children, classes.join(' '));
    }
    if (marker.word === 'video' && /^https?:\/\//i.test(marker.rest)) {
      const url = marker.rest.split(/\s+/)[0];
      return container('video', 'div', { className: ['video'] }, [
        { type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: 'Watch the video' }] }] },
        ...quote.children,
      ], url);
    }
    return null;
  });
}

export function remarkDivs() {
  return (tree: Root) => transformDivs(tree);
}
