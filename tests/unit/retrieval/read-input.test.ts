import { describe, expect, it } from 'vitest';
import { READ_LIMIT, readInput } from '../../../src/core/retrieval/read-input';

const info = (i: number) => `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}Z INFO processed batch ${i} in ${i % 900} ms`;

describe('reading a long input', () => {
  it('reads a short input whole', () => {
    const r = readInput('short paste');
    expect(r.truncated).toBe(false);
    expect(r.text).toBe('short paste');
  });
  it('reads an error line from the middle of a long log, and says the log was cut', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => info(i));
    lines.splice(10_000, 0, "Login failed for user 'svc'. Reason: Password did not match.");
    const log = lines.join('\n');
    const r = readInput(log);
    expect(log.length).toBeGreaterThan(READ_LIMIT * 10);
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(READ_LIMIT + 100);
    expect(r.text).toContain('Login failed for user');
  });
  it('reads a repeated error line once, whatever its numbers', () => {
    const log = Array.from({ length: 50_000 }, (_, i) => `Access is denied. (attempt ${i})`).join('\n') + '\nThe RPC server is unavailable.';
    const r = readInput(log);
    expect(r.text.match(/Access is denied/g)!.length).toBeLessThanOrEqual(2);
    expect(r.text).toContain('The RPC server is unavailable.');
  });
  it('maps every offset of what it read back to the same character of the input', () => {
    const lines = Array.from({ length: 8000 }, (_, i) => (i % 997 === 0 ? `Error 0x8007000${i % 10}: the operation failed on item ${i}` : info(i)));
    const log = lines.join('\n');
    const r = readInput(log);
    for (let i = 0; i < r.text.length; i += 97) if (r.text[i] !== '\n') expect(log[r.toRaw(i)]).toBe(r.text[i]);
  });
  it('cuts an input of one huge line too', () => {
    const r = readInput('x'.repeat(READ_LIMIT * 3));
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(READ_LIMIT);
  });
});
