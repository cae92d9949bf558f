import { describe, expect, it } from 'vitest';
import { memoryResolver, render } from './helpers';

const FILE = 'docs/area/article.md';
const withAssets = (...assets: string[]) => ({ file: FILE, resolver: memoryResolver({}, assets) });

describe(':::image', () => {
  it('content image alone → figure with lazy img, source resolved below the root, asset recorded', () => {
    const r = render(':::image type="content" source="media/dialog.png" alt-text="The settings dialog.":::', withAssets('docs/area/media/dialog.png'));
    expect(r.html).toBe('<figure class="image"><img src="/docs/area/media/dialog.png" alt="The settings dialog." loading="lazy" class="border"></figure>');
    expect(r.assets).toEqual(['docs/area/media/dialog.png']);
    expect(r.codes).toEqual([]);
  });

  it('reads attributes in any order, with single quotes and ./ paths', () => {
    const r = render(":::image alt-text='Portal view' border='false' source='./media/portal.png' type='content':::", withAssets('docs/area/media/portal.png'));
    expect(r.html).toBe('<figure class="image"><img src="/docs/area/media/portal.png" alt="Portal view" loading="lazy"></figure>');
  });

  it('wraps in a lightbox link when asked', () => {
    const r = render(':::image type="content" source="media/a.png" alt-text="A" lightbox="media/a-big.png":::', withAssets('docs/area/media/a.png', 'docs/area/media/a-big.png'));
    expect(r.html).toContain('<a href="/docs/area/media/a-big.png" class="lightbox"><img src="/docs/area/media/a.png"');
    expect(r.assets.sort()).toEqual(['docs/area/media/a-big.png', 'docs/area/media/a.png']);
  });

  it('icons stay inline inside list items and sentences', () => {
    const r = render('1. Select **Attach** (:::image type="icon" source="media/clip.png" alt-text="Clip icon.":::) and then (:::image type="icon" source="media/send.png":::).', withAssets('docs/area/media/clip.png', 'docs/area/media/send.png'));
    expect(r.html).toBe('<ol>\n<li>Select <strong>Attach</strong> (<img src="/docs/area/media/clip.png" alt="Clip icon." loading="lazy" class="icon">) and then (<img src="/docs/area/media/send.png" alt="" loading="lazy" class="icon">).</li>\n</ol>');
    expect(r.codes).toEqual([]); // icons may be decorative: no alt warning
  });

  it('keeps alt text that Markdown would otherwise split (emphasis, colon)', () => {
    const r = render(':::image type="content" source="media/x.png" alt-text="Shows the *Sign in* box: step 2":::', withAssets('docs/area/media/x.png'));
    expect(r.html).toContain('alt="Shows the Sign in box: step 2"');
  });

  it('warns about a missing alt-text and a missing file, and keeps the image', () => {
    const r = render('Intro.\n\n:::image type="content" source="media/gone.png":::');
    expect(r.sink.items).toEqual([
      expect.objectContaining({ code: 'image-alt-missing', severity: 'warning', line: 3 }),
      expect.objectContaining({ code: 'image-missing', severity: 'warning', line: 3 }),
    ]);
    expect(r.html).toContain('<img src="/docs/area/media/gone.png"');
    expect(r.assets).toEqual([]);
  });

  it('drops an image whose source leaves the content root, with an error', () => {
    const r = render('Before\n\n:::image type="content" source="../../../../etc/passwd" alt-text="x":::\n\nAfter');
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('<p>Before</p>');
    expect(r.sink.items).toEqual([expect.objectContaining({ code: 'image-outside-root', severity: 'error', line: 3 })]);
  });

  it('complex form → figure with the long description in <details>', () => {
    const md = [
      ':::image type="complex" source="media/chart.png" alt-text="Latency chart.":::',
      'The chart shows latency rising after **noon**.',
      '',
      'A second paragraph.',
      ':::image-end:::',
      '',
      'After the figure.',
    ].join('\n');
    const r = render(md, withAssets('docs/area/media/chart.png'));
    expect(r.html).toBe(
      '<figure class="image complex"><img src="/docs/area/media/chart.png" alt="Latency chart." loading="lazy" class="border">' +
        '<details class="image-description"><summary class="image-description-title">Description</summary>' +
        '<p>The chart shows latency rising after <strong>noon</strong>.</p><p>A second paragraph.</p></details></figure>\n<p>After the figure.</p>',
    );
  });

  it('warns about an unclosed complex image and keeps its text', () => {
    const r = render(':::image type="complex" source="media/c.png" alt-text="C":::\n\nOrphan description.', withAssets('docs/area/media/c.png'));
    expect(r.codes).toContain('image-unbalanced');
    expect(r.html).toContain('Orphan description.');
  });

  it('resolves plain Markdown images too', () => {
    const r = render('![Diagram](../shared/diagram.png)', withAssets('docs/shared/diagram.png'));
    expect(r.html).toBe('<figure class="image"><img src="/docs/shared/diagram.png" alt="Diagram" loading="lazy"></figure>');
    expect(r.assets).toEqual(['docs/shared/diagram.png']);
  });

  it(':::no-loc::: shows its term', () => {
    expect(render('Type :::no-loc text="Contoso":::, then press Enter.').html).toBe('<p>Type Contoso, then press Enter.</p>');
  });
});
