import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../../src/core/ingest';
import type { IncludeResolver } from '../../../src/core/markdown/pipeline';

const noFiles: IncludeResolver = { read: () => ({ error: 'missing' }), exists: () => false };
const ingest = (text: string, source = 'net/dhcp-lease.md') => ingestArticle(source, new TextEncoder().encode(text), noFiles);

describe('ingestArticle', () => {
  it('builds the full model from front matter and sections', () => {
    const { article, diagnostics } = ingest(`---
title: DHCP clients can't renew their lease
description: Clients lose their address after the scope option changes.
ms.topic: troubleshooting
ms.date: 03/14/2024
ms.custom: sap:Networking\\DHCP, csstroubleshoot
author: pat-writer
---
# DHCP clients can't renew their lease

_Applies to:_ &nbsp; Windows Server 2022, Windows Server 2019  
_Original KB number:_ &nbsp; 5012345

## Symptoms

Clients show this error:

\`\`\`output
DHCP could not renew the lease for the network card with address 0x00155D0A1B2C. Error 0x79.
\`\`\`

## Cause

The relay agent drops renewals.

## Resolution

1. Open the DHCP console.
2. Clear the relay setting.
`);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(article).toMatchObject({
      source: 'net/dhcp-lease.md',
      url: '/net/dhcp-lease/',
      title: "DHCP clients can't renew their lease",
      topic: 'troubleshooting',
      isTroubleshooting: true,
      products: ['Windows Server 2022', 'Windows Server 2019'],
      supportAreas: [['Networking', 'DHCP']],
      date: '2024-03-14',
      authors: ['pat-writer'],
      kbNumber: '5012345',
    });
    expect(article!.problem?.anchor).toBe('symptoms');
    expect(article!.causes.map((c) => c.title)).toEqual(['Cause']);
    expect(article!.solutions[0]).toMatchObject({ title: 'Resolution', cause: 'cause', steps: ['Open the DHCP console.', 'Clear the relay setting.'] });
    expect(article!.errorMessages.some((m) => m.text.includes('could not renew the lease') && m.anchor === 'symptoms')).toBe(true);
  });

  it('turns an include file into an info diagnostic, not a page', () => {
    const r = ingest('Some shared text.', 'includes/shared.md');
    expect(r.article).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['include-file']);
  });

  it('never throws on broken input and says why nothing was published', () => {
    const r = ingestArticle('bin.md', new Uint8Array([0, 1, 2, 0, 0, 255, 0]), noFiles);
    expect(r.article).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ file: 'bin.md', severity: 'error' });
  });

  it('falls back to the file name for a title-less article and says so', () => {
    const r = ingest('Just a paragraph.', 'misc/odd_file-name.md');
    expect(r.article!.title).toBe('odd file name');
    expect(r.diagnostics.map((d) => d.code)).toContain('title-from-filename');
  });
});

describe('section text', () => {
  it('holds what alerts say and keeps list items and line breaks apart, as the page shows them', () => {
    const { article } = ingest(`---
title: Mail merge fails
ms.topic: troubleshooting
---
## Cause

> [!NOTE]
> This message has several causes.

- The reply address is missing
- The template holds special characters

"An unknown error occurred"  
"The operation failed"
`);
    const cause = article!.sections.find((s) => s.title === 'Cause')!;
    expect(cause.text).toContain('This message has several causes.');
    expect(cause.text).toMatch(/missing\s+The template/);
    expect(cause.text).toMatch(/occurred"\s+"The operation/);
  });
});

describe('lines that repeat the page header', () => {
  const body = (applies: string) => `---
title: Widget sync stops
ms.date: 01/02/2025
---
# Widget sync stops

_Applies to:_ &nbsp; ${applies}  
_Original KB number:_ &nbsp; 4012345

Widgets stop syncing after the update.

## Cause

The token expired.
`;
  it('are dropped from the body when the header shows the same: products as written and the KB number', () => {
    const { article } = ingest(body('Contoso Drive, Contoso Server 2022'));
    expect(article!.products).toEqual(['Contoso Drive', 'Contoso Server 2022']);
    expect(article!.kbNumber).toBe('4012345');
    const intro = article!.sections[0];
    expect(intro.html).not.toMatch(/Applies to|Original KB number/);
    expect(intro.html).toMatch(/Widgets stop syncing/);
  });
  it('stay when the header would show the products shortened (a version the rules drop)', () => {
    const { article } = ingest(body('Contoso Desk 10, version 1809'));
    expect(article!.sections[0].html).toMatch(/Applies to/);
    expect(article!.kbNumber).toBe('4012345');
  });
});
