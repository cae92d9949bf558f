/**
 * The outline of an article: its H1 title, the intro before the first heading, and a section for
 * each heading or pseudo-heading (a bold paragraph that stands for one), nested by depth.
 */
import type { Root, RootContent } from 'mdast';
import { classifyHeading, type HeadingClass } from './heading-forms';
import { pseudoHeading } from './rules/pseudo-heading';
import { isBlank, toDraft, type SectionDraft, type Work } from './section-tree';
import { plainText } from '../markdown/plain-text';

export const INTRO_ANCHOR = 'intro';

export interface Outline {
  title: string | null;
  /** The intro as a section (depth 1), or null when nothing comes before the first heading. */
  intro: SectionDraft | null;
  work: Work[];
  /** Document order, the intro first. */
  sections: SectionDraft[];
}

/** Split an article's mdast into sections. */
export function outlineOf(tree: Root, slug: (text: string) => string): Outline {
  const children: RootContent[] = Array.isArray(tree?.children) ? tree.children : [];
  const anchors = uniqueAnchors(slug);
  let title: string | null = null;
  const intro: RootContent[] = [];
  const work: Work[] = [];
  const stack: Work[] = [];

  const open = (text: string, depth: number, cls: HeadingClass, line: number | undefined, pseudo: boolean): Work => {
    if (work.length === 0 && !isBlank(intro)) anchors.reserve(INTRO_ANCHOR); // intro is complete now
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : null;
    const section: Work = {
      anchor: anchors.next(text),
      title: text,
      depth,
      role: cls.role,
      parent: parent ? parent.anchor : null,
      nodes: [],
      cls,
      index: work.length,
      parentIndex: parent ? parent.index : null,
      pseudo,
    };
    if (line !== undefined) section.line = line;
    work.push(section);
    stack.push(section);
    return section;
  };

  for (const node of children) {
    if (node.type === 'heading') {
      const text = plainText(node);
      if (node.depth === 1 && title === null) {
        title = text;
        continue;
      }
      // A second H1 is a top-level section.
      const section = open(text, Math.min(Math.max(node.depth, 2), 6), classifyHeading(text), node.position?.start.line, false);
      const aliases = headingAliases(node).filter((a) => a !== section.anchor);
      if (aliases.length) section.aliases = aliases;
      continue;
    }
    const pseudo = pseudoHeading(node);
    if (pseudo) {
      // One level below the enclosing real heading, so that consecutive labels are siblings.
      const host = [...stack].reverse().find((w) => !w.pseudo);
      const section = open(pseudo.title, Math.min((host?.depth ?? 1) + 1, 6), classifyHeading(pseudo.title), node.position?.start.line, true);
      if (pseudo.rest) section.nodes.push(pseudo.rest);
      continue;
    }
    (work.length ? work[work.length - 1].nodes : intro).push(node);
  }

  const sections: SectionDraft[] = [];
  let introDraft: SectionDraft | null = null;
  if (!isBlank(intro)) {
    introDraft = { anchor: INTRO_ANCHOR, title: '', depth: 1, role: 'intro', parent: null, nodes: intro };
    sections.push(introDraft);
  }
  for (const w of work) sections.push(toDraft(w));
  return { title, intro: introDraft, work, sections };
}

/** Ids and names of raw `<a>` anchors inside a heading; only characters safe in an id. */
function headingAliases(heading: RootContent): string[] {
  const out: string[] = [];
  const visit = (n: { type: string; value?: unknown; children?: unknown }) => {
    if (n.type === 'html' && typeof n.value === 'string') {
      for (const m of n.value.matchAll(/<a\s[^>]*?\b(?:id|name)\s*=\s*["']?([A-Za-z0-9_:.-]+)/gi)) if (!out.includes(m[1])) out.push(m[1]);
    }
    if (Array.isArray(n.children)) for (const c of n.children) visit(c as typeof n);
  };
  visit(heading as unknown as { type: string });
  return out;
}

/**
 * Anchors from the article's slugger, called once per heading in order. If a slug function that
 * does not dedupe repeats itself (or a heading slugs to the reserved `intro`), we ask again, then
 * add a suffix, so anchors stay unique whatever the slug function does.
 */
function uniqueAnchors(slug: (text: string) => string) {
  const used = new Set<string>();
  const call = (text: string): string => {
    try {
      return String(slug(text) ?? '') || 'section';
    } catch {
      return 'section';
    }
  };
  return {
    next(text: string): string {
      // An empty heading slugs as 'section' so repeats become section-1, not a bare '-1'.
      if (!/[\p{L}\p{N}]/u.test(text)) text = 'section';
      let a = call(text);
      for (let i = 0; used.has(a) && i < 3; i++) a = call(text);
      const base = a;
      for (let i = 1; used.has(a); i++) a = `${base}-${i}`;
      used.add(a);
      return a;
    },
    reserve(anchor: string): void {
      used.add(anchor);
    },
  };
}
