import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAuthors } from '../../../src/core/frontmatter/authors';
import { normalizeDate } from '../../../src/core/frontmatter/date';
import { normalizeFrontMatter } from '../../../src/core/frontmatter/frontmatter';
import { findKbNumber } from '../../../src/core/frontmatter/kb-number';
import { normalizeProducts, parseAppliesToLine } from '../../../src/core/frontmatter/products';
import { readFrontMatter } from '../../../src/core/frontmatter/read';
import { normalizeSupportAreas } from '../../../src/core/frontmatter/support-areas';
import { normalizeTopic } from '../../../src/core/frontmatter/topic';
import { decodeArticleBytes } from '../../../src/core/text/decode';
import { sink } from './helpers';

const isStringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0 && s === s.trim());
const anyValue = fc.oneof(fc.jsonValue(), fc.anything(), fc.date({ noInvalidDate: false }));

/** Text shaped like front matter, so the generator reaches the YAML paths and not only "no front matter". */
const frontMatterish = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom('title', 'ms.date', 'ms.topic', 'ms.custom', 'appliesto', 'author', 'ms.author', 'description').chain((k) =>
          fc.string().map((v) => `${k}: ${v}`),
        ),
        fc.string().map((v) => `  - ${v}`),
        fc.string(),
      ),
      { maxLength: 8 },
    ),
    fc.boolean(),
    fc.string(),
  )
  .map(([lines, closed, body]) => ['---', ...lines, ...(closed ? ['---'] : []), body].join('\n'));

describe('properties', () => {
  it('decodeArticleBytes never throws and returns LF-only text or null', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const s = sink();
        const out = decodeArticleBytes(bytes, s);
        if (out === null) expect(s.items.some((d) => d.severity === 'error')).toBe(true);
        else expect(out.text).not.toMatch(/\r/);
      }),
    );
  });

  it('readFrontMatter + normalizeFrontMatter return a result for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), frontMatterish), (text) => {
        const s = sink();
        const fm = readFrontMatter(text, s);
        expect(fm.bodyLine).toBeGreaterThanOrEqual(1);
        expect(typeof fm.body).toBe('string');
        // The body is the tail of the file from bodyLine on.
        const lines = text.replace(/\r\n?/g, '\n').split('\n');
        expect(fm.body).toBe(lines.slice(fm.bodyLine - 1).join('\n').replace(/^\uFEFF/, ''));
        const n = normalizeFrontMatter(fm.data, s, (k) => fm.keyLines[k]);
        expect(n.title === null || typeof n.title === 'string').toBe(true);
        expect(isStringList(n.products)).toBe(true);
        expect(n.date === null || /^\d{4}-\d{2}-\d{2}$/.test(n.date)).toBe(true);
        expect(s.items.every((d) => d.line === undefined || (Number.isInteger(d.line) && d.line >= 1))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeFrontMatter returns the documented shape for any mapping', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('title', 'description', 'ms.topic', 'appliesto', 'ms.custom', 'ms.date', 'author', 'ms.author', 'other'), anyValue),
        (data) => {
          const n = normalizeFrontMatter(data, sink());
          expect(n.title === null || (typeof n.title === 'string' && n.title.length > 0)).toBe(true);
          expect(typeof n.description).toBe('string');
          expect(typeof n.topic).toBe('string');
          expect(n.topic.length).toBeGreaterThan(0);
          expect(typeof n.isTroubleshooting).toBe('boolean');
          expect(isStringList(n.products)).toBe(true);
          expect(n.supportAreas.every((p) => isStringList(p) && p.length > 0)).toBe(true);
          expect(n.date === null || /^\d{4}-\d{2}-\d{2}$/.test(n.date)).toBe(true);
          expect(isStringList(n.authors)).toBe(true);
        },
      ),
    );
  });

  it('each normalizer returns its documented shape for any value', () => {
    fc.assert(
      fc.property(anyValue, (raw) => {
        const t = normalizeTopic(raw);
        expect(t.topic).toMatch(/^\S+$/);
        expect(t.topic).toBe(t.topic.toLowerCase());
        expect(isStringList(normalizeProducts(raw))).toBe(true);
        const areas = normalizeSupportAreas(raw);
        expect(areas.every((p) => isStringList(p) && p.length > 0)).toBe(true);
        const d = normalizeDate(raw);
        if (d.date === null) expect(typeof d.problem).toBe('string');
        else expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(isStringList(normalizeAuthors({ author: raw, 'ms.author': raw }))).toBe(true);
        const kb = findKbNumber({ title: raw, 'ms.custom': raw }, typeof raw === 'string' ? raw : '');
        expect(kb === null || /^\d+$/.test(kb)).toBe(true);
      }),
    );
  });

  it('a date that normalizes is a real calendar date that round-trips', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(normalizeDate(iso).date).toBe(iso);
        expect(normalizeDate(`${+m}/${+day}/${y}`).date).toBe(iso);
        expect(normalizeDate(d).date).toBe(iso);
      }),
    );
  });

  it('parseAppliesToLine returns null or a clean list for any line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `_Applies to:_ &nbsp; ${s}`)), (line) => {
        const out = parseAppliesToLine(line);
        expect(out === null || isStringList(out)).toBe(true);
      }),
    );
  });
});
