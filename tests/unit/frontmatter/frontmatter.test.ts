import { describe, expect, it } from 'vitest';
import { normalizeFrontMatter } from '../../../src/core/frontmatter/frontmatter';
import { readFrontMatter } from '../../../src/core/frontmatter/read';
import { codes, fixture, sink } from './helpers';

describe('normalizeFrontMatter', () => {
  it('normalizes the modern front-matter style', () => {
    const s = sink();
    const fm = readFrontMatter(fixture('modern.md'), s);
    expect(normalizeFrontMatter(fm.data, s, (k) => fm.keyLines[k])).toEqual({
      title: 'Widgets fail to sync with "Error 0x80070005" in Contoso Drive',
      description: 'Explains why widget sync stops with an access error and how to restore it.',
      topic: 'troubleshooting',
      isTroubleshooting: true,
      products: ['Contoso Drive', 'Supported versions of Contoso Server', 'Contoso Server 2024, version 24H2'],
      supportAreas: [['Syncing', 'Widget sync errors']],
      date: '2025-03-07',
      authors: ['sample-writer', 'swriter'],
      taxonomyHints: { services: [], technologies: [] },
    });
    expect(s.items).toEqual([]);
  });

  it('keeps ms.service, ms.prod, ms.technology and ms.subservice as taxonomy hints, whatever their case or form', () => {
    const s = sink();
    const out = normalizeFrontMatter({ title: 'T', 'MS.Service': 'contoso-drive', 'ms.prod': ['contoso-server', ''], 'ms.technology': 'contoso-drive-sync', 'ms.subservice': 7 }, s);
    expect(out.taxonomyHints).toEqual({ services: ['contoso-drive', 'contoso-server'], technologies: ['contoso-drive-sync', '7'] });
  });

  it('normalizes the classic style (comma ms.custom, no topic, no appliesto)', () => {
    const s = sink();
    const fm = readFrontMatter(fixture('classic.md'), s);
    const n = normalizeFrontMatter(fm.data, s);
    expect(n).toMatchObject({
      title: 'Gadget service does not start after an update',
      topic: 'article',
      isTroubleshooting: false,
      products: [],
      supportAreas: [['Installation, Patching and Upgrade']],
      date: '2021-09-05',
      authors: [],
    });
    expect(s.items).toEqual([]);
  });

  it('reports a missing title as info and a missing date as info', () => {
    const s = sink();
    const n = normalizeFrontMatter({ description: 'd' }, s);
    expect(n.title).toBeNull();
    expect(s.items).toMatchObject([
      { severity: 'info', code: 'title-missing' },
      { severity: 'info', code: 'date-missing' },
    ]);
  });

  it('warns about an unreadable date, on the line of the key', () => {
    const s = sink();
    const n = normalizeFrontMatter({ title: 'T', 'ms.date': '02/30/2024' }, s, (k) => (k === 'ms.date' ? 7 : undefined));
    expect(n.date).toBeNull();
    expect(s.items).toHaveLength(1);
    expect(s.items[0]).toMatchObject({ severity: 'warning', code: 'date-invalid', line: 7 });
    expect(s.items[0].reason).toContain('02/30/2024');
  });

  it('reads a YAML-style Date and an Excel serial', () => {
    expect(normalizeFrontMatter({ title: 'T', 'ms.date': new Date(Date.UTC(2022, 4, 1)) }, sink()).date).toBe('2022-05-01');
    expect(normalizeFrontMatter({ title: 'T', 'ms.date': 45286 }, sink()).date).toBe('2023-12-26');
  });

  it('warns when the title is a list and uses its first entry', () => {
    const s = sink();
    const n = normalizeFrontMatter({ title: ['First title', 'Second'], 'ms.date': '1/1/2024' }, s, () => 2);
    expect(n.title).toBe('First title');
    expect(s.items).toMatchObject([{ severity: 'warning', code: 'field-type', line: 2 }]);
  });

  it('warns when the title is a nested block and treats it as missing', () => {
    const s = sink();
    const n = normalizeFrontMatter({ title: { text: 'x' }, 'ms.date': '1/1/2024' }, s);
    expect(n.title).toBeNull();
    expect(codes(s)).toEqual(['field-type', 'title-missing']);
  });

  it('spells out a numeric title and collapses white space', () => {
    expect(normalizeFrontMatter({ title: 404 }, sink()).title).toBe('404');
    expect(normalizeFrontMatter({ title: '  Two\n  lines ' }, sink()).title).toBe('Two lines');
  });

  it('warns about a topic given as a list or block', () => {
    const s = sink();
    expect(normalizeFrontMatter({ title: 'T', 'ms.date': '1/1/2024', 'ms.topic': { kind: 'x' } }, s).topic).toBe('article');
    expect(codes(s)).toEqual(['field-type']);
  });

  it('reads `ms.custom:sap: Path` written without a space', () => {
    const fm = readFrontMatter('---\ntitle: T\nms.date: 1/1/2024\nms.custom:sap: kerberos-auth, csstroubleshoot\n---\n', sink());
    expect(normalizeFrontMatter(fm.data, sink()).supportAreas).toEqual([['Kerberos auth']]);
  });

  it('matches keys regardless of case and spacing', () => {
    const n = normalizeFrontMatter({ Title: 'T', 'MS.Date': '5/6/2022', 'ms author': 'ab', 'MS.Topic': 'Troubleshooting' }, sink());
    expect(n).toMatchObject({ title: 'T', date: '2022-05-06', authors: ['ab'], topic: 'troubleshooting', isTroubleshooting: true });
  });

  it('survives a throwing line lookup and non-object data', () => {
    const throwing = () => {
      throw new Error('boom');
    };
    expect(() => normalizeFrontMatter({ 'ms.date': 'soon' }, sink(), throwing)).not.toThrow();
    for (const bad of [null, undefined, 5, 'text', [1, 2], new Date()]) {
      expect(normalizeFrontMatter(bad as unknown as Record<string, unknown>, sink()).topic).toBe('article');
    }
  });
});
