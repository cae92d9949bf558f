import type { Link, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { visit } from 'unist-util-visit';

const API_BASE = 'https://learn.microsoft.com/dotnet/api/';

/** Parse `Uid?text=Label&displayProperty=nameWithType` into the API page URL and a readable label. */
export function xrefTarget(raw: string): { url: string; label: string } {
  let decoded = raw.trim();
  try { decoded = decodeURIComponent(decoded); } catch { /* keep raw */ }
  const q = decoded.indexOf('?');
  const uid = q < 0 ? decoded : decoded.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : decoded.slice(q + 1));
  // Learn API URLs: lower-case, generic arity backticks as dashes, no overload star, no parameter list.
  const slug = uid.replace(/\(.*\)$/, '').replace(/\*$/, '').replace(/#ctor$/i, '-ctor').replace(/`/g, '-').replace(/#/g, '-').toLowerCase();
  const text = params.get('text');
  const parts = uid.replace(/\(.*\)$/, '').replace(/\*$/, '').split('.');
  const label = text ?? (params.get('displayProperty') === 'nameWithType' ? parts.slice(-2).join('.') : uid.replace(/\*$/, ''));
  return { url: API_BASE + slug, label };
}

function xrefLink(raw: string, children?: Link['children']): Link {
  const { url, label } = xrefTarget(raw);
  return { type: 'link', url, children: children?.length ? children : [{ type: 'text', value: label }], data: { hProperties: { className: ['xref'] } } };
}

/** `<xref:Uid>`, `[text](xref:Uid)`, `@xref:Uid` → links to the .NET API reference, class `xref`. */
export function transformXrefs(tree: Root): void {
  visit(tree, 'link', (link, index, parent) => {
    if (!parent || index === undefined || !/^xref:/i.test(link.url)) return;
    const raw = link.url.slice(5);
    // An autolink `<xref:Uid>` shows its own URL as text: replace it by the label.
    const auto = link.children.length === 1 && link.children[0].type === 'text' && link.children[0].value === link.url;
    parent.children[index] = xrefLink(raw, auto ? undefined : link.children);
  });
  findAndReplace(tree, [
    [/<xref:([^>\n]+)>/gi, (_m: string, raw: string) => xrefLink(raw)],
    [/@xref:([\w.`#*%,()-]*[\w`*)])/gi, (_m: string, raw: string) => xrefLink(raw)],
  ]);
}

export function remarkXrefs() {
  return (tree: Root) => transformXrefs(tree);
}
