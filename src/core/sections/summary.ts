/** An article's summary: the first paragraph of its problem, else of its intro, else of any section. */
import type { Nodes, RootContent } from 'mdast';
import { descendants, type SectionDraft, type Work } from './section-tree';
import { collapse, truncateWords } from '../markdown/plain-text';

export const SUMMARY_MAX = 300;

/** Lines that are article metadata, not a description of the problem. */
const METADATA_LINE = /^\W*(?:applies to|original kb number|original product version|kb number|article id)\b/i;

export function summaryOf(problem: Work | null, intro: SectionDraft | null, work: Work[], childrenOf: Map<number, Work[]>): string {
  const candidates: RootContent[][] = [];
  if (problem) {
    candidates.push(problem.nodes);
    for (const d of descendants(problem, childrenOf)) candidates.push(d.nodes);
  }
  if (intro) candidates.push(intro.nodes);
  // Last resort so that every article gets some summary: the first paragraph anywhere.
  for (const w of work) candidates.push(w.nodes);
  for (const nodes of candidates) {
    const text = firstParagraphText(nodes);
    if (text) return truncateWords(text, SUMMARY_MAX);
  }
  return '';
}

function firstParagraphText(nodes: RootContent[]): string {
  for (const n of nodes) {
    if (n.type !== 'paragraph') continue; // blockquotes (alerts), lists, code, tables are not summaries
    const lines = paragraphLines(n)
      .map(collapse)
      .filter((l) => l && !METADATA_LINE.test(l));
    const text = collapse(lines.join(' '));
    if (/[\p{L}\p{N}]/u.test(text)) return text;
  }
  return '';
}

/** The paragraph's text split at its source line breaks (metadata lines share one paragraph). */
function paragraphLines(p: Nodes): string[] {
  const parts: string[] = [''];
  const walk = (n: Nodes): void => {
    if (n.type === 'break') parts.push('');
    else if (n.type === 'text' || n.type === 'inlineCode') {
      const segs = n.value.split('\n');
      parts[parts.length - 1] += segs[0];
      for (const seg of segs.slice(1)) parts.push(seg);
    } else if (n.type === 'html' || n.type === 'image' || n.type === 'imageReference') {
      if (n.type === 'html' && /^<br\s*\/?>$/i.test(n.value.trim())) parts.push('');
    } else if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(p);
  return parts;
}
