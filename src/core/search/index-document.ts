/**
 * The HTML Pagefind indexes for one article, generated from the model (no page
 * chrome, no re-reading of the built page). Weights: title and problem summary
 * most, code blocks least. Only Cause and Solution headings carry ids, and they
 * come last, so Pagefind's sub-results point exactly at them while the rest of the
 * article counts for the page itself.
 */
import type { Article, Section } from '../model/article';
import { topicLabel } from '../taxonomy';
import { identifierTokens } from './search-terms';

/** Separator of hierarchical support-area filter values: `Sharing › Sharing links`. */
export const AREA_SEPARATOR = ' › ';

export const SEARCH_WEIGHTS = {
  title: 10,
  summary: 7,
  code: 0.4,
  /** Identifier variants: low, and last, so excerpts come from the real text. */
  identifiers: 0.5,
} as const;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every prefix of every area path, joined with ` › `: filtering on `A` finds `A › B` too. */
export function areaFilterValues(areas: string[][]): string[] {
  const out = new Set<string>();
  for (const p of areas) for (let i = 1; i <= p.length; i++) out.add(p.slice(0, i).join(AREA_SEPARATOR));
  return [...out];
}

export interface SearchFacets {
  product: string[];
  area: string[];
  topic: string[];
}

export function searchFacets(a: Pick<Article, 'products' | 'supportAreas' | 'topic'>): SearchFacets {
  return {
    product: [...new Set(a.products.filter(Boolean))],
    area: areaFilterValues(a.supportAreas),
    topic: a.topic ? [topicLabel(a.topic)] : [],
  };
}

/** Section HTML with code blocks down-weighted. The HTML is the model's sanitized output. */
function weighted(html: string): string {
  return html.replace(/<pre(?=[\s>])/g, `<pre data-pagefind-weight="${SEARCH_WEIGHTS.code}"`);
}

const isSubResult = (s: Section) => s.role === 'cause' || s.role === 'solution';

function sectionHtml(s: Section, withId: boolean): string {
  if (s.role === 'intro') return weighted(s.html);
  const level = Math.min(Math.max(s.depth, 2), 6);
  const id = withId ? ` id="${esc(s.anchor)}"` : '';
  return `<h${level}${id}>${esc(s.title)}</h${level}>\n${weighted(s.html)}`;
}

const metaTag = (kind: 'meta' | 'filter' | 'sort', name: string, value: string) =>
  `<meta data-pagefind-${kind}="${name}[content]" content="${esc(value)}">`;

/** Marks the facet tags in a search document, so the build can give them the site's taxonomy (see `withFacets`). */
const FACETS_START = '<!--kb-facets-->';
const FACETS_END = '<!--/kb-facets-->';

/** Meta and filter tags of an article's products, areas and topic. */
function facetTags(a: Pick<Article, 'products' | 'supportAreas' | 'topic'>): string {
  const facets = searchFacets(a);
  return [
    FACETS_START,
    ...(facets.product.length ? [metaTag('meta', 'product', facets.product.join(', '))] : []),
    ...(a.supportAreas.length ? [metaTag('meta', 'area', a.supportAreas[0].join(AREA_SEPARATOR))] : []),
    ...(facets.topic.length ? [metaTag('meta', 'topic', facets.topic[0])] : []),
    ...facets.product.map((v) => metaTag('filter', 'product', v)),
    ...facets.area.map((v) => metaTag('filter', 'area', v)),
    ...facets.topic.map((v) => metaTag('filter', 'topic', v)),
    FACETS_END,
  ].join('\n');
}

/** A search document with its facet tags made from `facets` instead (the site's products and areas for the article). */
export function withFacets(html: string, facets: Pick<Article, 'products' | 'supportAreas' | 'topic'>): string {
  const a = html.indexOf(FACETS_START), b = html.indexOf(FACETS_END);
  if (a < 0 || b < a) return html;
  return html.slice(0, a) + facetTags(facets) + html.slice(b + FACETS_END.length);
}

/** The complete HTML document Pagefind indexes for one article. Deterministic. */
export function searchDocument(a: Article): string {
  const head: string[] = [
    metaTag('meta', 'title', a.title),
    metaTag('meta', 'summary', a.summary),
    ...(a.date ? [metaTag('meta', 'date', a.date), metaTag('sort', 'date', a.date)] : []),
    facetTags(a),
  ];
  const general = a.sections.filter((s) => !isSubResult(s));
  const targeted = a.sections.filter(isSubResult);
  const allText = [a.title, a.summary, ...a.sections.map((s) => `${s.title}\n${s.text}`)].join('\n');
  const idents = identifierTokens(allText);
  const body = [
    `<h1 data-pagefind-weight="${SEARCH_WEIGHTS.title}">${esc(a.title)}</h1>`,
    a.summary ? `<p data-pagefind-weight="${SEARCH_WEIGHTS.summary}">${esc(a.summary)}</p>` : '',
    ...general.map((s) => sectionHtml(s, false)),
    ...targeted.map((s) => sectionHtml(s, true)),
    idents.length ? `<p data-pagefind-weight="${SEARCH_WEIGHTS.identifiers}">${esc(idents.join(' '))}</p>` : '',
  ].filter(Boolean);
  return `<!doctype html><html lang="en"><head><title>${esc(a.title)}</title>${head.join('')}</head><body><main data-pagefind-body>\n${body.join('\n')}\n</main></body></html>`;
}
