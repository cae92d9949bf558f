import { describe, expect, it } from 'vitest';
import { compactTerms } from '../../../src/core/retrieval/article-terms';
import { copyKeys } from '../../../src/core/retrieval/build-article-index';
import { RELATED, relatedArticles, type RelatedInput } from '../../../src/core/retrieval/related-articles';
import { termsOf, type FixtureArticle } from '../../fixtures/retrieval/kb';

const filler: FixtureArticle[] = Array.from({ length: 40 }, (_, i) => ({ source: `misc/topic-${i}.md`, title: `Widget topic ${i} number${i} colour${i % 7}`, body: `Words about widget ${i}.` }));
const input = (a: FixtureArticle, area = ''): RelatedInput => {
  const t = termsOf(a);
  return { url: t.url, area, copyKey: copyKeys([t]).get(t.source)!, terms: compactTerms(t) };
};

describe('relatedArticles', () => {
  const articles: Array<[FixtureArticle, string]> = [
    [{ source: 'net/dhcp-lease-0x79.md', title: 'DHCP client cannot renew its lease: error 0x79', messages: 'DHCP could not renew the lease. Error 0x79.' }, 'Networking'],
    [{ source: 'net/dhcp-scope-full.md', title: 'DHCP scope is full and clients get no lease', problem: 'Clients get no DHCP lease.' }, 'Networking'],
    [{ source: 'net/dhcp-relay.md', title: 'Relay agent drops DHCP lease requests', headings: 'Error 0x79 in the relay log' }, 'Networking'],
    [{ source: 'mail/quota.md', title: 'Mailbox quota exceeded', problem: 'Mail is rejected when the mailbox is full.' }, 'Mail'],
    // The same article published in another folder: never its own related article.
    [{ source: 'net-2023/dhcp-lease-0x79.md', title: 'DHCP client cannot renew its lease: error 0x79', messages: 'DHCP could not renew the lease. Error 0x79.' }, 'Networking'],
  ];
  const inputs = [...articles.map(([a, area]) => input(a, area)), ...filler.map((a) => input(a))];
  const related = relatedArticles(inputs);

  it('relates articles that share an error identifier and rare words of their titles and headings', () => {
    expect(related[0]).toEqual(expect.arrayContaining(['/net/dhcp-relay/', '/net/dhcp-scope-full/']));
    // The shared identifier (0x79) ranks the relay article above the scope one.
    expect(related[0].indexOf('/net/dhcp-relay/')).toBeLessThan(related[0].indexOf('/net/dhcp-scope-full/'));
  });

  it('never lists the article itself or its copy; one that shares little gets only what shares a telling word', () => {
    expect(related[0]).not.toContain('/net/dhcp-lease-0x79/');
    expect(related[0]).not.toContain('/net-2023/dhcp-lease-0x79/');
    // "Mailbox quota exceeded … the mailbox is full" shares only "full" with the DHCP scope article.
    expect(related[3]).toEqual(['/net/dhcp-scope-full/']);
  });

  it('gives an article that shares too little the articles of its own area', () => {
    const alone = relatedArticles([input({ source: 'mail/a.md', title: 'Quota exceeded' }, 'Mail'), input({ source: 'mail/b.md', title: 'Rules do not run' }, 'Mail'), input({ source: 'net/c.md', title: 'Lease lost' }, 'Net')]);
    expect(alone).toEqual([['/mail/b/'], ['/mail/a/'], []]);
    // Alone in its area: the articles that share any telling term with it.
    const lone = relatedArticles([input({ source: 'net/c.md', title: 'DHCP lease lost' }, 'Net'), input({ source: 'mail/d.md', title: 'DHCP option for mail' }, 'Mail'), ...filler.map((f) => input(f))]);
    expect(lone[0]).toEqual(['/mail/d/']);
  });

  it('lists at most RELATED.limit', () => {
    const many = relatedArticles(Array.from({ length: 8 }, (_, i) => input({ source: `x/a${i}.md`, title: `Spooler crash ${i}`, messages: 'Print spooler 0x800706ba crashed' })).concat(filler.map((a) => input(a))));
    expect(Math.max(...many.map((r) => r.length))).toBe(RELATED.limit);
  });
});
