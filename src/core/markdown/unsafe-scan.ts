import type { Element, Root } from 'hast';
import type { DiagnosticSink } from '../diagnostics';

/** Elements the sanitizer removes because they run code, load other documents or restyle the page. */
const UNSAFE_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'base', 'link', 'meta', 'form', 'noscript', 'template']);
/** Properties holding URLs, and the schemes that execute or smuggle content. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'background', 'cite', 'srcSet'];
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;

function normalizeUrl(value: unknown): string {
  // Browsers ignore control characters and whitespace inside a scheme: `java\tscript:` still runs.
  return String(Array.isArray(value) ? value.join(' ') : value).replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

/**
 * Report what the sanitizer is about to remove, so authors learn about it (`unsafe-html`). Runs on the
 * hast right before rehype-sanitize; it changes nothing itself.
 */
export function reportUnsafeHtml(tree: Root, sink: DiagnosticSink): void {
  const walk = (node: Root | Element, line: number | undefined) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const at = child.position?.start?.line ?? line;
      const tag = child.tagName.toLowerCase();
      if (UNSAFE_TAGS.has(tag)) {
        sink.warn('unsafe-html', `<${tag}> is not allowed in articles; it was removed.`, at);
        continue; // its content goes with it
      }
      for (const [key, value] of Object.entries(child.properties)) {
        if (/^on/i.test(key)) sink.warn('unsafe-html', `Event handler ${key.toLowerCase()}= on <${tag}> was removed.`, at);
        else if (URL_PROPERTIES.includes(key) && UNSAFE_SCHEME.test(normalizeUrl(value))) {
          sink.warn('unsafe-html', `${normalizeUrl(value).split(':')[0]}: URL in ${key} of <${tag}> was removed.`, at);
        }
      }
      walk(child, at);
    }
  };
  walk(tree, undefined);
}
