/**
 * Fills a sampled shape profile with generated text: one synthetic article.
 * Returns the Markdown and the features it carries (for the run summary).
 */

import { codeLines, outputLine } from './code-lines';
import { freshCode, freshError, mentionOf, type ErrorKind, type FreshError } from './error-kinds';
import { renderFrontMatter } from './front-matter';
import type { ArticleProfile, Block, FrontMatterProfile, InlineShape } from './profile';
import { INJECTED_RATES } from './quirks';
import type { Rng } from './rng';
import type { SourceModel } from './source-model';
import type { TextGenerator } from './text-generator';

export interface ArticleInput {
  rng: Rng;
  fm: FrontMatterProfile;
  body: ArticleProfile;
  title: string;
  /** The error the title names, reused by the first body error block of that kind. */
  primary: { kind: ErrorKind; code: string } | null;
  siblings: readonly string[];
  /** Include paths relative to the article's folder, most-used first. */
  includes: readonly string[];
  /** Site path of the folder ("product/area"), for absolute links. */
  folderPath: string;
  /** Support area for the front matter's `sap:` tag. */
  area: string;
}

export const SUMMARY_FEATURES = [
  'causeHeading', 'numberedCause', 'stepHeading', 'codeBlock', 'table', 'errorTable', 'alert', 'image',
  'include', 'tabs', 'details', 'moniker', 'zone', 'errorBlock', 'titleCode',
] as const;
export type SummaryFeature = (typeof SUMMARY_FEATURES)[number];

export interface RenderedArticle {
  markdown: string;
  features: Set<SummaryFeature>;
  errorKinds: ErrorKind[];
}

const MONIKERS = ['sql-server-ver15', 'windows-server-2019', 'azuresqldb-current', 'dynamics-365-latest', 'exchange-server-2019'];
const PIVOTS = ['windows', 'linux', 'portal', 'powershell', 'cli', 'graph'];

/** Wraps one section (a level-2 heading's content) in open/close markers, if a clean one exists. */
function injectWrapper(blocks: Block[], rng: Rng, open: Block, close: Block): Block[] {
  const heads = blocks.map((b, i) => (b.t === 'h' && b.level === 2 ? i : -1)).filter((i) => i >= 0);
  if (!heads.length) return blocks;
  const start = rng.pick(heads);
  let end = blocks.findIndex((b, i) => i > start && b.t === 'h' && b.level <= 2);
  if (end < 0) end = blocks.length;
  const inner = blocks.slice(start + 1, end);
  if (!inner.length || inner.some((b) => /open|close|tab/.test(b.t))) return blocks;
  return [...blocks.slice(0, start + 1), open, ...inner, close, ...blocks.slice(end)];
}

function linkTarget(input: ArticleInput, rng: Rng, g: TextGenerator): string {
  const r = rng.next();
  if (r < 0.7 && input.siblings.length) return `${rng.pick(input.siblings)}.md`;
  if (r < 0.85) return `/${input.folderPath}/${g.slugWords(rng, rng.int(2, 5))}`;
  return `https://learn.microsoft.com/${g.slugWords(rng, 1)}/${g.slugWords(rng, rng.int(2, 4))}`;
}

function codeSpan(rng: Rng, g: TextGenerator): string {
  return rng.weighted<string>([
    [`${rng.pick(['Get', 'Set', 'New', 'Test'])}-${g.camel(rng, 2)}`, 3],
    [`C:\\Windows\\${g.camel(rng, 1)}\\${g.identWord(rng).toLowerCase()}.dll`, 1],
    [`HKEY_LOCAL_MACHINE\\SOFTWARE\\${g.camel(rng, 2)}`, 1],
    [`${g.identWord(rng).toLowerCase()}.exe`, 1],
    [g.camel(rng, 2), 2],
  ]);
}

/** Prose with the profile's count of bold spans, code spans, links and error codes woven in. */
function inlineProse(shape: InlineShape, input: ArticleInput, g: TextGenerator, codeFor: (k: ErrorKind) => string): string {
  const { rng } = input;
  const { words, bold, code, links } = shape;
  const toks = g.prose(rng, words).flat();
  const plain = (i: number) => /^[A-Za-z0-9]/.test(toks[i]) && !/[*`[\]]/.test(toks[i]);
  for (let k = 0; k < bold; k++) {
    const i = rng.int(0, toks.length - 1);
    if (!plain(i)) continue;
    const m = /^(.*?)([.,]?)$/.exec(toks[i])!;
    toks[i] = `**${m[1]}**${m[2]}`;
  }
  for (let k = 0; k < links; k++) {
    const i = rng.int(0, toks.length - 1);
    const j = Math.min(toks.length - 1, i + rng.int(0, 2));
    let ok = true;
    for (let x = i; x <= j; x++) ok &&= plain(x) && (x === j || !/[.,]$/.test(toks[x]));
    if (!ok) continue;
    const m = /^(.*?)([.,]?)$/.exec(toks[j])!;
    const inner = toks.slice(i, j + 1);
    inner[inner.length - 1] = m[1];
    toks.splice(i, j - i + 1, `[${inner.join(' ')}](${linkTarget(input, rng, g)})${m[2]}`);
  }
  for (let k = 0; k < code; k++) toks.splice(rng.int(1, Math.max(1, toks.length - 1)), 0, '`' + codeSpan(rng, g) + '`');
  if (shape.errKind) {
    const kind = shape.errKind;
    for (let k = 0; k < shape.errs; k++) toks.splice(rng.int(1, Math.max(1, toks.length - 1)), 0, mentionOf(kind, codeFor(kind)));
  }
  return toks.join(' ');
}

export function renderArticle(input: ArticleInput, model: SourceModel, g: TextGenerator): RenderedArticle {
  const { rng } = input;
  const features = new Set<SummaryFeature>();
  const errorKinds: ErrorKind[] = [];
  // One code per kind per article, so the title, the text and the first error block agree.
  const codes = new Map<ErrorKind, string>();
  if (input.primary) codes.set(input.primary.kind, input.primary.code);
  const codeFor = (kind: ErrorKind): string => {
    let c = codes.get(kind);
    if (c === undefined) codes.set(kind, (c = freshCode(kind, rng, g)));
    return c;
  };
  const blocksOfKind = new Set<ErrorKind>();
  const errorFor = (kind: ErrorKind, words: number): FreshError => {
    const e = freshError(kind, rng, g, words);
    if (blocksOfKind.has(kind)) return e;
    blocksOfKind.add(kind);
    const code = codeFor(kind);
    return { ...e, code, lines: e.lines.map((l) => l.split(e.code).join(code)) };
  };

  let blocks = input.body.blocks;
  if (rng.chance(INJECTED_RATES.moniker)) {
    blocks = injectWrapper(blocks, rng, { t: 'moniker-open' }, { t: 'moniker-close' });
  }
  if (rng.chance(INJECTED_RATES.zone)) blocks = injectWrapper(blocks, rng, { t: 'zone-open' }, { t: 'zone-close' });

  const description = g.proseText(rng, input.fm.descWords).replace(/\s+/g, ' ');
  const parts: string[] = [renderFrontMatter({ fm: input.fm, topic: input.body.topic, title: input.title, description, area: input.area }, rng, g, model)];
  const counters = new Map<number, number>();
  let prev: Block | null = null;

  for (const b of blocks) {
    const pad = ' '.repeat('indent' in b ? b.indent : 0);
    let text: string;
    switch (b.t) {
      case 'h': {
        counters.clear();
        let h: string;
        if (b.role === 'title') h = input.title;
        else if (b.label) h = b.words > 0 ? `${b.label} ${g.phrase(rng, b.words)}` : b.label;
        else h = g.phrase(rng, Math.min(b.words, 14));
        if (b.err) h = `${mentionOf(b.err, codeFor(b.err))} ${h[0].toLowerCase()}${h.slice(1)}`;
        if (b.role === 'cause') features.add('causeHeading');
        if (b.role === 'cause' && /\d/.test(b.label ?? '')) features.add('numberedCause');
        if (b.role === 'step' && b.label && /\d/.test(b.label)) features.add('stepHeading');
        text = `${'#'.repeat(b.level)} ${h}`;
        break;
      }
      case 'p':
        for (const k of [...counters.keys()]) if (k >= b.indent) counters.delete(k);
        text = pad + inlineProse(b, input, g, codeFor);
        break;
      case 'li': {
        for (const k of [...counters.keys()]) if (k > b.indent) counters.delete(k);
        const n = (counters.get(b.indent) ?? 0) + 1;
        counters.set(b.indent, n);
        text = pad + (b.ordered ? `${n}. ` : '- ') + inlineProse(b, input, g, codeFor);
        break;
      }
      case 'code': {
        features.add('codeBlock');
        let lines: string[];
        if (b.error) {
          const e = errorFor(b.error, Math.max(6, Math.min(30, b.lineLen / 6)));
          errorKinds.push(e.kind);
          features.add('errorBlock');
          lines = e.lines.slice(0, Math.max(b.lines, e.lines.length));
          while (lines.length < b.lines) lines.push(outputLine(rng, g));
        } else {
          lines = codeLines(b.lang, b.lines, b.lineLen, rng, g);
        }
        text = [`${b.fence}${b.lang}`, ...lines, b.fence].map((l) => pad + l).join('\n');
        break;
      }
      case 'quote': {
        let lines: string[];
        if (b.error) {
          const e = errorFor(b.error, Math.max(4, Math.round(b.words / Math.max(1, b.lines))));
          errorKinds.push(e.kind);
          features.add('errorBlock');
          lines = e.lines;
        } else {
          lines = [g.proseText(rng, b.words)];
        }
        text = lines.map((l) => `${pad}> ${l}`).join(`\n${pad}>\n`);
        break;
      }
      case 'table': {
        features.add('table');
        const cols = Math.max(1, b.cols);
        const row = (cells: string[]) => `${pad}| ${cells.join(' | ')} |`;
        const rows: string[] = [];
        if (b.error) {
          features.add('errorTable');
          errorKinds.push(b.error);
          const header = ['Error code', 'Description', ...Array.from({ length: cols - 2 }, () => g.phrase(rng, rng.int(1, 2)))].slice(0, cols);
          rows.push(row(header), row(header.map(() => '---')));
          for (let r = 0; r < b.rows; r++) {
            const e = freshError(b.error, rng, g, Math.max(4, b.cellWords * 2));
            const cells = [e.code, e.lines[e.lines.length - 1].replace(/\|/g, '\\|')];
            while (cells.length < cols) cells.push(g.phrase(rng, b.cellWords, 'prose'));
            rows.push(row(cells.slice(0, cols)));
          }
        } else {
          const header = Array.from({ length: cols }, () => g.phrase(rng, rng.int(1, 3)));
          rows.push(row(header), row(header.map(() => '---')));
          for (let r = 0; r < b.rows; r++) rows.push(row(Array.from({ length: cols }, () => g.phrase(rng, b.cellWords, 'prose'))));
        }
        text = rows.join('\n');
        break;
      }
      case 'alert':
        features.add('alert');
        text = `${pad}> [!${b.kind}]\n${pad}> ${g.proseText(rng, b.words)}`;
        break;
      case 'image': {
        features.add('image');
        const file = `media/${input.siblings[0] ?? 'article'}/${g.slugWords(rng, 2)}.png`;
        const alt = g.phrase(rng, Math.min(b.words, 16), 'prose').replace(/"/g, '');
        text = b.docfx ? `${pad}:::image type="content" source="${file}" alt-text="${alt}":::` : `${pad}![${alt}](./${file})`;
        break;
      }
      case 'include': {
        if (!input.includes.length) continue;
        features.add('include');
        const target = input.includes[rng.zipf(input.includes.length)];
        const name = target.replace(/^.*\//, '').replace(/\.md$/, '');
        text = `${pad}[!INCLUDE [${name}](${target})]`;
        break;
      }
      case 'meta':
        if (b.kind === 'kb') text = `_Original KB number:_ &nbsp; ${rng.digits(7)}`;
        else {
          const pool = model.meta[b.kind].values;
          const label = b.kind === 'applies' ? 'Applies to' : 'Original product version';
          text = `_${label}:_ &nbsp; ${pool.length ? rng.pick(pool) : g.phrase(rng, 3)}`;
        }
        break;
      case 'tab':
        features.add('tabs');
        text = `${'#'.repeat(b.level)} [${g.phrase(rng, b.words)}](#tab/${g.slugWords(rng, 2)})`;
        break;
      case 'tabs-end':
        text = '---';
        break;
      case 'details-open':
        features.add('details');
        text = `<details>\n<summary><b>${g.phrase(rng, b.words)}</b></summary>`;
        break;
      case 'details-close':
        text = '</details>';
        break;
      case 'moniker-open':
        features.add('moniker');
        text = `::: moniker range=">= ${rng.pick(MONIKERS)}"`;
        break;
      case 'moniker-close':
        text = '::: moniker-end';
        break;
      case 'zone-open':
        features.add('zone');
        text = `::: zone pivot="${rng.pick(PIVOTS)}"`;
        break;
      case 'zone-close':
        text = '::: zone-end';
        break;
      case 'video':
        text = `> [!VIDEO https://learn.microsoft.com/_video/${rng.hex(8).toLowerCase()}]`;
        break;
    }
    const tight = prev?.t === 'li' && b.t === 'li' && b.indent <= prev.indent;
    parts.push(prev === null ? '\n' : tight ? '\n' : '\n\n', text);
    prev = b;
  }
  if (input.primary) features.add('titleCode');
  return { markdown: parts.join('') + '\n', features, errorKinds };
}
