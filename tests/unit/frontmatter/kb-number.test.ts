import { describe, expect, it } from 'vitest';
import { findKbNumber } from '../../../src/core/frontmatter/kb-number';

describe('findKbNumber', () => {
  it.each([
    ['_Original product version:_ &nbsp; Contoso DB 2017  \n_Original KB number:_ &nbsp; 4010261\n', '4010261'],
    ['_Original KB number:_&nbsp;917825', '917825'],
    ['_Original KB number:_ 2702342', '2702342'],
    ['*Original KB number:* 4051210  ', '4051210'],
    ['Original KB number:\u00a0 3141592', '3141592'],
    ['Original KB number: 4023456', '4023456'],
    ['_Original KB number:_ &nbsp; 2033238, 2454053', '2033238'],
  ])('reads the body line %j', (body, kb) => {
    expect(findKbNumber({}, body)).toBe(kb);
  });

  it('prefers the body line over other sources', () => {
    expect(findKbNumber({ 'ms.custom': 'KB1111111', title: 'X (KB2222222)' }, 'Original KB number: 3333333')).toBe('3333333');
  });

  it('reads a KB tag in ms.custom', () => {
    expect(findKbNumber({ 'ms.custom': 'KB3177312' }, '')).toBe('3177312');
    expect(findKbNumber({ 'ms.custom': ['sap:Setup', 'kb4047329'] }, '')).toBe('4047329');
  });

  it('reads the title only when the KB number is clearly the article’s own', () => {
    expect(findKbNumber({ title: 'Contoso DB 2016 build versions (KB3177312)' }, '')).toBe('3177312');
    expect(findKbNumber({ title: 'KB4518398 - Contoso DB 2019 build versions' }, '')).toBe('4518398');
    expect(findKbNumber({ title: 'KB2998527 causes wrong lookups on past dates' }, '')).toBeNull();
    expect(findKbNumber({ title: 'Setup hangs while installing KB2999226' }, '')).toBeNull();
  });

  it('ignores KB mentions in running text and other numbers in ms.custom', () => {
    expect(findKbNumber({ 'ms.custom': 88253 }, 'Install KB4023456 first. See article 123456.')).toBeNull();
  });

  it('copes with odd input', () => {
    expect(findKbNumber(null as unknown as Record<string, unknown>, undefined as unknown as string)).toBeNull();
    expect(findKbNumber({ title: ['(KB1234567)'], 'ms.custom': { a: 'KB1' } }, '')).toBe('1234567');
  });
});
