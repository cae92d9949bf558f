/** The sections of an article as the rules and the linking read them, and walks over them. */
import type { RootContent } from 'mdast';
import type { SectionRole } from '../model/article';
import { isWeakForm, type HeadingClass } from './heading-forms';

export interface SectionDraft {
  anchor: string;
  title: string;
  depth: number;
  role: SectionRole;
  /** Anchor of the nearest enclosing (shallower) heading's section; null at top level and for the intro. */
  parent: string | null;
  /** The section's OWN content, without its heading and without subsections. */
  nodes: RootContent[];
  /** 1-based line of the heading, when the tree has positions. */
  line?: number;
  /** Author-written anchors in the heading (`## <a id="err4"></a>Title`), so old links still land. */
  aliases?: string[];
}

/** A section while building, with what the linking rules need. */
export interface Work extends SectionDraft {
  cls: HeadingClass;
  index: number;
  parentIndex: number | null;
  /** Opened by a bold paragraph (fallback rule `pseudo-heading`), not by a heading. */
  pseudo: boolean;
}

/** Content that renders to nothing: no nodes, or only HTML comments and empty anchors. */
export function isBlank(nodes: RootContent[]): boolean {
  return nodes.every((n) => n.type === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*|<a\s[^>]*>\s*<\/a>\s*)*$/i.test(n.value));
}

export function indexChildren(work: Work[]): Map<number, Work[]> {
  const map = new Map<number, Work[]>();
  for (const w of work) {
    if (w.parentIndex === null) continue;
    const list = map.get(w.parentIndex) ?? [];
    list.push(w);
    map.set(w.parentIndex, list);
  }
  return map;
}

export function descendants(w: Work, childrenOf: Map<number, Work[]>): Work[] {
  const out: Work[] = [];
  const todo = [...(childrenOf.get(w.index) ?? [])].reverse();
  while (todo.length) {
    const c = todo.pop()!;
    out.push(c);
    const kids = childrenOf.get(c.index);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) todo.push(kids[i]);
  }
  return out;
}

/** A `## Resolution` with no text of its own that only groups `### Method 1`, `### Method 2` is not itself listed. */
export function isEmptyContainer(w: Work, childrenOf: Map<number, Work[]>, role: SectionRole): boolean {
  if (!isBlank(w.nodes)) return false;
  return descendants(w, childrenOf).some((d) => d.role === role);
}

/** First section of `role`, preferring strong forms (Symptoms over Summary, More information over Status), then real headings over bold ones. */
export function pickPreferred(work: Work[], role: SectionRole): Work | null {
  const all = work.filter((w) => w.role === role);
  const strong = all.filter((w) => !isWeakForm(w.cls.form));
  return strong.find((w) => !w.pseudo) ?? strong[0] ?? all.find((w) => !w.pseudo) ?? all[0] ?? null;
}

export function toDraft(w: Work): SectionDraft {
  const d: SectionDraft = { anchor: w.anchor, title: w.title, depth: w.depth, role: w.role, parent: w.parent, nodes: w.nodes };
  if (w.line !== undefined) d.line = w.line;
  if (w.aliases) d.aliases = w.aliases;
  return d;
}
