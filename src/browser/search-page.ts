/**
 * /search/?q=…&product=…&area=…&topic=…&sort=date — a shareable search: the same
 * engine as the header box, full width, with facet checkboxes. The URL follows the
 * state (replaceState), so copying it shares the exact results.
 */
import { FACETS, loadLookup, search, type FacetCounts, type FacetName, type FacetSelection, type SearchOutcome } from './search-engine';
import { el, FACET_LABEL, hitNode, moveFocus, toggleFacet } from './search-render';

const DEBOUNCE_MS = 150;
const PAGE_RESULTS = 30;
const FACET_VALUES = 15;

interface State {
  q: string;
  sort: '' | 'date';
  filters: FacetSelection;
}

function readState(url: URL): State {
  const filters: FacetSelection = {};
  for (const f of FACETS) {
    const values = url.searchParams.getAll(f).filter(Boolean);
    if (values.length) filters[f] = values;
  }
  return { q: url.searchParams.get('q') ?? '', sort: url.searchParams.get('sort') === 'date' ? 'date' : '', filters };
}

function stateUrl(s: State): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FACETS) for (const v of s.filters[f] ?? []) p.append(f, v);
  if (s.sort) p.set('sort', s.sort);
  const qs = p.toString();
  return `/search/${qs ? `?${qs}` : ''}`;
}

function facetsNode(facets: FacetCounts, state: State, onToggle: (f: FacetName, v: string) => void, onClear: () => void): Node[] {
  const nodes: Node[] = [];
  for (const facet of FACETS) {
    const selected = state.filters[facet] ?? [];
    const values = [...facets[facet]];
    for (const v of selected) if (!values.some((x) => x.value === v)) values.unshift({ value: v, count: 0 });
    if (!values.length) continue;
    // Areas are a hierarchy: keep parents before children, in tree order.
    const shown = (facet === 'area' ? [...values].sort((a, b) => (a.value < b.value ? -1 : 1)) : values).filter(
      (v, i) => i < FACET_VALUES || selected.includes(v.value),
    );
    const list = el('ul');
    for (const v of shown) {
      const depth = v.value.split(' › ').length;
      const id = `facet-${facet}-${nodes.length}-${list.childElementCount}`;
      const box = el('input', { type: 'checkbox', id, 'data-facet': facet, 'data-value': v.value });
      box.checked = selected.includes(v.value);
      box.addEventListener('change', () => onToggle(facet, v.value));
      list.append(
        el('li', { class: `depth-${Math.min(depth, 3)}` }, box, el('label', { for: id }, v.value.split(' › ').at(-1) ?? v.value), el('span', { class: 'count' }, String(v.count))),
      );
    }
    nodes.push(el('fieldset', {}, el('legend', {}, FACET_LABEL[facet]), list));
  }
  if (FACETS.some((f) => state.filters[f]?.length)) {
    const clear = el('button', { type: 'button', class: 'clear-filters' }, 'Clear all filters');
    clear.addEventListener('click', onClear);
    nodes.push(clear);
  }
  return nodes;
}

function setup(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLTextAreaElement>('textarea[name="q"]');
  const sort = form.querySelector<HTMLSelectElement>('[data-search-sort]');
  const status = document.querySelector<HTMLElement>('[data-search-page-status]');
  const list = document.querySelector<HTMLElement>('[data-search-page-results]');
  const facetBox = document.querySelector<HTMLElement>('[data-search-page-facets]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-page-more]');
  if (!box || !sort || !status || !list || !facetBox || !more) return;

  // On a phone the filters start folded, so the results come first on screen.
  const filtersBox = document.querySelector<HTMLDetailsElement>('[data-search-page-filters]');
  if (filtersBox && matchMedia('(max-width: 48rem)').matches) filtersBox.open = false;

  let state = readState(new URL(location.href));
  box.value = state.q;
  sort.value = state.sort;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Results asked for: a page more with each "Show more", back to one page when the query or filters change. */
  let shown = PAGE_RESULTS;

  const render = (out: SearchOutcome) => {
    list.replaceChildren(...out.hits.map((h, i) => hitNode(h, i, { excerpt: true, idPrefix: 'sp' })));
    more.hidden = out.total <= out.hits.length;
    facetBox.replaceChildren(
      ...facetsNode(
        out.facets,
        state,
        (f, v) => {
          state = { ...state, filters: toggleFacet(state.filters, f, v) };
          void run(true);
        },
        () => {
          state = { ...state, filters: {} };
          void run(true);
        },
      ),
    );
    const confident = out.hits.filter((h) => h.origin === 'lookup-confident').length;
    status.textContent = out.unavailable
      ? 'Search is not available: the search index was not found.'
      : !state.q.trim()
        ? ''
        : out.hits.length
          ? `${out.total > out.hits.length ? `Top ${out.hits.length} of ${out.total} results` : `${out.hits.length} ${out.hits.length === 1 ? 'result' : 'results'}`}${confident ? `; ${confident} match your error message` : ''}${out.analysis.kind === 'error' && !out.lookupRan && !FACETS.some((f) => state.filters[f]?.length) ? ' (error lookup not available)' : ''}.`
          : 'No results. Try fewer words, remove filters, or paste the whole error message.';
    document.body.dataset.searchQuery = out.text;
    document.body.dataset.searchRenders = String(Number(document.body.dataset.searchRenders ?? 0) + 1);
    document.body.dataset.searchMs = String(Math.round(out.ms));
    document.dispatchEvent(new CustomEvent('kb-search-results', { detail: { ms: out.ms, count: out.hits.length, kind: out.analysis.kind } }));
  };

  const run = async (immediate = false, showMore = false) => {
    clearTimeout(timer);
    shown = showMore ? shown + PAGE_RESULTS : PAGE_RESULTS;
    const go = async () => {
      const mine = ++seq;
      history.replaceState(null, '', stateUrl(state));
      const before = list.childElementCount;
      const out = await search({ text: state.q, filters: state.filters, sort: state.sort || 'relevance', limit: shown });
      if (mine !== seq) return;
      render(out);
      // Keyboard users carry on from the first new result.
      if (showMore) list.children[before]?.querySelector<HTMLElement>('a')?.focus();
    };
    if (immediate) await go();
    else timer = setTimeout(go, DEBOUNCE_MS);
  };

  box.addEventListener('input', (e) => {
    state = { ...state, q: box.value };
    if (box.value.includes('\n')) void loadLookup();
    void run(e instanceof InputEvent && /^insertFrom(?:Paste|Drop)$/.test(e.inputType));
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      state = { ...state, q: box.value };
      void run(true);
    }
    if (e.key === 'ArrowDown' && !box.value.slice(box.selectionEnd).includes('\n') && moveFocus(list, null, 1)) e.preventDefault();
  });
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    if (!moveFocus(list, e.target as Element, e.key === 'ArrowDown' ? 1 : -1) && e.key === 'ArrowUp') box.focus();
  });
  more.addEventListener('click', () => void run(true, true));
  sort.addEventListener('change', () => {
    state = { ...state, sort: sort.value === 'date' ? 'date' : '' };
    void run(true);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state = { ...state, q: box.value };
    void run(true);
  });
  if (state.q.trim()) void run(true);
  else box.focus();
}

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) setup(form);
