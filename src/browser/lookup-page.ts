/**
 * Client of the /lookup/ page. Loads the site's own `/_kb/lookup.js` (the module
 * third parties import too), looks the paste up as it changes (debounced), keeps
 * `?q=` in the URL, and renders through `lookup-render.ts`. Text only ever reaches
 * the page through `textContent`; this file never assigns HTML.
 */
import type { LookupResult } from '../core/lookup/types';
import type { FixLinks } from '../core/lookup/section-links';
import { renderLookup, urlWithQuery, type VNode } from './lookup-render';

interface LookupModule {
  lookup(text: string, opts?: { limit?: number }): Promise<LookupResult[]>;
  sectionLinks(url: string): Promise<FixLinks>;
}

const DEBOUNCE_MS = 200;
const LIMIT = 10;
/** Attributes the renderer may set; anything else is dropped. */
const SAFE_ATTRS = new Set(['class', 'href', 'title', 'aria-label', 'data-source']);

/** Builds DOM nodes from the plain tree. Text goes through text nodes only. */
export function materialize(node: VNode, doc: Document = document): Node {
  if (node.tag === '#text') return doc.createTextNode(node.text ?? '');
  const e = doc.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (!SAFE_ATTRS.has(k)) continue;
    if (k === 'href' && !(v.startsWith('/') && !v.startsWith('//'))) continue;
    e.setAttribute(k, v);
  }
  if (node.text !== undefined) e.textContent = node.text;
  for (const c of node.children ?? []) e.appendChild(materialize(c, doc));
  return e;
}

function start(): void {
  const box = document.getElementById('lookup-q') as HTMLTextAreaElement | null;
  const form = document.getElementById('lookup-form') as HTMLFormElement | null;
  const status = document.getElementById('lookup-status');
  const out = document.getElementById('lookup-results');
  const clear = document.getElementById('lookup-clear');
  if (!box || !form || !status || !out) return;

  let mod: Promise<LookupModule> | null = null;
  const load = (): Promise<LookupModule> =>
    (mod ??= import(/* @vite-ignore */ new URL('/_kb/lookup.js', location.href).href) as Promise<LookupModule>);

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** A paste or an explicit run brings the results into view when they start below the fold (a phone's). */
  let reveal = false;

  async function run(): Promise<void> {
    const paste = box!.value;
    const show = reveal;
    reveal = false;
    const my = ++seq;
    history.replaceState(history.state, '', urlWithQuery(location.href, paste));
    if (!paste.trim()) { out!.replaceChildren(); status!.textContent = ''; return; }
    status!.textContent = 'Looking up…';
    out!.setAttribute('aria-busy', 'true');
    try {
      const m = await load();
      const results = await m.lookup(paste, { limit: LIMIT });
      const fixes = new Map<string, FixLinks>();
      await Promise.all(results.slice(0, 5).map(async (r) => { fixes.set(r.url, await m.sectionLinks(r.url)); }));
      if (my !== seq) return; // A newer paste superseded this one.
      const view = renderLookup(paste, results, fixes);
      out!.replaceChildren(...view.nodes.map((n) => materialize(n)));
      status!.textContent = view.status;
      if (show && results.length && status!.getBoundingClientRect().top > innerHeight * 0.6) status!.scrollIntoView({ block: 'start' });
    } catch (e) {
      if (my !== seq) return;
      out!.replaceChildren();
      status!.textContent = `The lookup index could not be loaded (${(e as Error).message}).`;
    } finally {
      if (my === seq) out!.removeAttribute('aria-busy');
    }
  }

  const schedule = (delay: number) => { clearTimeout(timer); timer = setTimeout(() => void run(), delay); };
  box.addEventListener('input', () => schedule(DEBOUNCE_MS));
  box.addEventListener('paste', () => { reveal = true; schedule(0); });
  // Ctrl/Cmd+Enter runs at once; plain Enter keeps inserting new lines.
  box.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); reveal = true; schedule(0); } });
  form.addEventListener('submit', (e) => { e.preventDefault(); reveal = true; schedule(0); });
  clear?.addEventListener('click', () => { box.value = ''; schedule(0); box.focus(); });

  const q = new URLSearchParams(location.search).get('q');
  if (q) { box.value = q; void run(); }
  else void load().catch(() => undefined); // Warm the module while the user copies the error.
}

if (typeof document !== 'undefined') start();
