import { describe, expect, it } from 'vitest';
import { areaPages, groupAreas } from '../../../src/core/taxonomy';

const e = (title: string, ...areas: string[][]) => ({ title, supportAreas: areas });

describe('groupAreas', () => {
  const a = e('a', ['Networking', 'DNS', 'Zone transfers']);
  const b = e('b', ['Networking', 'DNS'], ['Networking', 'DHCP']);
  const c = e('c', ['Printing']);
  const groups = groupAreas([a, b, c]);
  const byKey = new Map(groups.map((g) => [g.key, g]));

  it('has one group per path prefix, sorted by URL key', () => {
    expect(groups.map((g) => g.key)).toEqual(['networking', 'networking/dhcp', 'networking/dns', 'networking/dns/zone-transfers', 'printing']);
    expect(byKey.get('networking/dns/zone-transfers')!.path).toEqual(['Networking', 'DNS', 'Zone transfers']);
  });

  it('lists each article once per group, and only direct children with their counts', () => {
    expect(byKey.get('networking')!.items.map((x) => x.title)).toEqual(['a', 'b']);
    expect(byKey.get('networking')!.children).toEqual([
      { path: ['Networking', 'DHCP'], count: 1 },
      { path: ['Networking', 'DNS'], count: 2 },
    ]);
    expect(byKey.get('networking/dns')!.children).toEqual([{ path: ['Networking', 'DNS', 'Zone transfers'], count: 1 }]);
    expect(byKey.get('printing')!.children).toEqual([]);
  });
});

describe('areaPages', () => {
  const items = Array.from({ length: 120 }, (_, i) => e(`t${i}`, ['Office', '2']));
  const [office, office2] = groupAreas(items);

  it('splits a large area into pages of the given size, in order, with prev and next links', () => {
    const pages = areaPages(office!, 50);
    expect(pages.map((p) => p.param)).toEqual(['office', 'office/page_2', 'office/page_3']);
    expect(pages.map((p) => p.page.data.length)).toEqual([50, 50, 20]);
    expect(pages.flatMap((p) => p.page.data)).toEqual(office!.items);
    expect(pages.every((p) => p.page.total === 120 && p.page.lastPage === 3)).toBe(true);
    expect(pages[0]!.page.url).toEqual({ current: '/browse/areas/office/', next: '/browse/areas/office/page_2/' });
    expect(pages[1]!.page.url).toEqual({ current: '/browse/areas/office/page_2/', prev: '/browse/areas/office/', next: '/browse/areas/office/page_3/' });
    expect(pages[2]!.page.url).toEqual({ current: '/browse/areas/office/page_3/', prev: '/browse/areas/office/page_2/' });
  });

  it('never gives a page the URL of a sub-area, even one named with a number', () => {
    const subAreaUrls = new Set(areaPages(office2!, 50).map((p) => p.page.url.current));
    expect(office2!.key).toBe('office/2');
    for (const p of areaPages(office!, 1)) expect(subAreaUrls.has(p.page.url.current), p.param).toBe(false);
    expect(areaPages(office!, 1)).toHaveLength(120);
  });

  it('gives an area with few articles one page and no pager links', () => {
    const [only] = areaPages(groupAreas([e('x', ['Printing'])])[0]!, 50);
    expect(only!.page).toMatchObject({ currentPage: 1, lastPage: 1, total: 1, url: { current: '/browse/areas/printing/' } });
    expect(only!.page.url.prev ?? only!.page.url.next).toBeUndefined();
  });
});
