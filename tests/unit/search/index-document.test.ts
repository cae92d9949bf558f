import { describe, expect, it } from 'vitest';
import type { Article, Section } from '../../../src/core/model/article';
import { areaFilterValues, searchDocument, searchFacets } from '../../../src/core/search/index-document';

const section = (anchor: string, title: string, role: Section['role'], html: string, depth = 2): Section => ({
  anchor,
  title,
  depth,
  role,
  parent: null,
  html,
  text: html.replace(/<[^>]+>/g, ''),
  aliases: [],
});

const article: Article = {
  source: 'widgets/sync-fails.md',
  url: '/widgets/sync-fails/',
  title: 'Widget sync fails with 0x80070005 & <friends>',
  description: '',
  topic: 'troubleshooting',
  isTroubleshooting: true,
  products: ['Widget Server 2030', 'Widget Cloud'],
  supportAreas: [['Sync', 'Scheduled sync']],
  taxonomyHints: { services: [], technologies: [] },
  date: '2030-01-02',
  authors: [],
  kbNumber: null,
  summary: 'Sync stops with an access error.',
  problem: null,
  causes: [],
  solutions: [],
  moreInformation: null,
  sections: [
    section('intro', '', 'intro', '<p>Intro text.</p>', 1),
    section('cause', 'Cause', 'cause', '<p>The account lacks rights; hr=0x8007000d;</p>'),
    section('symptoms', 'Symptoms', 'problem', '<pre><code>Sync error 0x80070005</code></pre>'),
    section('resolution', 'Resolution', 'solution', '<ol><li>Grant rights.</li></ol>'),
    section('more', 'More information', 'more-information', '<p>Background.</p>'),
  ],
  headings: [],
  errorMessages: [],
  format: 'md',
};

describe('searchDocument', () => {
  const html = searchDocument(article);

  it('escapes the title and weighs it most', () => {
    expect(html).toContain('<h1 data-pagefind-weight="10">Widget sync fails with 0x80070005 &amp; &lt;friends&gt;</h1>');
    expect(html).toContain('data-pagefind-meta="title[content]" content="Widget sync fails with 0x80070005 &amp; &lt;friends&gt;"');
  });

  it('gives ids only to Cause and Solution headings, placed after the rest', () => {
    expect(html).toMatch(/<h2 id="cause">Cause<\/h2>/);
    expect(html).toMatch(/<h2 id="resolution">Resolution<\/h2>/);
    expect(html).toMatch(/<h2>Symptoms<\/h2>/);
    expect(html).not.toMatch(/id="symptoms"|id="more"/);
    expect(html.indexOf('More information')).toBeLessThan(html.indexOf('id="cause"'));
  });

  it('down-weights code blocks', () => {
    expect(html).toMatch(/<pre data-pagefind-weight="0\.\d+"><code>Sync error/);
  });

  it('carries filters, meta and the date sort', () => {
    expect(html).toContain('data-pagefind-filter="product[content]" content="Widget Cloud"');
    expect(html).toContain('data-pagefind-filter="area[content]" content="Sync › Scheduled sync"');
    expect(html).toContain('data-pagefind-filter="area[content]" content="Sync"');
    expect(html).toContain('data-pagefind-filter="topic[content]" content="Troubleshooting"');
    expect(html).toContain('data-pagefind-sort="date[content]" content="2030-01-02"');
    expect(html).toContain('data-pagefind-meta="summary[content]" content="Sync stops with an access error."');
  });

  it('appends identifier spellings, including glued ones', () => {
    const last = html.slice(html.lastIndexOf('<p data-pagefind-weight="0.5">'));
    expect(last).toContain('0x80070005 80070005');
    expect(last).toContain('0x8007000d');
  });

  it('is deterministic', () => {
    expect(searchDocument(article)).toBe(html);
  });
});

describe('facets', () => {
  it('area filter values hold every prefix once', () => {
    expect(areaFilterValues([['A', 'B', 'C'], ['A', 'D']])).toEqual(['A', 'A › B', 'A › B › C', 'A › D']);
  });
  it('topic uses its label', () => {
    expect(searchFacets({ products: [], supportAreas: [], topic: 'troubleshooting-known-issue' }).topic).toEqual(['Known issue']);
  });
});
