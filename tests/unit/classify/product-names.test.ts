import { describe, expect, it } from 'vitest';
import { PRODUCT_RULES, foldProductName, nameKey, productFamily } from '../../../src/core/classify/product-names';
import { humanizeSlug } from '../../../src/core/classify/area-names';

describe('product name rules', () => {
  // One row per rule: a spelling authors use → the product it names.
  const cases: Array<[string, string]> = [
    ['Contoso Server 2019 – all editions', 'Contoso Server 2019'],
    ['Contoso Server 2019 — all editions', 'Contoso Server 2019'],
    ['Window 12 - all editions', 'Windows 12'],
    ['All versions of Fabrikam Desk', 'Fabrikam Desk'],
    ['All Fabrikam Desk versions', 'Fabrikam Desk'],
    ['Supported versions of Fabrikam Desk', 'Fabrikam Desk'],
    ['Fabrikam Desk (all supported versions)', 'Fabrikam Desk'],
    ['Fabrikam Desk 9, version 2104 and later versions', 'Fabrikam Desk 9'],
    ['Fabrikam Desk 9, version 2104', 'Fabrikam Desk 9'],
    ['Fabrikam Desk 7 Service Pack 1', 'Fabrikam Desk 7'],
    ['Fabrikam Desk 9 on Windows', 'Fabrikam Desk 9'],
    ['Contoso Server 2019 Datacenter', 'Contoso Server 2019'],
    ['Contoso Server 2016 Enterprise Edition', 'Contoso Server 2016'],
    ['Windows Server Standard 2031', 'Windows Server 2031'],
    ['Windows Servers 2031', 'Windows Server 2031'],
    ['Fabrikam Desk 9 (64-bit x64)', 'Fabrikam Desk 9'],
    ['Fabrikam Desk 9.', 'Fabrikam Desk 9'],
  ];
  it.each(cases)('%s → %s', (input, want) => expect(foldProductName(input)).toBe(want));

  it('has a name for every rule, and every rule is exercised above', () => {
    for (const r of PRODUCT_RULES) {
      expect(r.name).toBeTruthy();
      const fired = cases.some(([input]) => foldProductName(input, [r]) !== foldProductName(input, []));
      expect(fired, r.name).toBe(true);
    }
  });

  it('leaves a plain product name as it is', () => {
    for (const name of ['Contoso Mail Online', 'Fabrikam Desk 365', '.NET Widgets 4.8', 'Fabrikam Windows', 'Widget Framework Core']) expect(foldProductName(name)).toBe(name);
  });
});

describe('productFamily', () => {
  it('drops the version: a year, a number, a release name', () => {
    expect(productFamily('Contoso Server 2019')).toBe('Contoso Server');
    expect(productFamily('Contoso Server 2012 R2')).toBe('Contoso Server');
    expect(productFamily('Fabrikam Desk 10')).toBe('Fabrikam Desk');
    expect(productFamily('Fabrikam Desk 8.1')).toBe('Fabrikam Desk');
    expect(productFamily('Fabrikam Desk XP')).toBe('Fabrikam Desk');
    expect(productFamily('Fabrikam Desk Manager (current branch)')).toBe('Fabrikam Desk Manager');
  });
  it('keeps a number that is part of the name', () => {
    expect(productFamily('Contoso 365')).toBe('Contoso 365');
    expect(productFamily('Contoso Mail Online')).toBe('Contoso Mail Online');
  });
});

describe('nameKey', () => {
  it('is equal for spellings that differ in case, dashes, spacing and the vendor prefix', () => {
    expect(nameKey('Windows 10 – all editions')).toBe(nameKey('windows 10 - all  editions'));
    expect(nameKey('Microsoft Fabrikam Desk')).toBe(nameKey('Fabrikam desk'));
    expect(nameKey('TCP/IP communications')).toBe(nameKey('tcp/ip-communications'));
  });
  it('keeps versions apart', () => {
    expect(nameKey('.NET 4.8')).not.toBe(nameKey('.NET 48'));
  });
});

describe('humanizeSlug', () => {
  it('reads a slug as words, acronyms in capitals', () => {
    expect(humanizeSlug('alerts-reports-queries')).toBe('Alerts reports queries');
    expect(humanizeSlug('tcp/ip-communications')).toBe('TCP/IP communications');
    expect(humanizeSlug('vmm')).toBe('VMM');
    expect(humanizeSlug('virtual-machines', 'title')).toBe('Virtual Machines');
  });
  it('leaves names that are not slugs alone', () => {
    expect(humanizeSlug('Sharing links')).toBe('Sharing links');
    expect(humanizeSlug('2019')).toBe('2019');
  });
});
