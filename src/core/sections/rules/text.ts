/** Text helpers the section rules share: words, sentences, and the paragraphs a rule reads. */
import type { Paragraph, RootContent } from 'mdast';

export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Where a paragraph's plain text splits into sentences. */
export const SENTENCE_SPLIT = /(?<=[.!?])\s+(?=[A-Z"“])/;

/**
 * The paragraphs a section's sentence and label rules read: its top-level paragraphs and, when
 * `items` is set, the paragraphs directly inside its top-level list items (catalogs and known-issue
 * lists put "Suggested actions:" and "To resolve this issue, …" in bullets). Nested lists stay out.
 */
export function sectionParagraphs(nodes: RootContent[], items: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push(n);
    else if (items && n.type === 'list') {
      for (const item of n.children) {
        // A bullet that opens with a link is an entry of an update or article list: it describes
        // what another page fixes, not this article's problem.
        const first = item.children[0];
        if (first?.type === 'paragraph' && first.children[0]?.type === 'link') continue;
        for (const c of item.children) if (c.type === 'paragraph') out.push(c);
      }
    }
  }
  return out;
}
