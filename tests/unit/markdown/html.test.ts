import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics';
import { renderSection } from '../../../src/core/markdown/pipeline';
import { render } from './helpers';

describe('raw HTML that passes', () => {
  it('keeps details/summary, br, kbd, sup and anchors with stable ids', () => {
    const md = '<a id="registry-steps"></a>\n\n<details>\n<summary>Show the steps</summary>\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br/>Done<sup>1</sup>.\n\n</details>';
    const r = render(md);
    expect(r.html).toBe('<p><a id="registry-steps"></a></p>\n<details>\n<summary>Show the steps</summary>\n<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>Done<sup>1</sup>.</p>\n</details>');
    expect(r.codes).toEqual([]);
  });

  it('keeps GFM tables and code blocks with a language class', () => {
    const r = render('| Code | Meaning |\n| --- | --- |\n| 5 | Access denied |\n\n```powershell\nGet-Service\n```');
    expect(r.html).toContain('<table>');
    expect(r.html).toContain('<td>Access denied</td>');
    expect(r.html).toContain('<pre><code class="language-powershell">Get-Service\n</code></pre>');
  });

  it('turns placeholder "tags" back into text instead of deleting them', () => {
    const r = render('Run `x` on <ServerName> as <domain admin>, then check <time> again.');
    expect(r.html).toBe('<p>Run <code>x</code> on &#x3C;ServerName> as &#x3C;domain admin>, then check &#x3C;time> again.</p>');
    expect(r.codes).toEqual([]);
  });
});

describe('unsafe HTML is removed and reported', () => {
  it.each([
    ['script block', 'Intro\n\n<script>alert("x")</script>', /<script|alert/, '<script>'],
    ['event handler', 'Intro\n\n<img src="https://example.com/a.png" onerror="alert(1)">', /onerror|alert/, 'onerror'],
    ['javascript: link', 'Intro\n\n[Click](javascript:alert(1))', /javascript/, 'javascript'],
    ['raw javascript: href', 'Intro\n\n<a href="  JaVa&#x09;script:alert(1)">x</a>', /script:/, 'javascript'],
    ['data: link', 'Intro\n\n[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/, 'data'],
    ['vbscript: link', 'Intro\n\n[x](vbscript:msgbox)', /vbscript/, 'vbscript'],
    ['iframe', 'Intro\n\n<iframe src="https://example.com"></iframe>', /iframe/, '<iframe>'],
    ['object', 'Intro\n\n<object data="x.swf"></object>', /object/, '<object>'],
    ['embed', 'Intro\n\n<embed src="x.swf">', /embed/, '<embed>'],
    ['style', 'Intro\n\n<style>body{display:none}</style>', /style|display/, '<style>'],
  ])('%s', (_name, md, mustNotMatch, inReason) => {
    const r = render(md, { lineOffset: 10 });
    expect(r.html).not.toMatch(mustNotMatch);
    expect(r.html).toContain('Intro');
    const unsafe = r.sink.items.filter((d) => d.code === 'unsafe-html');
    expect(unsafe.length).toBeGreaterThan(0);
    expect(unsafe[0].reason).toContain(inReason);
    expect(unsafe[0].line).toBe(13);
  });

  it('does not prefix ids with user-content-', () => {
    expect(render('<h2 id="fix-it">Fix it</h2>').html).toBe('<h2 id="fix-it">Fix it</h2>');
  });
});

describe('renderSection', () => {
  it('renders any node list and gives headings ids from the slug function', () => {
    const sink = new DiagnosticSink('x.md');
    const slugs: string[] = [];
    const { html } = renderSection(
      [
        { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Check the log' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'a < b' }] },
      ],
      { sink, slug: (t) => { slugs.push(t); return `s-${slugs.length}`; } },
    );
    expect(html).toBe('<h3 id="s-1">Check the log</h3>\n<p>a &#x3C; b</p>');
    expect(slugs).toEqual(['Check the log']);
  });
});

describe('section text', () => {
  const words = (md: string) => render(md).text.split(/\s+/).filter(Boolean);
  it('holds what alerts say, not only their type', () => {
    const text = render('> [!NOTE]\n> The quota resets at midnight.\n').text;
    expect(text).toContain('The quota resets at midnight.');
  });
  it('keeps list items, table cells and line breaks apart', () => {
    expect(words('- Open Settings\n- Select Update\n')).toEqual(['Open', 'Settings', 'Select', 'Update']);
    expect(words('| Code | Meaning |\n| --- | --- |\n| 5 | Denied |\n')).toEqual(['Code', 'Meaning', '5', 'Denied']);
    expect(words('First line  \nsecond line\n')).toEqual(['First', 'line', 'second', 'line']);
  });
  it('reads raw HTML as text, without its markup', () => {
    expect(words('<table><tr><td>Error</td><td>0x5</td></tr></table>\n')).toEqual(['Error', '0x5']);
  });
});
