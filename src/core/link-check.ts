import type { Diagnostic } from './diagnostics';
import type { Article } from './model/article';
import { decodeEntities } from './text/html-entities';

export interface InternalLink {
  /** Source of the article the link stands in. */
  from: string;
  /** Site URL of the target page (trailing slash). */
  url: string;
  anchor: string | null;
  line?: number;
}

/** Ids in sanitized HTML (hast-util-to-html always quotes attribute values with `"`). */
const ID_ATTRIBUTE = /\sid="([^"]*)"/g;

/** Every fragment target on an article's page: section anchors, heading ids, and ids kept in its HTML. */
export function anchorsOf(article: Pick<Article, 'sections' | 'headings'>): Set<string> {
  const out = new Set<string>();
  for (const s of article.sections) {
    out.add(s.anchor);
    for (const alias of s.aliases ?? []) out.add(alias);
    for (const m of s.html.matchAll(ID_ATTRIBUTE)) out.add(decodeEntities(m[1]));
  }
  for (const h of article.headings) out.add(h.anchor);
  return out;
}

function decoded(anchor: string): string {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
}

/**
 * Check internal links against the published pages. A link to a page that is not published is
 * `link-broken`; a link whose `#anchor` is not an id on its target page is `anchor-broken`. Both are
 * warnings: the page is still published, the reader just lands in the wrong place. Same link on the
 * same line is reported once.
 */
export function checkLinks(links: InternalLink[], pages: Map<string, Set<string>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const key = `${link.from}\0${link.line ?? ''}\0${link.url}\0${link.anchor ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = link.line === undefined ? {} : { line: link.line };
    const anchors = pages.get(link.url);
    if (!anchors) {
      out.push({
        file: link.from,
        ...where,
        severity: 'warning',
        code: 'link-broken',
        reason: `Link to ${link.url}${link.anchor ? `#${link.anchor}` : ''} points to a page that is not published (missing file, or a file that produced no page); readers get a 404.`,
      });
      continue;
    }
    if (link.anchor && !anchors.has(link.anchor) && !anchors.has(decoded(link.anchor))) {
      out.push({
        file: link.from,
        ...where,
        severity: 'warning',
        code: 'anchor-broken',
        reason: `Link to ${link.url}#${link.anchor}: that page has no heading or element with id "${link.anchor}"; readers land at the top of the page.`,
      });
    }
  }
  return out;
}
