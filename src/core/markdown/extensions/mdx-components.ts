import type { Code, Heading, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lineOf, type MarkdownContext } from '../context';

// Minimal shapes of the remark-mdx nodes we read (kept local: we only inspect them, then replace them).
interface JsxAttribute { type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute'; name?: string; value?: unknown }
interface JsxElement extends Parent { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: JsxAttribute[] }
type AnyNode = RootContent | JsxElement | { type: 'mdxjsEsm' | 'mdxFlowExpression' | 'mdxTextExpression'; value: string; position?: RootContent['position'] };

interface Scope { insideCause: boolean }

function heading(depth: 2 | 3, text: string, el: JsxElement): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: text }], position: el.position };
}

function attr(el: JsxElement, name: string, ctx: MarkdownContext): string {
  const a = el.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  if (!a) return '';
  if (typeof a.value === 'string') return a.value;
  ctx.sink.warn('mdx-unsupported', `<${el.name} ${name}={…}>: expression attributes are not evaluated; the ${name} was left empty.`, lineOf(el));
  return '';
}

/** The exact text between the tags, dedented: error messages must keep their wording and line breaks. */
function rawInner(el: JsxElement, ctx: MarkdownContext): string {
  const first = el.children[0]?.position?.start.offset;
  const last = el.children[el.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return toString(el);
  // From the start of the first line, so the first line's indentation counts in the dedent.
  const lines = ctx.source.slice(ctx.source.lastIndexOf('\n', first - 1) + 1, last).split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)![0].length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(indent, l.match(/^[ \t]*/)![0].length))).join('\n').replace(/^\n+|\s+$/g, '');
}

/** Project components → plain mdast (what an author would have written in Markdown). */
const COMPONENTS: Record<string, (el: JsxElement, ctx: MarkdownContext, scope: Scope) => RootContent[]> = {
  Problem: (el, ctx, scope) => [heading(2, 'Symptoms', el), ...mapChildren(el.children as AnyNode[], ctx, scope)],
  Cause: (el, ctx) => {
    const title = attr(el, 'title', ctx);
    return [heading(2, title ? `Cause: ${title}` : 'Cause', el), ...mapChildren(el.children as AnyNode[], ctx, { insideCause: true })];
  },
  Solution: (el, ctx, scope) => {
    const title = attr(el, 'title', ctx);
    return [heading(scope.insideCause ? 3 : 2, title ? `Solution: ${title}` : 'Solution', el), ...mapChildren(el.children as AnyNode[], ctx, scope)];
  },
  ErrorMessage: (el, ctx) => [{ type: 'code', lang: 'error', value: rawInner(el, ctx), position: el.position } satisfies Code],
};

const isComment = (value: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(value);

function mapChildren(children: AnyNode[], ctx: MarkdownContext, scope: Scope): RootContent[] {
  const out: RootContent[] = [];
  for (const node of children) {
    switch (node.type) {
      case 'mdxjsEsm':
        ctx.sink.warn('mdx-unsupported', 'MDX import/export is not executed; it was dropped.', lineOf(node));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isComment(node.value)) ctx.sink.warn('mdx-unsupported', `MDX expression {${node.value.slice(0, 40)}} is not evaluated; it was dropped.`, lineOf(node));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const make = node.name ? COMPONENTS[node.name] : undefined;
        if (make && node.type === 'mdxJsxFlowElement') out.push(...make(node, ctx, scope));
        else if (node.name === 'ErrorMessage') out.push({ type: 'inlineCode', value: toString(node), position: node.position });
        else {
          ctx.sink.warn('mdx-unsupported', `<${node.name ?? ''}> is not a known component; its content is shown without it.`, lineOf(node));
          out.push(...mapChildren(node.children as AnyNode[], ctx, scope));
        }
        break;
      }
      default:
        if ('children' in node) (node as Parent).children = mapChildren((node as Parent).children as AnyNode[], ctx, scope) as Parent['children'];
        out.push(node as RootContent);
    }
  }
  return out;
}

/** `.mdx`: map the project's components (Problem, Cause, Solution, ErrorMessage) into mdast; drop other JSX/ESM with a warning. */
export function transformMdxComponents(tree: Root, ctx: MarkdownContext): void {
  tree.children = mapChildren(tree.children as AnyNode[], ctx, { insideCause: false }) as Root['children'];
}
