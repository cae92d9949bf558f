/** Helpers that read a built site: list its files and find anything in its HTML that could run code. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  /** Text directly inside (script/style bodies). */
  text: string;
}

type P5Node = { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: P5Node[]; content?: P5Node; value?: string };

/** Every element of a document (or of its `<within>` elements only), in order, with its attributes (template contents included). */
export function elementsOf(html: string, within?: string): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack: Array<P5Node & { inside?: boolean }> = [parse(html) as unknown as P5Node];
  while (stack.length) {
    const node = stack.pop()!;
    const inside = !within || node.inside || node.tagName === within;
    if (node.tagName && inside) {
      const text = (node.childNodes ?? []).filter((c) => c.nodeName === '#text').map((c) => c.value ?? '').join('');
      out.push({ tag: node.tagName.toLowerCase(), attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name.toLowerCase(), a.value])), text });
    }
    const kids = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(Object.assign(kids[i], { inside }));
  }
  return out;
}

/** All files below `dir`, relative, forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

/** Scripts the site ships itself: bundled modules loaded from its own folders, never inline. */
const OWN_SCRIPT = /^\/(_astro|pagefind)\/[\w./-]+\.m?js$/;
const ACTIVE_ELEMENTS = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'portal']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'srcset', 'ping'];
const normalizeUrl = (v: string) => v.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();

/** What in one page could run code the site did not ship. Empty when the page is clean. */
export function unsafeInHtml(html: string): string[] {
  const problems: string[] = [];
  for (const el of elementsOf(html)) {
    const at = `<${el.tag}${Object.entries(el.attrs).map(([k, v]) => ` ${k}="${v.slice(0, 60)}"`).join('')}>`;
    if (el.tag === 'script') {
      const own = el.attrs.type === 'module' && OWN_SCRIPT.test(el.attrs.src ?? '') && !el.text.trim();
      const data = el.attrs.type === 'application/json' || el.attrs.type === 'application/ld+json';
      if (!own && !data) problems.push(`script not shipped by the site: ${at} ${el.text.slice(0, 80)}`);
    }
    if (ACTIVE_ELEMENTS.has(el.tag)) problems.push(`active element: ${at}`);
    if (el.tag === 'meta' && /refresh/i.test(el.attrs['http-equiv'] ?? '')) problems.push(`meta refresh: ${at}`);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/^on/.test(name)) problems.push(`event handler attribute ${name}: ${at}`);
      if (name === 'srcdoc') problems.push(`srcdoc: ${at}`);
      if (URL_ATTRIBUTES.includes(name)) {
        const url = normalizeUrl(value);
        if (/^(javascript|vbscript):/.test(url)) problems.push(`${url.split(':')[0]}: URL in ${name}: ${at}`);
        // data: images are allowed by the CSP (img-src data:); data: documents and links are not.
        if (url.startsWith('data:') && !(el.tag === 'img' && name === 'src' && /^data:image\/(png|gif|jpe?g|webp);/.test(url))) problems.push(`data: URL in ${name}: ${at}`);
      }
    }
  }
  return problems;
}

/** Elements inside the article body that only an author (not our templates) could have put there. */
export function authoredStyleIn(html: string): string[] {
  const problems: string[] = [];
  for (const el of elementsOf(html, 'article')) {
    if (el.tag === 'style' || el.tag === 'link' || el.tag === 'meta') problems.push(`<${el.tag}> inside the article`);
    if ('style' in el.attrs) problems.push(`style= on <${el.tag}> inside the article`);
  }
  return problems;
}
