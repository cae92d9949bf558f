import type { Heading, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { container, label, type Container } from '../nodes';

const TAB_LINK = /^#tab\/([^/\s]+)(?:\/([^/\s]+))?$/i;

interface TabHeading { heading: Heading; id: string; dependent: string | null }

/** `# [Name](#tab/id)` (any depth, optionally `#tab/id/dependent`) — a heading made of exactly one such link. */
function asTabHeading(node: RootContent): TabHeading | null {
  if (node.type !== 'heading' || node.children.length !== 1) return null;
  const link = node.children[0];
  if (link.type !== 'link') return null;
  const m = link.url.match(TAB_LINK);
  return m ? { heading: node, id: m[1].toLowerCase(), dependent: m[2]?.toLowerCase() ?? null } : null;
}

/** Where a tab group stops: at `---` (consumed) or at a non-tab heading no deeper than the tabs. */
function endOfGroup(children: RootContent[], start: number, depth: number): { end: number; consumed: boolean } {
  for (let i = start; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'thematicBreak') return { end: i, consumed: true };
    if (node.type === 'heading' && node.depth <= depth && !asTabHeading(node)) return { end: i, consumed: false };
  }
  return { end: children.length, consumed: false };
}

function groupTabs(parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const first = asTabHeading(children[i]);
    if (!first) continue;
    const depth = first.heading.depth;
    const { end, consumed } = endOfGroup(children, i + 1, depth);
    const tabs: Container[] = [];
    let current: { tab: TabHeading; body: RootContent[] } | null = null;
    const close = () => {
      if (!current) return;
      const props: Record<string, string | string[]> = { className: ['tab'], dataTab: current.tab.id };
      if (current.tab.dependent) props.dataTabDependent = current.tab.dependent;
      const link = current.tab.heading.children[0];
      const title = link.type === 'link' ? link.children : [];
      tabs.push(container('tab', 'section', props, [label('h4', 'tab-title', title), ...(current.body as Container['children'])], current.tab.id));
    };
    for (let j = i; j < end; j++) {
      const tab = asTabHeading(children[j]);
      if (tab && tab.heading.depth === depth) {
        close();
        current = { tab, body: [] };
      } else current!.body.push(children[j]);
    }
    close();
    const group = container('tabs', 'div', { className: ['tabs'] }, tabs);
    group.position = first.heading.position;
    children.splice(i, end - i + (consumed ? 1 : 0), group);
  }
}

/** Tab groups → `<div class="tabs"><section class="tab" data-tab="id"><h4 class="tab-title">Name</h4>…</section>…</div>`. */
export function transformTabs(tree: Root): void {
  const parents: Parent[] = [];
  visit(tree, (node) => {
    if ('children' in node && (node as Parent).children.some((c) => c.type === 'heading')) parents.push(node as Parent);
  });
  for (const p of parents) groupTabs(p);
}

export function remarkTabs() {
  return (tree: Root) => transformTabs(tree);
}
