/**
 * Turns one source article into a shape profile (no text kept) and feeds its text
 * to the vocabulary sinks. Line-based on purpose: it only needs block shapes, and it
 * must get through ~50 MB of Markdown in a few seconds.
 */

import { classifyHeading, countWords } from './heading-roles';
import { countCodeMentions, detectErrorCode, detectErrorKind, type ErrorKind } from './error-kinds';
import type { ArticleProfile, Block, CustomForm, DateForm, FrontMatterEntry, MetaKind } from './profile';

export interface SourceSink {
  prose(text: string): void;
  title(text: string): void;
  error(text: string): void;
  fmComment(line: string): number;
  fmValue(key: string, value: string | string[]): void;
  meta(kind: MetaKind, value: string): void;
}

/** Keys whose values are prose or generated; their source values are never pooled. */
export const GENERATED_KEYS = new Set(['title', 'description', 'titleSuffix', 'ms.date', 'ms.custom', 'keywords']);

const DATE_FORMS: readonly (readonly [DateForm, RegExp])[] = [
  ['mm/dd/yyyy', /^\d{2}\/\d{2}\/\d{4}$/],
  ['m/d/yyyy', /^\d{1,2}\/\d{1,2}\/\d{4}$/],
  ['iso', /^\d{4}-\d{2}-\d{2}/],
  ['excel', /^\d{5}$/],
  ['empty', /^$/],
];

const META_LABELS: readonly (readonly [MetaKind, RegExp])[] = [
  ['kb', /^original kb number$/i],
  ['applies', /^applies to$/i],
  ['version', /^original product version$/i],
];

/** Lang tags whose blocks may hold pasted error output rather than code. */
const OUTPUT_LANGS = new Set(['', 'console', 'output', 'text', 'txt', 'cmd', 'dos', 'log']);

/** Strips Markdown/HTML inline syntax, leaving readable words. */
export function plainText(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&[a-z]+;/g, ' ')
    .replace(/\*\*|__|(^|\s)[*_]|[*_](\s|$)/g, ' ')
    .replace(/\\([<>*_[\]])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const count = (re: RegExp, s: string): number => (s.match(re) ?? []).length;
const inlineStats = (md: string) => {
  const errs = countCodeMentions(md);
  return {
    bold: count(/\*\*[^*]+\*\*/g, md),
    code: count(/`[^`]+`/g, md),
    links: count(/(?<!!)\[[^\]]+\]\([^)]+\)/g, md),
    errs,
    errKind: errs ? detectErrorCode(md) : null,
  };
};
const indentOf = (line: string): number => line.length - line.trimStart().length;

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TAB_HEADING = /^\[(.*)\]\(#tab\/[^)]*\)$/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const ALERT = /^\s*>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;
const META = /^\s*(?:_([^_]+):_|\*\*([^*]+):\*\*)\s*(?:&nbsp;)?\s*(.*)$/;

function isBlockStart(line: string): boolean {
  return (
    FENCE.test(line) || HEADING.test(line) || LIST_ITEM.test(line) || /^\s*(>|\||:::|<\/?details|!\[|\[!INCLUDE)/i.test(line)
  );
}

export function analyzeArticle(raw: string, sink: SourceSink): ArticleProfile | null {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  const entries: FrontMatterEntry[] = [];
  let dateForm: DateForm = 'mm/dd/yyyy';
  let customForm: CustomForm | null = null;
  let title = '';
  let description = '';
  let topic: string | null = null;

  if (lines[0]?.trim() === '---') {
    let end = lines.indexOf('---', 1);
    if (end < 0) end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end < 0) return null;
    let current: { key: string; value: string; items: string[]; entry: FrontMatterEntry & { t: 'key' } } | null = null;
    const finish = () => {
      if (!current) return;
      const { key, value, items, entry } = current;
      entry.form = value ? 'scalar' : items.length ? 'list' : 'empty';
      entry.items = items.length;
      if (key === 'title') title = value;
      else if (key === 'description') description = value;
      else if (key === 'ms.date') dateForm = DATE_FORMS.find(([, re]) => re.test(value))?.[0] ?? 'mm/dd/yyyy';
      else if (key === 'ms.custom') customForm = customFormOf(value, items);
      else if (key === 'ms.topic') topic = value || null;
      if (!GENERATED_KEYS.has(key)) sink.fmValue(key, value || items);
      current = null;
    };
    for (let k = 1; k < end; k++) {
      const line = lines[k];
      const kv = /^([A-Za-z_][\w.\-]*):(.*)$/.exec(line);
      if (kv) {
        finish();
        const entry: FrontMatterEntry & { t: 'key' } = { t: 'key', key: kv[1], form: 'scalar', items: 0, trailingSpace: /\s$/.test(line) };
        entries.push(entry);
        current = { key: kv[1], value: unquote(kv[2].trim()), items: [], entry };
      } else if (/^\s*-\s+/.test(line) && current) {
        current.items.push(unquote(line.replace(/^\s*-\s+/, '').trim()));
      } else if (/^\s*#/.test(line)) {
        finish();
        entries.push({ t: 'comment', poolIndex: sink.fmComment(line.trim()) });
      }
    }
    finish();
    i = end + 1;
  }
  if (title) sink.title(title);
  if (description) sink.prose(description);

  const blocks: Block[] = [];
  let para: string[] = [];
  let paraIndent = 0;
  let li: { indent: number; ordered: boolean; text: string } | null = null;
  let inTabs = false;
  let lastProse = '';

  const flushPara = () => {
    if (li) {
      const text = li.text;
      const w = countWords(plainText(text));
      blocks.push({ t: 'li', indent: li.indent, ordered: li.ordered, words: Math.max(1, w), ...inlineStats(text) });
      sink.prose(plainText(text));
      lastProse = text;
      li = null;
    }
    if (para.length) {
      const text = para.join(' ');
      const plain = plainText(text);
      const w = countWords(plain);
      if (w > 0) {
        blocks.push({ t: 'p', indent: paraIndent, words: w, ...inlineStats(text) });
        sink.prose(plain);
      }
      lastProse = text;
      para = [];
    }
  };

  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      flushPara();
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      flushPara();
      const [, ind, marks, lang] = fence;
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i].trimStart().startsWith(marks) && lines[i].trim().replace(/[`~]/g, '') === '')) body.push(lines[i++]);
      i++;
      const content = body.join('\n');
      const errorish = OUTPUT_LANGS.has(lang.toLowerCase()) && (detectErrorCode(content) || /error|fail|exception|denied|unable|cannot/i.test(content) && /error|message|fail|receive/i.test(lastProse));
      const error = errorish ? detectErrorKind(content) ?? 'generic' : null;
      if (error) for (const l of body) sink.error(plainText(l));
      const lineLen = body.length ? Math.round(body.reduce((a, l) => a + l.trim().length, 0) / body.length) : 20;
      blocks.push({ t: 'code', indent: ind.length, fence: marks, lang, lines: Math.max(1, body.length), lineLen, error });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading && indentOf(line) === 0) {
      flushPara();
      const level = heading[1].length;
      const text = heading[2];
      const tab = TAB_HEADING.exec(text);
      if (tab) {
        blocks.push({ t: 'tab', level, words: Math.max(1, countWords(tab[1])) });
        inTabs = true;
      } else if (level === 1) {
        blocks.push({ t: 'h', level, role: 'title', label: null, words: countWords(text), err: null });
      } else {
        const h = classifyHeading(plainText(text));
        if (h.role === 'other') sink.title(plainText(text));
        blocks.push({ t: 'h', level, role: h.role, label: h.label, words: h.words, err: h.role === 'other' ? detectErrorCode(text) : null });
      }
      i++;
      continue;
    }
    if (inTabs && line.trim() === '---') {
      flushPara();
      blocks.push({ t: 'tabs-end' });
      inTabs = false;
      i++;
      continue;
    }
    const trimmed = line.trimStart();
    const indent = indentOf(line);
    if (trimmed.startsWith(':::image')) {
      flushPara();
      const alt = /alt-text="([^"]*)"/.exec(line)?.[1] ?? '';
      blocks.push({ t: 'image', indent, docfx: true, words: Math.max(1, countWords(alt)) });
      i++;
      // Multi-line attributes run to the closing ":::"; complex images run to ":::image-end:::".
      const endMark = /type="complex"/.test(line) ? /:::image-end:::/ : /:::\s*$/.test(line) ? null : /:::/;
      if (endMark) {
        while (i < lines.length && !endMark.test(lines[i])) i++;
        i++;
      }
      continue;
    }
    if (trimmed.startsWith('![')) {
      flushPara();
      const alt = /^!\[([^\]]*)\]/.exec(trimmed)?.[1] ?? '';
      blocks.push({ t: 'image', indent, docfx: false, words: Math.max(1, countWords(alt)) });
      i++;
      continue;
    }
    if (/^>\s*\[!VIDEO/i.test(trimmed)) {
      flushPara();
      blocks.push({ t: 'video' });
      i++;
      continue;
    }
    if (trimmed.startsWith('>')) {
      flushPara();
      const quote: string[] = [];
      while (i < lines.length && lines[i].trimStart().startsWith('>')) quote.push(lines[i++].trimStart().replace(/^>\s?/, ''));
      const alert = ALERT.exec(trimmed);
      if (/^\[!div/i.test(quote[0] ?? '')) continue;
      const text = quote.slice(alert ? 1 : 0).join(' ');
      const plain = plainText(text);
      if (alert) {
        blocks.push({ t: 'alert', indent, kind: alert[1], words: Math.max(1, countWords(plain)) });
        sink.prose(plain);
      } else {
        const error = detectErrorCode(text) ?? (/error|message|fail|receive/i.test(lastProse) ? detectErrorKind(text) ?? 'generic' : null);
        if (error) for (const q of quote) sink.error(plainText(q));
        else sink.prose(plain);
        blocks.push({ t: 'quote', indent, lines: quote.length, words: Math.max(1, countWords(plain)), error });
      }
      continue;
    }
    if (/\[!INCLUDE/i.test(trimmed)) {
      flushPara();
      blocks.push({ t: 'include', indent });
      i++;
      continue;
    }
    if (/^<details/i.test(trimmed)) {
      flushPara();
      let summary = /<summary>(.*?)<\/summary>/i.exec(line)?.[1];
      i++;
      if (summary === undefined && /<summary>/i.test(lines[i] ?? '')) summary = /<summary>(.*?)(<\/summary>|$)/i.exec(lines[i++])?.[1];
      blocks.push({ t: 'details-open', words: Math.max(1, countWords(plainText(summary ?? ''))) });
      continue;
    }
    if (/^<\/details>/i.test(trimmed)) {
      flushPara();
      blocks.push({ t: 'details-close' });
      i++;
      continue;
    }
    const fenced = /^:::\s*(moniker|zone)(-end|\s)/i.exec(trimmed);
    if (fenced) {
      flushPara();
      const kind = fenced[1].toLowerCase() as 'moniker' | 'zone';
      blocks.push({ t: `${kind}-${fenced[2] === '-end' ? 'close' : 'open'}` } as Block);
      i++;
      continue;
    }
    if (trimmed.startsWith('|')) {
      flushPara();
      const rows: string[] = [];
      while (i < lines.length && lines[i].trimStart().startsWith('|')) rows.push(lines[i++].trim());
      const cells = rows.map((r) => r.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim()));
      const cols = cells[0]?.length ?? 1;
      const body = cells.filter((_, k) => k !== 1 || !/^[\s:|-]+$/.test(rows[1]));
      const data = body.slice(1);
      let words = 0;
      let n = 0;
      for (const r of body) for (const c of r) { words += countWords(plainText(c)); n++; }
      const firstCol = data.map((r) => r[0] ?? '');
      const errorRows = firstCol.filter((c) => detectErrorCode(c)).length;
      const error = data.length >= 3 && errorRows >= data.length / 2 ? detectErrorCode(firstCol.find((c) => detectErrorCode(c))!) : null;
      for (const r of body) for (const c of r) (error ? sink.error : sink.prose)(plainText(c));
      blocks.push({ t: 'table', indent, cols, rows: Math.max(1, data.length), cellWords: n ? Math.max(1, Math.round(words / n)) : 2, error: error as ErrorKind | null });
      continue;
    }
    const meta = META.exec(line);
    if (meta) {
      const label = (meta[1] ?? meta[2]).trim();
      const kind = META_LABELS.find(([, re]) => re.test(label))?.[0];
      if (kind) {
        flushPara();
        blocks.push({ t: 'meta', kind });
        sink.meta(kind, meta[3].trim());
        i++;
        continue;
      }
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flushPara();
      li = { indent: item[1].length, ordered: /\d/.test(item[2]), text: item[3] };
      i++;
      continue;
    }
    // Paragraph text, or a lazy continuation of the current list item.
    if (li && !isBlockStart(line)) {
      li.text += ' ' + trimmed;
    } else {
      if (!para.length) paraIndent = indent;
      para.push(trimmed);
    }
    i++;
  }
  flushPara();
  return {
    fm: {
      entries,
      dateForm,
      customForm,
      titleWords: Math.max(2, countWords(title)),
      descWords: Math.max(3, countWords(description)),
      titleError: detectErrorCode(title),
    },
    topic,
    blocks,
    bytes: Buffer.byteLength(raw),
  };
}

function unquote(v: string): string {
  return v.replace(/^(['"])(.*)\1$/, '$2');
}

function customFormOf(value: string, items: string[]): CustomForm {
  if (value) {
    if (/sap:/i.test(value)) return value.includes(',') ? 'comma-sap' : 'one-sap';
    return 'one';
  }
  if (items.length) return items.some((x) => /^sap:/i.test(x)) ? 'list-sap' : 'list';
  return 'empty';
}
