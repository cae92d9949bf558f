import { describe, expect, it } from 'vitest';
import { render } from './helpers';

describe('[!div]', () => {
  it('becomes a div with the (sanitized) class', () => {
    const r = render('> [!div class="nextstepaction"]\n> [Run the check](https://example.com/check)');
    expect(r.html).toBe('<div class="nextstepaction"><p><a href="https://example.com/check">Run the check</a></p></div>');
  });
  it('strips characters outside [a-z0-9_-] from classes', () => {
    expect(render('> [!div class="Next!Step   ok_1 a.b"]\n> x').html).toBe('<div class="nextstep ok_1 ab"><p>x</p></div>');
    expect(render("> [!div class='a<b c']\n> x").html).toContain('<div class="ab c">');
  });
  it('[!VIDEO] becomes a link, never an iframe', () => {
    const r = render('> [!VIDEO https://www.example.com/embed/abc]');
    expect(r.html).toBe('<div class="video"><p><a href="https://www.example.com/embed/abc">Watch the video</a></p></div>');
  });
});

describe('tabs', () => {
  const md = [
    'Pick your system.',
    '',
    '# [Windows](#tab/windows)',
    '',
    'Run **setup.exe**.',
    '',
    '# [macOS](#tab/macos)',
    '',
    'Open the package.',
    '',
    '---',
    '',
    'After the tabs.',
  ].join('\n');

  it('groups tab headings until --- into sections', () => {
    const r = render(md);
    expect(r.html).toBe(
      '<p>Pick your system.</p>\n<div class="tabs">' +
        '<section class="tab" data-tab="windows"><h4 class="tab-title">Windows</h4><p>Run <strong>setup.exe</strong>.</p></section>' +
        '<section class="tab" data-tab="macos"><h4 class="tab-title">macOS</h4><p>Open the package.</p></section>' +
        '</div>\n<p>After the tabs.</p>',
    );
    // Tab titles are not headings: they must not start sections.
    expect(r.tree.children.some((n) => n.type === 'heading')).toBe(false);
  });

  it('handles any depth and dependent ids, and ends at a shallower heading without ---', () => {
    const r = render('### [Cloud](#tab/cloud/portal)\nA\n### [Local](#tab/local/portal)\nB\n## Next section\nC');
    expect(r.html).toContain('<section class="tab" data-tab="cloud" data-tab-dependent="portal">');
    expect(r.html).toMatch(/<\/div>\n<h2 id="next-section">Next section<\/h2>/);
  });

  it('keeps deeper headings inside a tab', () => {
    const r = render('## [One](#tab/one)\n### Detail\ntext\n## [Two](#tab/two)\nmore\n\n---');
    expect(r.html).toMatch(/data-tab="one"><h4 class="tab-title">One<\/h4><h3 id="detail">Detail<\/h3><p>text<\/p><\/section>/);
  });
});

describe('moniker and zone', () => {
  it('wraps moniker content in a labelled div', () => {
    const r = render('::: moniker range=">=sql-server-2019" :::\n\nNew behaviour.\n\n::: moniker-end :::');
    expect(r.html).toBe('<div class="moniker" data-range=">=sql-server-2019"><p class="moniker-label">Applies to: >=sql-server-2019</p><p>New behaviour.</p></div>');
  });

  it('wraps zone content, also when markers are glued to text and have no closing colons', () => {
    const r = render('::: zone pivot="windows"\nUse PowerShell.\n::: zone-end\n\n::: zone pivot="linux"\nUse Bash.\n::: zone-end');
    expect(r.html).toBe(
      '<div class="zone" data-pivot="windows"><p class="zone-label">Option: windows</p><p>Use PowerShell.</p></div>\n' +
        '<div class="zone" data-pivot="linux"><p class="zone-label">Option: linux</p><p>Use Bash.</p></div>',
    );
    expect(r.codes).toEqual([]);
  });

  it('warns on unbalanced markers and never loses text', () => {
    const stray = render('Before.\n\n::: moniker-end :::\n\nAfter.', { lineOffset: 2 });
    expect(stray.html).toBe('<p>Before.</p>\n<p>After.</p>');
    expect(stray.sink.items).toEqual([expect.objectContaining({ code: 'moniker-unbalanced', severity: 'warning', line: 5 })]);

    const open = render('::: zone pivot="a" :::\n\nKept text.');
    expect(open.codes).toEqual(['zone-unbalanced']);
    expect(open.html).toContain('<p>Kept text.</p>');

    const crossed = render('::: zone pivot="a" :::\n\nX\n\n::: moniker-end :::\n\n::: zone-end :::');
    expect(crossed.codes).toEqual(['moniker-unbalanced']);
    expect(crossed.html).toContain('<p>X</p>');
  });
});
