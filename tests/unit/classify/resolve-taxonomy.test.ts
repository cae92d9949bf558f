import { describe, expect, it } from 'vitest';
import { GENERAL_AREA, OTHER_PRODUCT, resolveTaxonomy, type TaxonomyInput } from '../../../src/core/classify/resolve-taxonomy';
import { nameKey } from '../../../src/core/classify/product-names';

const item = (source: string, over: Partial<TaxonomyInput> = {}): TaxonomyInput => ({ source, products: [], supportAreas: [], services: [], technologies: [], tocGroups: [], ...over });
const noFolders = { tocFolders: new Set<string>(), labels: new Map<string, string>() };

describe('resolveTaxonomy: products', () => {
  it('keeps what the article says, folded', () => {
    const [a] = resolveTaxonomy([item('x/a.md', { products: ['Fabrikam Desk 9 – all editions'] })], noFolders);
    expect(a).toMatchObject({ products: ['Fabrikam Desk 9'], productFrom: 'article' });
  });

  it('reads metadata through what other articles with the same metadata name', () => {
    const out = resolveTaxonomy([
      item('a/1.md', { products: ['Contoso Server 2019'], services: ['contoso-srv'] }),
      item('a/2.md', { products: ['Contoso Server 2022'], services: ['contoso-srv'] }),
      item('b/3.md', { services: ['contoso-srv'] }),
      // A technology value is read through its hyphen prefixes.
      item('c/4.md', { technologies: ['contoso-srv-networking'] }),
    ], noFolders);
    expect(out[2]).toMatchObject({ products: ['Contoso Server'], productFrom: 'metadata' });
    expect(out[3]).toMatchObject({ products: ['Contoso Server'], productFrom: 'metadata' });
    expect(out[3].supportAreas).toEqual([['Networking']]);
  });

  it('reads an unknown service value as words', () => {
    const [a] = resolveTaxonomy([item('x/a.md', { services: ['virtual-widgets'] })], noFolders);
    expect(a).toMatchObject({ products: ['Virtual Widgets'], productFrom: 'metadata' });
  });

  it('takes the product most of the folder names, within the folder\'s toc tree', () => {
    const folders = { tocFolders: new Set(['desk', 'desk/install']), labels: new Map<string, string>() };
    const out = resolveTaxonomy([
      item('desk/a.md', { products: ['Fabrikam Desk 9'] }),
      item('desk/b.md', { products: ['Fabrikam Desk 10'] }),
      item('desk/install/c.md'),
    ], folders);
    // desk/install has its own toc, so the vote stops there and the folder's name is used.
    expect(out[2]).toMatchObject({ products: ['Install'], productFrom: 'folder' });
    const open = resolveTaxonomy([item('desk/a.md', { products: ['Fabrikam Desk 9'] }), item('desk/b.md', { products: ['Fabrikam Desk 10'] }), item('desk/sub/c.md')], { tocFolders: new Set(['desk']), labels: new Map() });
    expect(open[2]).toMatchObject({ products: ['Fabrikam Desk'], productFrom: 'folder' });
  });

  it('names a folder nobody votes for by its toc label, else its name', () => {
    const folders = { tocFolders: new Set(['tools/vmm', 'tools/widget-kit']), labels: new Map([['tools/vmm', 'Contoso Machine Manager']]) };
    const out = resolveTaxonomy([item('tools/vmm/x/a.md'), item('tools/widget-kit/b.md')], folders);
    expect(out[0].products).toEqual(['Contoso Machine Manager']);
    expect(out[1].products).toEqual(['Widget Kit']);
  });
});

describe('resolveTaxonomy: nothing to go on', () => {
  it('lists an article at the content root with no metadata under the root toc\'s name, else "Other", and "General"', () => {
    expect(resolveTaxonomy([item('readme.md')], noFolders)[0]).toMatchObject({ products: [OTHER_PRODUCT], productFrom: 'none', supportAreas: [[GENERAL_AREA]] });
    expect(resolveTaxonomy([item('readme.md')], { tocFolders: new Set(['']), labels: new Map([['', 'Contoso Help']]) })[0].products).toEqual(['Contoso Help']);
  });
});

describe('resolveTaxonomy: areas', () => {
  it('falls back from sap: paths to the toc groups, then the folder, then a general area', () => {
    const folders = { tocFolders: new Set(['desk']), labels: new Map<string, string>() };
    const out = resolveTaxonomy([
      item('desk/a.md', { supportAreas: [['Printing', 'Drivers']] }),
      item('desk/b.md', { tocGroups: ['Setup and upgrade', 'Upgrade'] }),
      item('desk/mail-flow/c.md'),
      item('desk/d.md'),
    ], folders);
    expect(out.map((o) => o.supportAreas)).toEqual([[['Printing', 'Drivers']], [['Setup and upgrade', 'Upgrade']], [['Mail flow']], [[GENERAL_AREA]]]);
    expect(out.map((o) => o.areaFrom)).toEqual(['article', 'toc', 'folder', 'none']);
  });
});

describe('resolveTaxonomy: one spelling per name', () => {
  it('gives every article the spelling most articles use, for products and each area level', () => {
    const out = resolveTaxonomy([
      item('a.md', { products: ['Fabrikam Desk'], supportAreas: [['TCP/IP communications']] }),
      item('b.md', { products: ['Fabrikam Desk'], supportAreas: [['TCP/IP communications', 'DNS']] }),
      item('c.md', { products: ['Microsoft Fabrikam desk'], supportAreas: [['tcp/ip-communications', 'dns']] }),
    ], noFolders);
    expect(new Set(out.flatMap((o) => o.products))).toEqual(new Set(['Fabrikam Desk']));
    expect(out[2].supportAreas).toEqual([['TCP/IP communications', 'DNS']]);
    const names = [...new Set(out.flatMap((o) => [...o.products, ...o.supportAreas.flat()]))];
    expect(new Set(names.map(nameKey)).size).toBe(names.length);
  });
});
