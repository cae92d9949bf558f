import type { Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * Plain text of mdast nodes for titles, steps and summaries. Raw HTML and image alt text are left
 * out (an `<a name>` in a heading is not part of its title); block children (alerts and tabs
 * included), table cells and line breaks are separated by a space so that "Open X" + code block
 * does not run together.
 */
export function plainText(node: Nodes | Nodes[]): string {
  return collapse(walkText(node, ' ', () => ''));
}

/**
 * Text of mdast nodes with its lines, as a reader copies it: blocks, table cells, hard breaks and
 * HTML `<br>` start a new line; other HTML tags are left out. For error messages, whose lines a
 * paste keeps.
 */
export function lineText(node: Nodes | Nodes[]): string {
  return walkText(node, '\n', (html) => html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''));
}

function walkText(node: Nodes | Nodes[], gap: string, html: (value: string) => string): string {
  const walk = (n: Nodes | Nodes[]): string => {
    if (Array.isArray(n)) return n.map(walk).join(gap);
    if (isBlockParent(n)) return n.children.map((c) => walk(c as Nodes)).join(gap);
    if (n.type === 'break') return gap;
    if (n.type === 'html') return html(n.value);
    // Inline parents are walked, not handed to toString, which stops at a node's value and drops line breaks.
    if ('children' in n && Array.isArray(n.children)) return (n.children as Nodes[]).map(walk).join('');
    return toString(n, { includeHtml: false, includeImageAlt: false });
  };
  return walk(node);
}

function isBlockParent(node: Nodes): node is Parents {
  return node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table' || node.type === 'tableRow' || node.type === 'footnoteDefinition' || node.type === 'container';
}

/** Collapse runs of whitespace to one space and trim. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut at a word boundary so that the result, ellipsis included, is at most `max` characters. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const cut = room.lastIndexOf(' ');
  const head = (cut > max * 0.5 ? room.slice(0, cut) : room).replace(/[\s,;:.\-–—]+$/, '');
  return head + '…';
}
