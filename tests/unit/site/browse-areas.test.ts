import { describe, expect, it } from 'vitest';
import { groupAreas } from '../../../src/core/taxonomy';

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
