import type { Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * Plain text of mdast nodes for titles, steps and summaries. Raw HTML and image alt text are left
 * out (an `<a name>` in a heading is not part of its title); block children (alerts and tabs
 * included), table cells and line breaks are separated by a space so that "Open X" + code block
 * does not run together.
 */
export function plainText(node: Nodes | Nodes[]): string {
  return collapse(blockText(node));
}

function blockText(node: Nodes | Nodes[]): string {
  if (Array.isArray(node)) return node.map(blockText).join(' ');
  if (isBlockParent(node)) return node.children.map((c) => blockText(c as Nodes)).join(' ');
  if (node.type === 'break') return ' ';
  // Inline parents are walked, not handed to toString, which stops at a node's value and drops line breaks.
  if ('children' in node && Array.isArray(node.children)) return (node.children as Nodes[]).map(blockText).join('');
  return toString(node, { includeHtml: false, includeImageAlt: false });
}

function isBlockParent(node: Nodes): node is Parents {
  return node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table' || node.type === 'tableRow' || node.type === 'tableCell' || node.type === 'footnoteDefinition' || node.type === 'container';
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
