/**
 * DOM for search results, shared by the header box and the search page. Every piece
 * of text (query, titles, summaries, excerpts) goes in through text nodes; the only
 * element made from result content is `<mark>`, rebuilt from excerpt segments.
 */
import type { ExcerptSegment } from '../core/search/excerpt';
import { FACETS, type FacetCounts, type FacetName, type FacetSelection, type SearchHit } from './search-engine';

type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

export function excerptNode(segments: ExcerptSegment[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const s of segments) frag.append(s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text));
  return frag;
}

export const FACET_LABEL: Record<FacetName, string> = { product: 'Product', area: 'Support area', topic: 'Topic' };

const ORIGIN_BADGE: Record<SearchHit['origin'], string | null> = {
  'lookup-confident': 'Matches your error',
  lookup: 'Similar error',
  fulltext: null,
};

/** Only same-site paths become links: result URLs come from the index, but stay defensive. */
const safeHref = (url: string): string => (/^\/(?!\/)/.test(url) ? url : '/');

export interface HitOptions {
  /** Show Pagefind's excerpt with highlighted words (search page). */
  excerpt: boolean;
  idPrefix: string;
}

export function hitNode(hit: SearchHit, index: number, opts: HitOptions): HTMLLIElement {
  const badge = ORIGIN_BADGE[hit.origin];
  const titleId = `${opts.idPrefix}-title-${index}`;
  const link = el(
    'a',
    { class: 'sr-link', href: safeHref(hit.url), 'data-result': String(index) },
    badge ? el('span', { class: `sr-badge sr-badge-${hit.origin}` }, badge) : null,
    el('span', { class: 'sr-title', id: titleId }, hit.title),
  );
  const details: Node[] = [];
  const summary = hit.matched ?? hit.summary;
  if (summary) details.push(el('span', { class: hit.matched ? 'sr-summary sr-matched' : 'sr-summary' }, summary));
  if (opts.excerpt && hit.excerpt.length) details.push(el('span', { class: 'sr-excerpt' }, excerptNode(hit.excerpt)));
  const meta = [hit.product, hit.area].filter(Boolean).join(' · ');
  if (meta) details.push(el('span', { class: 'sr-meta' }, meta));
  link.append(...details);
  const li = el('li', { class: `sr-item sr-${hit.origin}` }, link);
  if (hit.sections.length) {
    const subs = el('ul', { class: 'sr-sections', 'aria-label': `Sections of ${hit.title}` });
    for (const s of hit.sections) subs.append(el('li', {}, el('a', { href: safeHref(s.url), class: 'sr-section' }, s.title)));
    li.append(subs);
  }
  return li;
}

export interface ChipOptions {
  /** Most chips per facet. */
  perFacet: number;
  /** Full-text results in all: a value every result has would not narrow anything. */
  total: number;
  onToggle: (facet: FacetName, value: string) => void;
}

/** Support areas are hierarchical (`A › B`): show top levels, and the children of a selected area. */
function visibleAreaValues(values: Array<{ value: string; count: number }>, selected: string[]): Array<{ value: string; count: number }> {
  return values.filter((v) => {
    const parts = v.value.split(' › ');
    if (parts.length === 1) return true;
    return selected.includes(parts.slice(0, -1).join(' › ')) || selected.includes(v.value);
  });
}

/** Filter chips (toggle buttons) for the facets of the current results. */
export function chipsNode(facets: FacetCounts, selection: FacetSelection, opts: ChipOptions): HTMLElement | null {
  const wrap = el('div', { class: 'sr-chips', role: 'group', 'aria-label': 'Filter results' });
  for (const facet of FACETS) {
    const selected = selection[facet] ?? [];
    let values = (facet === 'area' ? visibleAreaValues(facets[facet], selected) : facets[facet]).filter((v) => v.count < opts.total);
    // Selected values always show, even when the current results no longer count them.
    for (const v of selected) if (!values.some((x) => x.value === v)) values = [{ value: v, count: 0 }, ...values];
    values = [...values.filter((v) => selected.includes(v.value)), ...values.filter((v) => !selected.includes(v.value))].slice(0, Math.max(opts.perFacet, selected.length));
    for (const v of values) {
      const on = selected.includes(v.value);
      const label = v.value.split(' › ').at(-1) ?? v.value;
      const chip = el(
        'button',
        { type: 'button', class: 'sr-chip', 'aria-pressed': String(on), 'data-facet': facet, 'data-value': v.value, title: `${FACET_LABEL[facet]}: ${v.value}` },
        el('span', { class: 'visually-hidden' }, `${FACET_LABEL[facet]}: `),
        label,
        v.count ? el('span', { class: 'sr-count' }, ` ${v.count}`) : null,
      );
      chip.addEventListener('click', () => opts.onToggle(facet, v.value));
      wrap.append(chip);
    }
  }
  return wrap.childElementCount ? wrap : null;
}

/** Adds or removes one value of a facet; returns a new selection. */
export function toggleFacet(selection: FacetSelection, facet: FacetName, value: string): FacetSelection {
  const cur = selection[facet] ?? [];
  const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
  return { ...selection, [facet]: next };
}

/** Focus movement through the links of a results list with the arrow keys. */
export function moveFocus(container: HTMLElement, from: Element | null, delta: number): HTMLAnchorElement | null {
  const links = [...container.querySelectorAll<HTMLAnchorElement>('a.sr-link, a.sr-section')];
  if (!links.length) return null;
  const at = from ? links.indexOf(from as HTMLAnchorElement) : -1;
  const next = at < 0 ? (delta > 0 ? 0 : links.length - 1) : at + delta;
  if (next < 0 || next >= links.length) return null;
  links[next].focus();
  return links[next];
}

/**
 * Replaces a results list's items, keeping the keyboard where it was: a result link that had the
 * focus hands it to the new link to the same place. A search that answers again while the user
 * arrows through the old results (Ctrl+K runs the query again) would otherwise drop the focus on
 * the page, and Enter would open nothing.
 */
export function replaceResults(list: HTMLElement, items: Node[]): void {
  const focused = document.activeElement;
  const link = focused instanceof HTMLAnchorElement && list.contains(focused) ? { href: focused.getAttribute('href'), cls: focused.className } : null;
  list.replaceChildren(...items);
  if (!link) return;
  const again = [...list.querySelectorAll<HTMLAnchorElement>('a.sr-link, a.sr-section')].find((a) => a.getAttribute('href') === link.href && a.className === link.cls);
  again?.focus();
}
