/** Rule `details-methods`: `<details>` blocks that each hold one method of fixing the problem. */
import type { List, PhrasingContent, RootContent } from 'mdast';
import { collapse } from '../../markdown/plain-text';
import { decodeEntities } from '../../text/html-entities';
import { isNotAFix } from './article-signals';
import { hasProcedure } from './procedures';
import type { DetailsMethod, SectionRule } from './rule';
import { listItems } from '../steps';


const DETAILS_OPEN = /<details\b/gi;
const DETAILS_CLOSE = /<\/details\s*>/gi;
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i;
/** Summaries of blocks that hide output or examples, not a method. */
const NOT_A_METHOD_SUMMARY = /^(?:(?:sample|example|expected|full|more|show|view|see|click|expand|details?|output|logs?|screenshots?|code)\b|(?:why|what) )/i;

const countOf = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/**
 * The `<details>` blocks among `nodes` (top level) whose content is a method: an ordered list of
 * steps, a lead-in to a procedure, or a link to the fix. In mdast the block is an html node that
 * opens it (with the summary), the markdown content as siblings, and an html node that closes it.
 */
export function detailsMethods(nodes: RootContent[]): DetailsMethod[] {
  const out: DetailsMethod[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const open = nodes[i];
    if (open.type !== 'html' || countOf(DETAILS_OPEN, open.value) === 0) continue;
    // A block opened and closed in the same html node has no markdown content to read.
    if (countOf(DETAILS_OPEN, open.value) <= countOf(DETAILS_CLOSE, open.value)) continue;
    let summary = SUMMARY.exec(open.value)?.[1];
    let depth = countOf(DETAILS_OPEN, open.value) - countOf(DETAILS_CLOSE, open.value);
    const content: RootContent[] = [];
    let j = i + 1;
    for (; j < nodes.length && depth > 0; j++) {
      const n = nodes[j];
      if (n.type === 'html') {
        summary ??= SUMMARY.exec(n.value)?.[1];
        depth += countOf(DETAILS_OPEN, n.value) - countOf(DETAILS_CLOSE, n.value);
        if (depth <= 0) break;
        continue;
      }
      content.push(n);
    }
    i = j;
    const title = collapse(decodeEntities((summary ?? '').replace(/<[^>]*>/g, ' ')));
    if (!title || NOT_A_METHOD_SUMMARY.test(title) || isNotAFix(title)) continue;
    if (!hasProcedure(content) && !hasLink(content)) continue;
    out.push({ title, list: content.find((n): n is List => n.type === 'list' && n.ordered === true) ?? null });
  }
  return out;
}

function hasLink(nodes: RootContent[]): boolean {
  const walk = (n: RootContent | PhrasingContent): boolean => n.type === 'link' || n.type === 'linkReference' || ('children' in n && (n.children as Array<RootContent | PhrasingContent>).some(walk));
  return nodes.some((n) => n.type !== 'code' && walk(n));
}

export const detailsMethodsRule: SectionRule = {
  name: 'details-methods',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: false,
  description:
    'Each `<details><summary>Method</summary> … </details>` block that holds steps or a link to a fix is a solution titled by its summary, anchored at the enclosing section (the block has no anchor of its own).',
  apply(ctx) {
    const { work, problem, intro } = ctx;
    for (const w of [...work.filter((x) => !ctx.excluded(x)), ...(problem && (!ctx.causes.has(problem) || ctx.sentenceCauses.has(problem)) ? [problem] : [])]) {
      const found = detailsMethods(w.nodes);
      if (!found.length) continue;
      ctx.methods.set(w, found);
      ctx.inferSolution(w, 'details-methods');
    }
    if (ctx.noSolution() && intro) for (const m of detailsMethods(intro.nodes)) ctx.introSolutions.push({ rule: 'details-methods', title: m.title, steps: listItems(m.list) });
  },
};
