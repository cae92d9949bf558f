/** The steps of a solution: the items of its first ordered list. */
import type { List, RootContent } from 'mdast';
import { descendants, type Work } from './section-tree';
import { plainText } from '../markdown/plain-text';

export const MAX_STEPS = 50;

/** Items of the first ordered list in the section's own content, else in its non-solution subsections. */
export function stepsOf(s: Work, childrenOf: Map<number, Work[]>, isSolution: (w: Work) => boolean): string[] {
  let list = firstOrderedList(s.nodes);
  if (!list) {
    for (const d of descendants(s, childrenOf)) {
      if (isSolution(d)) continue; // a nested Method has steps of its own
      list = firstOrderedList(d.nodes);
      if (list) break;
    }
  }
  return listItems(list);
}

export function listItems(list: List | null): string[] {
  if (!list) return [];
  return list.children
    .map((item) => plainText(item))
    .filter((t) => t.length > 0)
    .slice(0, MAX_STEPS);
}

export function firstOrderedList(nodes: RootContent[]): List | null {
  for (const n of nodes) if (n.type === 'list' && n.ordered) return n;
  return null;
}
