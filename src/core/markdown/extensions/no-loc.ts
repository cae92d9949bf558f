import type { Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { parseAttributes } from '../attributes';

/** `:::no-loc text="Term":::` marks a term as not to translate: show the term itself. */
export function transformNoLoc(tree: Root): void {
  findAndReplace(tree, [[/:::no-loc\s+([^\n]*?):::/gi, (_m: string, attrs: string) => ({ type: 'text', value: parseAttributes(attrs).text ?? '' })]]);
}
