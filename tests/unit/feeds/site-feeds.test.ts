import { describe, expect, it } from 'vitest';
import { FEED_SIZE, SITEMAP_SIZE, atomFeed, sitemap, sitemapChunks, sitemapIndex } from '../../../src/core/feeds/site-feeds';
import { feedbackUrl } from '../../../src/config';

describe('sitemap', () => {
  it('gives absolute URLs when the site address is known, escaped', () => {
    const xml = sitemap([{ url: '/a/b-&-c/', date: '2025-01-02' }, { url: '/d/', date: null }], 'https://kb.example.org/');
    expect(xml).toContain('<url><loc>https://kb.example.org/a/b-&amp;-c/</loc><lastmod>2025-01-02</lastmod></url>');
    expect(xml).toContain('<url><loc>https://kb.example.org/d/</loc></url>');
  });
  it('splits into files of at most SITEMAP_SIZE URLs under an index', () => {
    const items = Array.from({ length: SITEMAP_SIZE * 2 + 1 }, (_, i) => i);
    expect(sitemapChunks(items).map((c) => c.length)).toEqual([SITEMAP_SIZE, SITEMAP_SIZE, 1]);
    expect(sitemapChunks([])).toEqual([[]]);
    expect(sitemapIndex(3, undefined).match(/<sitemap>/g)).toHaveLength(3);
  });
});

describe('atomFeed', () => {
  it('lists the newest dated articles first, at most FEED_SIZE, dropping characters XML cannot hold', () => {
    const articles: Array<{ url: string; title: string; summary: string; date: string | null }> = Array.from({ length: FEED_SIZE + 10 }, (_, i) => ({ url: `/a${i}/`, title: `T${i} <x>\u0001`, summary: 's', date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    articles.push({ url: '/undated/', title: 'U', summary: '', date: null });
    const xml = atomFeed(articles, { title: 'KB', site: 'https://kb.example.org' });
    const dates = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(dates).toHaveLength(FEED_SIZE);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(xml).not.toContain('/undated/');
    expect(xml).toContain('T27 &lt;x&gt;</title>');
    expect(xml).not.toContain('\u0001');
  });
});

describe('feedbackUrl', () => {
  const a = { source: 'sql/login failed.md', title: 'Login failed & more', url: '/sql/login-failed/' };
  it('is null unless a template is configured', () => expect(feedbackUrl(a, null)).toBeNull());
  it('fills the template, URL-encoded', () => {
    expect(feedbackUrl(a, 'https://forms.example.org/?page={url}&src={source}&t={title}')).toBe('https://forms.example.org/?page=%2Fsql%2Flogin-failed%2F&src=sql%2Flogin%20failed.md&t=Login%20failed%20%26%20more');
  });
});
