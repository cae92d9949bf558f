import { describe, expect, it } from 'vitest';
import { apportion } from '../../../scripts/synth/layout';
import { classifyHeading } from '../../../scripts/synth/heading-roles';
import { detectErrorKind, freshError, type ErrorWords } from '../../../scripts/synth/error-kinds';
import { Rng } from '../../../scripts/synth/rng';
import { Lexicon, SentenceGuard, tokenize } from '../../../scripts/synth/vocabulary';

describe('classifyHeading', () => {
  it('keeps known labels and numbers, generates the rest', () => {
    expect(classifyHeading('Cause 2: The relay is stale')).toEqual({ role: 'cause', label: 'Cause 2:', words: 4 });
    expect(classifyHeading('More Information')).toMatchObject({ role: 'more-information', label: 'More Information', words: 0 });
    expect(classifyHeading('Step 3')).toMatchObject({ role: 'step', label: 'Step 3' });
    expect(classifyHeading('How the beacon hums')).toMatchObject({ role: 'other', label: null, words: 4 });
  });
});

describe('apportion', () => {
  it('sums exactly to the total and follows the weights', () => {
    const out = apportion([1050, 277, 3, 1], 50_000);
    expect(out.reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(out[0]).toBeGreaterThan(out[1] * 3);
    expect(out[3]).toBeGreaterThan(0);
  });
});

describe('fresh errors', () => {
  const words: ErrorWords = { message: (rng, n) => `Beacon ${rng.int(0, 9)} failed ${n}.`, camel: (rng) => ['Relay', 'Pylon', 'Harbor'][rng.int(0, 2)] };
  it('makes codes that the detector recognises as the same kind', () => {
    for (const kind of ['hresult', 'aadsts', 'event', 'exception', 'ndr', 'sql', 'stop'] as const) {
      const e = freshError(kind, new Rng(1, kind), words, 6);
      expect(detectErrorKind(e.lines.join('\n')), kind).toBe(kind);
    }
  });
  it('makes a different code per draw', () => {
    const rng = new Rng(3);
    const codes = new Set(Array.from({ length: 200 }, () => freshError('hresult', rng, words, 6).code));
    expect(codes.size).toBeGreaterThan(195);
  });
});

describe('SentenceGuard', () => {
  const lex = new Lexicon();
  const guard = new SentenceGuard(lex);
  const ids = (s: string) => lex.internAll(tokenize(s));
  guard.addSource(ids('The lantern flickers when the harbor floods at dawn.'));
  it('rejects a copy, case-insensitively, and a copy embedded in a longer sentence', () => {
    expect(guard.accepts(ids('the Lantern flickers when the harbor floods at dawn'))).toBe(false);
    expect(guard.accepts(ids('Sadly the lantern flickers when the harbor floods at dawn again'))).toBe(false);
    expect(guard.accepts(ids('A lantern flickers when the harbor floods at dawn'))).toBe(false);
  });
  it('accepts recombined text', () => {
    expect(guard.accepts(ids('The harbor floods when the lantern flickers'))).toBe(true);
  });
});
