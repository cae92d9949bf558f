import type { Blockquote, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { walkType } from './walk';

export interface BlockquoteMarker {
  /** Marker word as written, lower-cased (`note`, `div`, `video`). */
  word: string;
  /** Whatever follows the word inside the brackets (`class="x"`, a URL). */
  rest: string;
}

// `[!NOTE]`, `[!div class="x"]`, `[!VIDEO https://…]` at the very start of a blockquote.
const MARKER = /^\s*\[!([a-zA-Z]+)(?:\s+([^\]\n]*))?\]\s*/;

/**
 * Visit every blockquote that opens with a DocFX `[!WORD …]` marker. The handler returns a node to
 * replace the blockquote with (the marker already stripped from its content), or null to leave it.
 */
export function transformMarkedBlockquotes(
  tree: Root,
  handle: (marker: BlockquoteMarker, quote: Blockquote) => Root['children'][number] | null,
): void {
  // Collect first, then handle innermost quotes first so nested markers survive the outer replacement.
  const found: Array<[Blockquote, Parent]> = [];
  walkType<Blockquote, Parent>(tree, 'blockquote', (quote, _index, parent) => {
    if (parent) found.push([quote, parent]);
  });
  for (const [quote, parent] of found.reverse()) {
    const index = parent.children.indexOf(quote as (typeof parent.children)[number]);
    if (index < 0) continue;
    const first = quote.children[0];
    if (first?.type !== 'paragraph') continue;
    // The marker may span several inline nodes (GFM turns the URL of `[!VIDEO https://…]` into a link).
    let consumed = 0;
    let joined = '';
    while (consumed < first.children.length && !joined.includes(']')) joined += toString(first.children[consumed++]);
    const m = joined.match(MARKER);
    const last = first.children[consumed - 1];
    if (!m || last?.type !== 'text') continue;
    const marker = { word: m[1].toLowerCase(), rest: (m[2] ?? '').trim() };
    // Strip on copies: an unknown marker must leave the quote untouched.
    const stripped: Blockquote = { ...quote, children: [...quote.children] };
    const rest = joined.slice(m[0].length);
    const para = { ...first, children: first.children.slice(consumed) };
    if (rest) para.children.unshift({ ...last, value: rest });
    // A hard break right after the marker (`[!NOTE]  ⏎`) is noise too.
    if (para.children[0]?.type === 'break') para.children.shift();
    if (para.children.length) stripped.children[0] = para;
    else stripped.children.shift();
    const replacement = handle(marker, stripped);
    if (replacement) parent.children[index] = replacement as (typeof parent.children)[number];
  }
}
