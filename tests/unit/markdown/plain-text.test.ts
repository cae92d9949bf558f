import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { container, label } from '../../../src/core/markdown/nodes';
import { plainText } from '../../../src/core/markdown/plain-text';

const para = (...children: Paragraph['children']): Paragraph => ({ type: 'paragraph', children });

describe('plainText', () => {
  it('reads what an alert says, not only its type', () => {
    const alert = container('alert', 'div', {}, [label('p', 'alert-title', [{ type: 'text', value: 'Note' }]), para({ type: 'text', value: 'Back up the registry first.' })], 'note');
    expect(plainText(alert)).toBe('Note Back up the registry first.');
  });
  it('keeps the lines of a hard-wrapped paragraph apart', () => {
    expect(plainText(para({ type: 'text', value: 'Access is denied.' }, { type: 'break' }, { type: 'strong', children: [{ type: 'text', value: 'Error 5' }] }))).toBe('Access is denied. Error 5');
  });
});
