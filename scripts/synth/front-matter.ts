/**
 * Renders a front-matter block in the form a sampled profile had: same keys in the
 * same order, same list/scalar/empty forms, same date and ms.custom styles. Prose
 * values are generated; label values (authors, products, topics) come from pools.
 */

import type { DateForm, FrontMatterEntry, FrontMatterProfile } from './profile';
import { INJECTED_RATES } from './quirks';
import { Rng } from './rng';
import type { SourceModel } from './source-model';
import type { TextGenerator } from './text-generator';

export interface FrontMatterInput {
  fm: FrontMatterProfile;
  topic: string | null;
  title: string;
  description: string;
  /** The article's support area (shared with other articles of its folder), without `sap:`. */
  area: string;
}

/** Double-quotes a YAML scalar when plain style would change its meaning. */
export function yamlScalar(v: string): string {
  if (v === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|:$|\s$/.test(v) || /^(true|false|null|yes|no|~|[\d.]+)$/i.test(v)) {
    return JSON.stringify(v);
  }
  return v;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function formatDate(rng: Rng, form: DateForm): string {
  const y = rng.int(2015, 2025);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  let f = form;
  const r = rng.next();
  if (form !== 'empty') {
    if (r < INJECTED_RATES.isoDate) f = 'iso';
    else if (r < INJECTED_RATES.isoDate + INJECTED_RATES.excelDate) f = 'excel';
  }
  switch (f) {
    case 'mm/dd/yyyy':
      return `${pad2(m)}/${pad2(d)}/${y}`;
    case 'm/d/yyyy':
      return `${m}/${d}/${y}`;
    case 'iso':
      return `${y}-${pad2(m)}-${pad2(d)}`;
    case 'excel':
      // Excel serial day: days since 1899-12-30.
      return String(Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000));
    case 'empty':
      return '';
  }
}

function pickList(model: SourceModel, key: string, rng: Rng): string[] | null {
  const pool = model.fmLists.get(key)?.values;
  if (!pool?.length) return null;
  return JSON.parse(rng.pick(pool)) as string[];
}

/**
 * A support area for slot `slot` of a folder. Real areas are shared: the source corpus tags about
 * 13 articles per distinct area. A fresh area per article gave 23,000 browse pages at 50,000.
 */
export function supportArea(seed: number, folder: string, slot: number, gen: TextGenerator): string {
  const rng = new Rng(seed, 'support-area', `${folder}#${slot}`);
  return `${gen.phrase(rng, rng.int(1, 3))}\\${gen.phrase(rng, rng.int(1, 4))}`;
}

export function renderFrontMatter(input: FrontMatterInput, rng: Rng, gen: TextGenerator, model: SourceModel): string {
  const out: string[] = ['---'];
  // ms.topic follows the body shape (a how-to body keeps its how-to topic), not the borrowed front matter.
  let entries = input.fm.entries.filter((e) => !(e.t === 'key' && e.key === 'ms.topic' && !input.topic));
  if (input.topic && !entries.some((e) => e.t === 'key' && e.key === 'ms.topic')) {
    const at = entries.findIndex((e) => e.t === 'key' && e.key === 'description');
    const topic: FrontMatterEntry = { t: 'key', key: 'ms.topic', form: 'scalar', items: 0, trailingSpace: false };
    entries = [...entries.slice(0, at + 1), topic, ...entries.slice(at + 1)];
  }
  for (const entry of entries) {
    if (entry.t === 'comment') {
      out.push(model.fmComments.values[entry.poolIndex] ?? '# metadata');
      continue;
    }
    const { key } = entry;
    const sp = entry.trailingSpace ? ' ' : '';
    const scalar = (v: string) => out.push(`${key}: ${v}${sp}`);
    const list = (items: string[]) => {
      out.push(`${key}:${entry.trailingSpace ? ' ' : ''}`);
      for (const it of items) out.push(`  - ${yamlScalar(it)}`);
    };
    switch (key) {
      case 'title':
        scalar(yamlScalar(input.title));
        break;
      case 'description':
        scalar(yamlScalar(input.description));
        break;
      case 'titleSuffix':
        scalar(yamlScalar(gen.phrase(rng, rng.int(1, 4))));
        break;
      case 'keywords':
        scalar(yamlScalar(Array.from({ length: rng.int(1, 4) }, () => gen.slugWords(rng, rng.int(1, 2)).replace(/-/g, ' ')).join(', ')));
        break;
      case 'ms.date':
        scalar(formatDate(rng, input.fm.dateForm));
        break;
      case 'ms.topic':
        scalar(input.topic ?? model.fmScalars.get('ms.topic')?.values[0] ?? 'troubleshooting');
        break;
      case 'ms.custom':
        renderCustom(input.fm.customForm ?? 'one', entry.items, input.area, rng, scalar, list, () => out.push(`${key}: `));
        break;
      default: {
        if (entry.form === 'empty') {
          out.push(`${key}:${sp}`);
          break;
        }
        const items = entry.form === 'list' ? pickList(model, key, rng) : null;
        if (items) {
          if (key === 'appliesto' && rng.chance(INJECTED_RATES.appliestoString)) scalar(yamlScalar(items.join(', ')));
          else list(items);
          break;
        }
        const pool = model.fmScalars.get(key)?.values;
        if (pool?.length) scalar(yamlScalar(rng.pick(pool)));
        else out.push(`${key}:${sp}`);
      }
    }
  }
  out.push('---');
  return out.join('\n') + '\n';
}

function renderCustom(
  form: NonNullable<FrontMatterProfile['customForm']>,
  items: number,
  area: string,
  rng: Rng,
  scalar: (v: string) => void,
  list: (items: string[]) => void,
  empty: () => void,
): void {
  switch (form) {
    case 'list-sap':
    case 'list': {
      const out: string[] = form === 'list-sap' ? [`sap:${area}`] : [];
      const extra = ['CSSTroubleshoot', `CI ${rng.digits(6)}`, 'has-adal-ref', 'sap:Issues'];
      for (let i = 0; out.length < Math.max(1, items); i++) out.push(i < 2 ? extra[i] : rng.pick(extra));
      list(out);
      return;
    }
    case 'comma-sap':
      scalar(`sap:${area.replace(/\\/g, ' ')}, csstroubleshoot`);
      return;
    case 'one-sap':
      scalar(yamlScalar(`sap:${area}`.replace(/\\/g, ' ')));
      return;
    case 'one':
      scalar('CSSTroubleshoot');
      return;
    case 'empty':
      empty();
      return;
  }
}
