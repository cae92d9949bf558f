import { describe, expect, it } from 'vitest';
import { render } from './helpers';

describe('alerts', () => {
  it.each([
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['CAUTION', 'caution', 'Caution'],
    ['WARNING', 'warning', 'Warning'],
  ])('renders [!%s] as a titled alert div', (marker, cls, title) => {
    const { html, tree } = render(`> [!${marker}]\n> Restart the service first.`);
    expect(html).toBe(`<div class="alert alert-${cls}" role="note"><p class="alert-title">${title}</p><p>Restart the service first.</p></div>`);
    expect(tree.children[0]).toMatchObject({ type: 'container', name: 'alert', value: cls });
  });

  it('accepts any case and no space after >', () => {
    expect(render('>[!Important]\n>Back up the registry.').html).toContain('class="alert alert-important"');
    expect(render('> [!note]\n> lower case').html).toContain('<p class="alert-title">Note</p>');
  });

  it('keeps text that shares the marker line', () => {
    const { html } = render('> [!TIP] Use the short path.\n> Second line.');
    expect(html).toContain('<p>Use the short path.\nSecond line.</p>');
    expect(html).not.toContain('[!TIP]');
  });

  it('keeps multi-paragraph content and nested alerts', () => {
    const { html } = render('> [!NOTE]\n> First.\n>\n> > [!WARNING]\n> > Inner.');
    expect(html).toMatch(/alert-note[\s\S]*<p>First.<\/p>[\s\S]*alert-warning[\s\S]*<p>Inner.<\/p>/);
  });

  it('works inside list items', () => {
    const { html } = render('1. Step one\n\n   > [!CAUTION]\n   > Careful here.');
    expect(html).toMatch(/<li>[\s\S]*class="alert alert-caution"[\s\S]*Careful here[\s\S]*<\/li>/);
  });

  it('leaves ordinary quotes and unknown markers as blockquotes', () => {
    expect(render('> Error 0x80070005: Access is denied.').html).toBe('<blockquote>\n<p>Error 0x80070005: Access is denied.</p>\n</blockquote>');
    expect(render('> [!Notes]\n> text').tree.children[0].type).toBe('blockquote');
  });
});
