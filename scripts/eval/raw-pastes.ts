/**
 * Synthetic pastes made from the raw Markdown of articles, without the project's parser or error
 * extractor: a code block, a quoted line or a long inline code span of the file that reads as an error, cleaned of Markdown
 * and perturbed as real pastes differ (perturb.ts). The truth is the source article and its
 * copies (a file of the same name and title in another folder), never "any article with the
 * same message", so the set does not measure the extractor against itself. A snippet that another
 * article also contains is not drawn: it has no single right answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRng, perturbPaste } from './perturb';
import type { RealQuery } from './real-sets';

/** How prose starts (advice, conditions, notes), as opposed to the text of an error a user sees. */
const PROSE_START = /^(?:if|you|we|to|when|note|for more|make sure|use|run|select|click|see|after|before|in this|this article|for example|important|tip)\b/i;

const ERRORISH = /\b(?:error|exception|failed|fails|failure|denied|cannot|can't|unable|invalid|not found|timed out|0x[0-9a-f]{8})\b/i;

/** Markdown markup a person would not paste: code ticks, emphasis, links, HTML tags, alert markers. */
function plain(md: string): string {
  return md
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/gi, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]{1,3}/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Error-like snippets of a raw article: fenced blocks, quoted lines, long inline code. */
export function snippetsOf(raw: string): string[] {
  const body = raw.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const out: string[] = [];
  for (const m of body.matchAll(/```[^\n]*\n([\s\S]*?)```/g)) out.push(m[1]);
  const prose = body.replace(/```[^\n]*\n[\s\S]*?```/g, '\n');
  // What articles show as the text a user sees: quoted lines (not alerts) and long inline code.
  for (const line of prose.split(/\r?\n/)) {
    const quoted = /^\s*>\s*(?!\[!)(.+)$/.exec(line);
    if (quoted) out.push(quoted[1]);
  }
  for (const m of prose.matchAll(/`([^`\n]{25,})`/g)) out.push(m[1]);
  return out
    .map(plain)
    .filter((s) => s.length >= 25 && s.length <= 600 && s.split(/\s+/).length >= 4 && ERRORISH.test(s) && !PROSE_START.test(s));
}

const titleOf = (raw: string): string => (/^title:\s*["']?(.+?)["']?\s*$/m.exec(raw)?.[1] ?? '').toLowerCase();

/** `count` pastes from articles drawn with `seed`; each expects its article and that article's copies. */
export function rawPastes(contentDir: string, sources: string[], opts: { count: number; seed: number }): RealQuery[] {
  const r = createRng(opts.seed);
  const raws = new Map<string, string>();
  const read = (s: string): string => {
    let t = raws.get(s);
    if (t === undefined) { t = fs.readFileSync(path.join(contentDir, s), 'utf8'); raws.set(s, t); }
    return t;
  };
  const byName = new Map<string, string[]>();
  for (const s of sources) {
    const k = path.basename(s).toLowerCase();
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const sorted = sources.slice().sort();
  // The whole corpus as one folded string, to tell a snippet that names one article from
  // boilerplate that many articles share ("Serious problems might occur if you modify the registry").
  const fold = (t: string) => plain(t.replace(/^[ \t]*(?:>[ \t]?)+/gm, '')).toLowerCase().replace(/\s+/g, ' ');
  const starts: number[] = [];
  let all = '';
  for (const s of sorted) { starts.push(all.length); all += fold(read(s)) + '\u0000'; }
  const articleAt = (pos: number): number => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= pos) lo = mid; else hi = mid - 1; }
    return lo;
  };
  const out: RealQuery[] = [];
  for (let tries = 0; out.length < opts.count && tries < opts.count * 20; tries++) {
    const source = r.pick(sorted);
    const snippets = snippetsOf(read(source));
    if (!snippets.length) continue;
    const snippet = r.pick(snippets);
    const title = titleOf(read(source));
    const copies = (byName.get(path.basename(source).toLowerCase()) ?? []).filter((s) => s !== source && titleOf(read(s)) === title);
    const own = new Set([source, ...copies]);
    const needle = fold(snippet).slice(0, 60);
    let shared = false;
    for (let at = all.indexOf(needle); at >= 0 && !shared; at = all.indexOf(needle, at + 1)) shared = !own.has(sorted[articleAt(at)]);
    if (shared) continue;
    const { paste } = perturbPaste(snippet, r);
    out.push({ id: `raw-${out.length + 1}`, text: paste, expected: [source, ...copies] });
  }
  return out;
}
