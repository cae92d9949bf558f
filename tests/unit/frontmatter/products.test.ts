import { describe, expect, it } from 'vitest';
import { normalizeProducts, parseAppliesToLine } from '../../../src/core/frontmatter/products';

describe('parseAppliesToLine', () => {
  it.each([
    ['_Applies to:_ &nbsp; Contoso Server 2019, Contoso OS 10  ', ['Contoso Server 2019', 'Contoso OS 10']],
    ['_Applies to:_&nbsp;Contoso Studio 2015', ['Contoso Studio 2015']],
    ['_Applies to_: &nbsp; Contoso DB all versions', ['Contoso DB all versions']],
    ['*Applies to*: Contoso Manager (current branch)', ['Contoso Manager (current branch)']],
    ['*Applies to: Contoso Manager (current branch)*', ['Contoso Manager (current branch)']],
    ['**Applies to:** Contoso Mail Online, Contoso Mail 2016', ['Contoso Mail Online', 'Contoso Mail 2016']],
    ['__Applies to:_ &nbsp; Contoso Ledger', ['Contoso Ledger']],
    ['*Applies to:* &nbsp; Contoso Flow', ['Contoso Flow']],
    ['  _Applies to:_ &nbsp; Contoso OS 7 Service Pack 1  ', ['Contoso OS 7 Service Pack 1']],
    ['Applies to: Contoso Server 2022.', ['Contoso Server 2022']],
    // After Markdown is flattened to text: emphasis gone, &nbsp; is U+00A0.
    ['Applies to:\u00a0 Contoso Server 2019, Contoso Server 2016', ['Contoso Server 2019', 'Contoso Server 2016']],
    ['**Applies to:** :heavy_check_mark: Contoso VMs', ['Contoso VMs']],
  ])('%j', (line, expected) => {
    expect(parseAppliesToLine(line)).toEqual(expected);
  });

  it('keeps "version" and "all editions" parts with their product', () => {
    expect(parseAppliesToLine('_Applies to:_ &nbsp; Contoso OS 10, version 2004, Contoso OS 10, version 1909, Contoso Server 2019')).toEqual([
      'Contoso OS 10, version 2004',
      'Contoso OS 10, version 1909',
      'Contoso Server 2019',
    ]);
    expect(parseAppliesToLine('_Applies to:_ &nbsp; Contoso Server 2016, all editions, Contoso Server 2012 R2 Datacenter')).toEqual([
      'Contoso Server 2016, all editions',
      'Contoso Server 2012 R2 Datacenter',
    ]);
    expect(parseAppliesToLine('_Applies to:_ &nbsp; Contoso OS 10, version 1809, and later versions, Contoso Server 2016')).toEqual([
      'Contoso OS 10, version 1809, and later versions',
      'Contoso Server 2016',
    ]);
    expect(parseAppliesToLine('*Applies to*: Contoso Manager current branch, versions 1910, 2002, and 2010')).toEqual([
      'Contoso Manager current branch, versions 1910, 2002, and 2010',
    ]);
  });

  it('splits on semicolons and ideographic commas, and drops a leading "and"', () => {
    expect(parseAppliesToLine('_Applies to:_ &nbsp; Contoso Server 2019, version 1809 and later versions; Contoso OS 10')).toEqual([
      'Contoso Server 2019, version 1809 and later versions',
      'Contoso OS 10',
    ]);
    expect(parseAppliesToLine('_Applies to:_ Contoso A、Contoso B')).toEqual(['Contoso A', 'Contoso B']);
    expect(parseAppliesToLine('_Applies to:_ &nbsp; Contoso XP, and Contoso Server 2003.')).toEqual(['Contoso XP', 'Contoso Server 2003']);
  });

  it('does not split inside parentheses', () => {
    expect(parseAppliesToLine('Applies to: Contoso Suite (Mail, Calendar), Contoso Notes')).toEqual(['Contoso Suite (Mail, Calendar)', 'Contoso Notes']);
  });

  it('strips links and emphasis around names and de-duplicates case-insensitively', () => {
    expect(parseAppliesToLine('Applies to: [Contoso Cloud](https://example.com/c), *Contoso Edge*, contoso cloud, Contoso OS 10 – all editions, Contoso OS 10 - all editions')).toEqual([
      'Contoso Cloud',
      'Contoso Edge',
      'Contoso OS 10 – all editions',
    ]);
  });

  it.each([
    'This article applies to: Contoso',
    '    Applies to: This folder only', // indented code, e.g. a copied dialog
    'Applies to Contoso Server',
    '## Applies to',
    '',
  ])('is not an applies-to line: %j', (line) => {
    expect(parseAppliesToLine(line)).toBeNull();
  });

  it('returns an empty list for a label with nothing after it', () => {
    expect(parseAppliesToLine('_Applies to:_ &nbsp; ')).toEqual([]);
  });
});

describe('normalizeProducts', () => {
  it('keeps each list item whole, commas included', () => {
    expect(normalizeProducts(['Contoso Mail Online', 'Contoso HCI, version 21H2'])).toEqual(['Contoso Mail Online', 'Contoso HCI, version 21H2']);
  });

  it('strips the HTML link and check mark that some lists carry', () => {
    expect(normalizeProducts(['✅ <a href=https://example.com/x target=_blank>Supported versions of Contoso Server</a>'])).toEqual([
      'Supported versions of Contoso Server',
    ]);
  });

  it('splits a single string on commas, semicolons and new lines', () => {
    expect(normalizeProducts('Contoso A, Contoso B; Contoso C\nContoso D')).toEqual(['Contoso A', 'Contoso B', 'Contoso C', 'Contoso D']);
  });

  it('de-duplicates keeping the first spelling', () => {
    expect(normalizeProducts(['Contoso Teams', 'contoso teams ', 'Contoso  Teams'])).toEqual(['Contoso Teams']);
  });

  it('reads numbers as names and ignores objects and empties', () => {
    expect(normalizeProducts(['Contoso', 365, null, { name: 'x' }, '', ['Nested']])).toEqual(['Contoso', '365', 'Nested']);
  });

  it.each([undefined, null, '', {}, 42.5, true])('gives a list for %j', (raw) => {
    const out = normalizeProducts(raw);
    expect(Array.isArray(out)).toBe(true);
    expect(out.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
  });
});
