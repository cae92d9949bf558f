import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics';
import { parseToc, placeArticles, siblingsOf } from '../../../src/core/toc';

const files: Record<string, string> = {
  'toc.yml': `
- name: Networking
  items:
  - name: DNS
    href: net/dns-fails.md
  - name: DHCP lease problems
    href: ./net/DHCP.md#symptoms
- name: Storage
  href: storage/toc.yml
- name: Learn link
  href: /windows/whatever
- name: Gone
  href: net/missing.md
`,
  'storage/toc.yml': `
- name: Disks
  href: disk-offline.md
`,
};
const articles = new Set(['net/dns-fails.md', 'net/dhcp.md', 'storage/disk-offline.md']);

function parse(source = 'toc.yml') {
  const sink = new DiagnosticSink(source);
  const tree = parseToc(source, files[source], { sink, resolveArticle: (s) => (articles.has(s) ? s : [...articles].find((a) => a.toLowerCase() === s.toLowerCase()) ?? null), readToc: (s) => files[s] ?? null });
  return { tree, sink };
}

describe('toc.yml', () => {
  it('resolves article hrefs to site URLs, nests referenced tocs, and keeps order', () => {
    const { tree } = parse();
    expect(tree.map((n) => n.name)).toEqual(['Networking', 'Storage', 'Learn link', 'Gone']);
    expect(tree[0].children.map((c) => c.url)).toEqual(['/net/dns-fails/', '/net/dhcp/']);
    expect(tree[1].children[0]).toMatchObject({ name: 'Disks', url: '/storage/disk-offline/', source: 'storage/disk-offline.md' });
    expect(tree[2].external).toBe('https://learn.microsoft.com/windows/whatever');
  });

  it('reports entries that point at no article', () => {
    const { sink } = parse();
    expect(sink.items.map((d) => d.code)).toContain('toc-missing-target');
  });

  it('reports invalid YAML with a line and does not throw', () => {
    const sink = new DiagnosticSink('toc.yml');
    expect(parseToc('toc.yml', '- name: [unclosed\n  href: x.md', { sink, resolveArticle: () => null, readToc: () => null })).toEqual([]);
    expect(sink.items[0]).toMatchObject({ code: 'toc-invalid', severity: 'error' });
    expect(sink.items[0].line).toBeGreaterThan(0);
  });

  it('places each article with its trail and a bounded sibling list', () => {
    const { placement, groups } = placeArticles(parse().tree);
    const dns = placement.get('net/dns-fails.md')!;
    expect(dns.trail.map((t) => t.name)).toEqual(['Networking']);
    expect(siblingsOf(dns, groups)).toEqual([
      { name: 'DNS', url: '/net/dns-fails/', current: true },
      { name: 'DHCP lease problems', url: '/net/dhcp/', current: false },
    ]);
    // Siblings share one stored group, not a copy each.
    const dhcp = placement.get('net/dhcp.md')!;
    expect(dhcp.group).toBe(dns.group);
    expect(siblingsOf(dhcp, groups).map((s) => s.current)).toEqual([false, true]);
    expect(groups).toHaveLength(new Set([...placement.values()].map((p) => p.group)).size);
  });
});
