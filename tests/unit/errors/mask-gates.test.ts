import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_PATTERNS } from '../../../src/core/errors/masks';
import { normalizeErrorText } from '../../../src/core/errors/normalize';
import { blankValues } from '../../../src/core/retrieval/value-blanking';

const gated = MASK_PATTERNS.filter((p) => p.gate);

/** Values of every gated type, as a console prints them. */
const SAMPLES = [
  '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}',
  'fe80::1ff:fe23:4567:890a%eth0',
  '2001:0db8:0000:0000:0000:ff00:0042:8329',
  '2024-05-01T06:13:22.426Z',
  '5/1/2024 6:13:22 AM',
  '2024-05-01',
  'March 5, 2024',
  '5 March 2024',
  '06:13',
  '10.0.0.12:443',
  'SRV-APP07.corp.contoso.com',
  'login.microsoftonline.com',
  'a1b2c3d4e5f6a7b8c9',
  '0x1234567890abcdef',
];

/** Text over the characters the gated patterns are made of, with some of their literal words. */
const maskish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'0123456789abcdefABCDEF-:./ {}TZ%'.split('')),
      fc.constantFrom('com', 'net', 'local', 'Mar', 'March', 'AM', 'PM', 'x', 'g', 'eth0', ', '),
      fc.constantFrom(...SAMPLES),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('mask gates', () => {
  it('every gate opens on the values of its type', () => {
    for (const p of gated) {
      const hits = SAMPLES.filter((s) => { p.re.lastIndex = 0; return p.re.test(s); });
      expect(hits.length, `${p.type}: no sample matches ${p.re}`).toBeGreaterThan(0);
      for (const s of hits) expect(p.gate!(s), `${p.type} gate on ${s}`).toBe(true);
    }
  });

  it('a gate never closes on a text its pattern matches (it only saves time)', () => {
    fc.assert(
      fc.property(maskish, (text) => {
        for (const p of gated) {
          p.re.lastIndex = 0;
          if (p.re.test(text)) expect(p.gate!(text), `${p.type} on ${JSON.stringify(text)}`).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('closed gates skip prose that only looks like their values', () => {
    const host = gated.find((p) => p.type === 'host')!;
    const hex = gated.find((p) => p.type === 'hex')!;
    expect(host.gate!('Edit web.config, then run setup.exe again.')).toBe(false);
    expect(hex.gate!('The feedback was faded and defaced.')).toBe(false);
    expect(blankValues('Edit web.config on srv01.contoso.com')).toBe('Edit web.config on                  ');
    expect(normalizeErrorText('Cannot reach srv01.contoso.com from web.config').text).toBe('Cannot reach <host> from web.config');
  });
});
