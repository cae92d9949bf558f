import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../../src/core/text/decode';
import { codes, sink } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe('decodeArticleBytes', () => {
  it('reads plain UTF-8 without diagnostics', () => {
    const s = sink();
    expect(decodeArticleBytes(utf8('# Café — résumé\n'), s)).toEqual({ text: '# Café — résumé\n' });
    expect(s.items).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\ntitle: x\n---\n')]);
    expect(decodeArticleBytes(bytes, sink())?.text).toBe('---\ntitle: x\n---\n');
  });

  it.each([
    ['little-endian', false],
    ['big-endian', true],
  ])('reads UTF-16 %s when the BOM says so', (_name, be) => {
    const s = sink();
    expect(decodeArticleBytes(utf16('# Überschrift\r\nText', be), s)?.text).toBe('# Überschrift\nText');
    expect(s.items).toEqual([]);
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeArticleBytes(utf8('a\r\nb\rc\n'), sink())?.text).toBe('a\nb\nc\n');
  });

  it('falls back to Windows-1252 for invalid UTF-8, with a warning on the right line', () => {
    // 0xE9 is é and 0x93/0x94 are curly quotes in Windows-1252; none is valid UTF-8 on its own.
    const bytes = new Uint8Array([...utf8('# Title\nline two\ncaf'), 0xe9, ...utf8(' '), 0x93, ...utf8('x'), 0x94]);
    const s = sink();
    expect(decodeArticleBytes(bytes, s)?.text).toBe('# Title\nline two\ncafé \u201cx\u201d');
    expect(s.items).toMatchObject([{ severity: 'warning', code: 'encoding-latin1', line: 3 }]);
  });

  it('rejects content with NUL bytes as binary', () => {
    const s = sink();
    expect(decodeArticleBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]), s)).toBeNull();
    expect(s.items).toMatchObject([{ severity: 'error', code: 'binary-file' }]);
  });

  it('rejects text that is mostly control characters', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const s = sink();
    expect(decodeArticleBytes(bytes, s)).toBeNull();
    expect(codes(s)).toEqual(['binary-file']);
  });

  it('accepts a few stray control characters in prose', () => {
    const text = 'Press Ctrl+\u0007 once.\n' + 'Normal prose line.\n'.repeat(20);
    expect(decodeArticleBytes(utf8(text), sink())?.text).toBe(text);
  });

  it.each([
    ['no bytes', new Uint8Array()],
    ['white space', utf8(' \n\t\r\n  ')],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['a UTF-16 BOM and spaces', utf16('   ', false)],
  ])('reports %s as an empty file', (_name, bytes) => {
    const s = sink();
    expect(decodeArticleBytes(bytes, s)).toBeNull();
    expect(s.items).toMatchObject([{ severity: 'error', code: 'empty-file' }]);
  });
});
