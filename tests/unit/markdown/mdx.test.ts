import { describe, expect, it } from 'vitest';
import { render } from './helpers';

const mdx = (text: string, lineOffset = 0) => render(text, { file: 'docs/issue.mdx', format: 'mdx', lineOffset });

describe('MDX components', () => {
  it('maps Problem, Cause, Solution (nested and not) and ErrorMessage to plain mdast', () => {
    const r = mdx(
      [
        '<Problem>',
        'Sign-in fails.',
        '',
        '<ErrorMessage>',
        'AADSTS50011: The redirect URI',
        '  does not match.',
        '</ErrorMessage>',
        '</Problem>',
        '',
        '<Cause title="Wrong reply URL">',
        'The app registration is stale.',
        '',
        '<Solution title="Update the URL">',
        '1. Open the portal.',
        '</Solution>',
        '</Cause>',
        '',
        '<Solution title="Use the default">',
        'Reset it.',
        '</Solution>',
      ].join('\n'),
    );
    const headings = r.tree.children.filter((n) => n.type === 'heading').map((h) => [h.depth, h.type === 'heading' ? (h.children[0] as { value: string }).value : '']);
    expect(headings).toEqual([
      [2, 'Symptoms'],
      [2, 'Cause: Wrong reply URL'],
      [3, 'Solution: Update the URL'],
      [2, 'Solution: Use the default'],
    ]);
    expect(r.tree.children.find((n) => n.type === 'code')).toMatchObject({ lang: 'error', value: 'AADSTS50011: The redirect URI\n  does not match.' });
    expect(r.html).toContain('<pre><code class="language-error">AADSTS50011: The redirect URI\n  does not match.\n</code></pre>');
    expect(r.html).toContain('<ol>\n<li>Open the portal.</li>\n</ol>');
    expect(r.codes).toEqual([]);
  });

  it('drops ESM, expressions and unknown JSX with mdx-unsupported, keeping unknown elements\' text', () => {
    const r = mdx("import Chart from './chart'\n\nValue: {1 + 1}\n\n<Chart data={x}>Chart caption</Chart>\n\n{/* an author comment */}", 3);
    expect(r.html).not.toMatch(/import|1 \+ 1/);
    expect(r.html).toContain('Chart caption');
    expect(r.sink.items.map((d) => [d.code, d.line])).toEqual([
      ['mdx-unsupported', 4],
      ['mdx-unsupported', 6],
      ['mdx-unsupported', 8],
    ]);
  });

  it('falls back to plain Markdown on broken MDX and says so', () => {
    const r = mdx('# Title\n\nText with <!-- a comment --> and {unclosed\n\n> [!NOTE]\n> still rendered', 2);
    expect(r.sink.items[0]).toMatchObject({ code: 'mdx-invalid', severity: 'error' });
    expect(r.sink.items[0].line).toBeGreaterThan(2);
    expect(r.html).toContain('class="alert alert-note"');
    expect(r.html).toContain('Text with');
  });

  it('applies the DocFX extensions inside MDX too', () => {
    expect(mdx('<Cause title="X">\n\n> [!TIP]\n> Try again.\n\n</Cause>').html).toContain('<div class="alert alert-tip" role="note">');
  });
});
