import { describe, expect, it } from 'vitest';
import { xrefTarget } from '../../../src/core/markdown/extensions/xref';
import { memoryResolver, render } from './helpers';

describe('xref', () => {
  it('<xref:Uid> autolink → API link labelled with the uid', () => {
    expect(render('Use <xref:System.String> here.').html).toBe('<p>Use <a href="https://learn.microsoft.com/dotnet/api/system.string" class="xref">System.String</a> here.</p>');
  });
  it('[text](xref:Uid) keeps the text', () => {
    expect(render('[the client](xref:Azure.Storage.Blobs.BlobClient)').html).toBe('<p><a href="https://learn.microsoft.com/dotnet/api/azure.storage.blobs.blobclient" class="xref">the client</a></p>');
  });
  it('@xref:Uid and <xref:…?text=…> with spaces', () => {
    const r = render('Call @xref:Contoso.Api.Send%2A and <xref:Contoso.Api.WhoAmI?text=Who am I>.');
    expect(r.html).toBe('<p>Call <a href="https://learn.microsoft.com/dotnet/api/contoso.api.send" class="xref">Contoso.Api.Send</a> and <a href="https://learn.microsoft.com/dotnet/api/contoso.api.whoami" class="xref">Who am I</a>.</p>');
  });
  it('normalizes uids into Learn URLs', () => {
    expect(xrefTarget('Contoso.Widget.%23ctor(System.String)')).toEqual({ url: 'https://learn.microsoft.com/dotnet/api/contoso.widget.-ctor', label: 'Contoso.Widget.#ctor(System.String)' });
    expect(xrefTarget('Contoso.Widget.Size?displayProperty=nameWithType').label).toBe('Widget.Size');
    expect(xrefTarget('Contoso.List`1').url).toBe('https://learn.microsoft.com/dotnet/api/contoso.list-1');
  });
  it('leaves code alone', () => {
    expect(render('`<xref:System.String>`').html).toBe('<p><code>&#x3C;xref:System.String></code></p>');
  });
});

describe('links', () => {
  const opts = { file: 'docs/area/sub/article.md', resolver: memoryResolver({}, ['docs/area/files/tool.zip']) };

  it('rewrites relative .md links to article URLs, keeping the anchor, and records them with their line', () => {
    const r = render('Intro\n\nSee [fix](../Other_Topic.md#Step-2) and [peer](./peer.md).', { ...opts, lineOffset: 5 });
    expect(r.html).toBe('<p>Intro</p>\n<p>See <a href="/docs/area/other_topic/#Step-2">fix</a> and <a href="/docs/area/sub/peer/">peer</a>.</p>');
    expect(r.links).toEqual([
      { url: '/docs/area/other_topic/', anchor: 'Step-2', line: 8 },
      { url: '/docs/area/sub/peer/', anchor: null, line: 8 },
    ]);
  });

  it('rewrites reference-style definitions too', () => {
    const r = render('See [the guide][g].\n\n[g]: ../guide.md', opts);
    expect(r.html).toBe('<p>See <a href="/docs/area/guide/">the guide</a>.</p>');
  });

  it('records same-page anchors against the current article', () => {
    const r = render('[below](#cause)', opts);
    expect(r.html).toBe('<p><a href="#cause">below</a></p>');
    expect(r.links).toEqual([{ url: '/docs/area/sub/article/', anchor: 'cause', line: 1 }]);
  });

  it('records same-page anchors in an included file against the including article', () => {
    const resolver = memoryResolver({ 'docs/includes/note.md': 'See [the cause](#cause) and [peer](../area/peer.md#x).' });
    const r = render('[!INCLUDE [note](../../includes/note.md)]', { ...opts, resolver });
    expect(r.links).toContainEqual(expect.objectContaining({ url: '/docs/area/sub/article/', anchor: 'cause' }));
    expect(r.links).toContainEqual(expect.objectContaining({ url: '/docs/area/peer/', anchor: 'x' }));
  });

  it('sends site-absolute Learn links to learn.microsoft.com and leaves external ones', () => {
    const r = render('[vm](/azure/virtual-machines/overview) [w](/windows/client-management/) [ext](https://contoso.com/a.md) [m](mailto:a@b.c)', opts);
    expect(r.html).toBe('<p><a href="https://learn.microsoft.com/azure/virtual-machines/overview">vm</a> <a href="https://learn.microsoft.com/windows/client-management/">w</a> <a href="https://contoso.com/a.md">ext</a> <a href="mailto:a@b.c">m</a></p>');
    expect(r.links).toEqual([]);
  });

  it('points links to local files at their asset path, recording them', () => {
    const r = render('[download](../files/tool.zip) [gone](../files/none.zip)', opts);
    expect(r.html).toContain('href="/docs/area/files/tool.zip"');
    expect(r.assets).toEqual(['docs/area/files/tool.zip']);
    expect(r.codes).toEqual(['link-target-missing']);
  });

  it('warns about links leaving the root', () => {
    expect(render('[x](../../../../up.md)', opts).codes).toEqual(['link-outside-root']);
  });
});
