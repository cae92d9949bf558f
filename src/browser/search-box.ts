/**
 * The header search box on every page: `/` or Ctrl+K focuses it, Esc closes the
 * panel, arrows move through results, Enter opens one (or, in the box, the search
 * page). Words go to full text; a pasted error also runs the fingerprint lookup.
 * Without JavaScript the box is a plain GET form to /search/.
 */
import { loadLookup, loadPagefind, search, type FacetSelection, type SearchOutcome } from './search-engine';
import { chipsNode, hitNode, moveFocus, replaceResults, toggleFacet } from './search-render';

const DEBOUNCE_MS = 120;
const MAX_ROWS = 8;
const PANEL_RESULTS = 8;

function countText(shown: number, total: number): string {
  const n = Math.max(shown, total);
  return shown < n ? `${shown} of ${n} results` : `${n} ${n === 1 ? 'result' : 'results'}`;
}

export function searchPageUrl(text: string): string {
  return `/search/?q=${encodeURIComponent(text.trim())}`;
}

/** Grows the textarea with its content (up to MAX_ROWS lines), so a paste stays readable. */
function autosize(box: HTMLTextAreaElement, form: HTMLFormElement): void {
  box.style.height = '';
  const style = getComputedStyle(box);
  const px = (v: string) => parseFloat(v) || 0;
  const line = px(style.lineHeight) || 24;
  // border-box sizing: scrollHeight holds content and padding; the borders come on top.
  const border = px(style.borderTopWidth) + px(style.borderBottomWidth);
  // On a phone the grown box would cover most of the screen: a third of it at most.
  const max = Math.min(line * MAX_ROWS + px(style.paddingTop) + px(style.paddingBottom) + border, Math.max(innerHeight / 3, line * 3));
  const height = Math.min(Math.max(box.scrollHeight + border, box.offsetHeight), max);
  box.style.height = `${height}px`;
  // The results panel sits below the grown box.
  form.style.setProperty('--search-box-height', `${height}px`);
}

const isTypingTarget = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

function setup(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLTextAreaElement>('textarea[name="q"]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const list = form.querySelector<HTMLElement>('[data-search-results]');
  const chips = form.querySelector<HTMLElement>('[data-search-chips]');
  const more = form.querySelector<HTMLAnchorElement>('[data-search-more]');
  if (!box || !panel || !status || !list || !chips || !more) return;
  // The shortcut hint is for a keyboard; a touch screen has none (and a phone has no room for it).
  if (matchMedia('(hover: hover) and (pointer: fine)').matches) box.placeholder = `${box.placeholder} (press /)`;

  let selection: FacetSelection = {};
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    panel.hidden = false;
    form.classList.add('is-open');
  };
  const close = () => {
    panel.hidden = true;
    form.classList.remove('is-open');
  };

  // On focus, before the user types or pastes: Pagefind, and the lookup module, which warms its code as it loads.
  const warm = () => {
    void loadPagefind();
    void loadLookup();
  };

  /** The fingerprint lookup's answer, shown while the full-text search is still loading. */
  const renderLookup = (out: SearchOutcome) => {
    replaceResults(list, out.hits.map((h, i) => hitNode(h, i, { excerpt: false, idPrefix: 'hb' })));
    chips.replaceChildren();
    const confident = out.hits.filter((h) => h.origin === 'lookup-confident').length;
    status.textContent = `${out.hits.length} ${out.hits.length === 1 ? 'article' : 'articles'}${confident ? `, ${confident} matching your error` : ''}; searching the full text…`;
    more.href = searchPageUrl(box.value);
    more.hidden = false;
    form.dataset.searchLookupQuery = out.text;
    form.dispatchEvent(new CustomEvent('kb-search-lookup', { detail: { ms: out.ms, count: out.hits.length } }));
  };

  const render = (out: SearchOutcome) => {
    replaceResults(list, out.hits.map((h, i) => hitNode(h, i, { excerpt: false, idPrefix: 'hb' })));
    const chipRow = chipsNode(out.facets, selection, {
      perFacet: 4,
      total: out.total,
      onToggle: (facet, value) => {
        selection = toggleFacet(selection, facet, value);
        void run(true);
      },
    });
    chips.replaceChildren(...(chipRow ? [chipRow] : []));
    const confident = out.hits.filter((h) => h.origin === 'lookup-confident').length;
    status.textContent = out.unavailable
      ? 'Search is not available on this copy of the site. Press Enter to open the search page.'
      : out.hits.length
        ? `${countText(out.hits.length, out.total)}${confident ? `, ${confident} matching your error` : ''}. Use the down arrow to move through them.`
        : 'No results. Try fewer words, or paste the whole error message.';
    more.href = searchPageUrl(box.value);
    more.hidden = !out.hits.length;
    // For tests and benchmarks: which input the shown results answer, and how long it took.
    form.dataset.searchQuery = out.text;
    form.dataset.searchRenders = String(Number(form.dataset.searchRenders ?? 0) + 1);
    form.dataset.searchMs = String(Math.round(out.ms));
    form.dispatchEvent(new CustomEvent('kb-search-results', { detail: { ms: out.ms, count: out.hits.length, kind: out.analysis.kind } }));
  };

  const run = async (immediate = false) => {
    clearTimeout(timer);
    const text = box.value;
    if (!text.trim()) {
      list.replaceChildren();
      chips.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const go = async () => {
      const mine = ++seq;
      const out = await search({ text, filters: selection, limit: PANEL_RESULTS }, (early) => {
        if (mine !== seq) return;
        open();
        renderLookup(early);
      });
      if (mine !== seq) return; // A newer query already answered.
      open();
      render(out);
    };
    if (immediate) await go();
    else timer = setTimeout(go, DEBOUNCE_MS);
  };

  box.addEventListener('focus', warm, { once: true });
  box.addEventListener('input', (e) => {
    autosize(box, form);
    selection = {};
    // A paste (or any multi-line input) looks like an error: start the lookup download early.
    if (box.value.includes('\n')) void loadLookup();
    // Typing waits for a pause; a paste or drop is complete at once.
    const whole = e instanceof InputEvent && /^insertFrom(?:Paste|Drop)$/.test(e.inputType);
    void run(whole);
  });
  box.addEventListener('focus', () => {
    if (box.value.trim() && list.childElementCount) open();
  });

  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (box.value.trim()) location.assign(searchPageUrl(box.value));
      return;
    }
    if (e.key === 'ArrowDown' && !panel.hidden) {
      // In a multi-line paste, the arrow moves the caret until it is on the last line.
      if (box.value.slice(box.selectionEnd).includes('\n')) return;
      if (moveFocus(list, null, 1)) e.preventDefault();
    }
  });

  panel.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const target = e.target as Element;
      if (!target.matches('a.sr-link, a.sr-section')) return;
      e.preventDefault();
      if (!moveFocus(list, target, e.key === 'ArrowDown' ? 1 : -1) && e.key === 'ArrowUp') box.focus();
    }
  });

  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      if (!panel.hidden) {
        e.preventDefault();
        close();
        box.focus();
      } else if (document.activeElement === box && box.value) {
        e.preventDefault();
        box.value = '';
        autosize(box, form);
      }
    }
  });

  // Clicks outside close the panel; focus leaving the form closes it too.
  document.addEventListener('pointerdown', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
  form.addEventListener('focusout', (e) => {
    if (e.relatedTarget && !form.contains(e.relatedTarget as Node)) close();
  });

  document.addEventListener('keydown', (e) => {
    const k = e.key.toLowerCase();
    if ((k === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !isTypingTarget(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      e.preventDefault();
      box.focus();
      box.select();
      if (box.value.trim()) void run(true);
    }
  });

  if (box.value) autosize(box, form);
  form.classList.add('is-enhanced');
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) setup(form);
