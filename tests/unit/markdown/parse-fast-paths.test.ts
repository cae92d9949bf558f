import { describe, expect, it } from 'vitest';
import { someNode, walk } from '../../../src/core/markdown/walk';
import { render } from './helpers';

describe('GFM literal autolinks (skipped when no text could hold one)', () => {
  it.each([
    ['Go to www.contoso.com now.', '<p>Go to <a href="http://www.contoso.com">www.contoso.com</a> now.</p>'],
    ['Mail admin@contoso.com today.', '<p>Mail <a href="mailto:admin@contoso.com">admin@contoso.com</a> today.</p>'],
    ['See https://contoso.com/x for more.', '<p>See <a href="https://contoso.com/x">https://contoso.com/x</a> for more.</p>'],
  ])('still links %s', (md, html) => {
    expect(render(md).html).toBe(html);
  });

  it('finds a literal written with a character reference', () => {
    expect(render('Mail admin&#64;contoso.com.').html).toContain('<a href="mailto:admin@contoso.com">');
  });

  it('leaves text without a candidate and link text alone', () => {
    expect(render('Restart the service, then retry.').html).toBe('<p>Restart the service, then retry.</p>');
    expect(render('[www.contoso.com](https://example.org)').html).toBe('<p><a href="https://example.org">www.contoso.com</a></p>');
  });
});

describe('walk', () => {
  const tree = { type: 'root', children: [{ type: 'a', children: [{ type: 'b' }] }, { type: 'c' }] };

  it('visits in preorder with index and parent', () => {
    const seen: string[] = [];
    walk(tree, (n: { type: string }, i, p?: { type: string }) => seen.push(`${n.type}:${i ?? '-'}:${p?.type ?? '-'}`));
    expect(seen).toEqual(['root:-:-', 'a:0:root', 'b:0:a', 'c:1:root']);
  });

  it('reads children after the callback, as unist-util-visit does', () => {
    const t = { type: 'root', children: [{ type: 'x', children: [] as Array<{ type: string }> }] };
    const seen: string[] = [];
    walk(t, (n: { type: string; children?: Array<{ type: string }> }) => {
      seen.push(n.type);
      if (n.type === 'x') n.children!.push({ type: 'added' });
    });
    expect(seen).toEqual(['root', 'x', 'added']);
  });

  it('someNode stops at the first match', () => {
    const seen: string[] = [];
    expect(someNode(tree, (n) => (seen.push(n.type), n.type === 'b'))).toBe(true);
    expect(seen).toEqual(['root', 'a', 'b']);
  });
});
