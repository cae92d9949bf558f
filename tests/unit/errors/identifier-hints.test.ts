/** A form's hint only lets text skip the form's regex: it must be present wherever the regex matches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_FORMS, mayMatch } from '../../../src/core/errors/identifiers';

const hinted = IDENTIFIER_FORMS.filter((f) => f.hint);
const matches = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
};

const SAMPLES = [
  'AADSTS50011: The reply URL does not match', 'aadb2c90118 reset', 'Error code 0X80070005.', 'Msg 18456, Level 14',
  'Error: 18456, Severity: 14, State: 8.', 'event id 4625 logged', 'Install KB5034441 first', 'FullyQualifiedErrorId : PSSessionOpenFailed',
  'WSAECONNREFUSED on connect', 'System.UnauthorizedAccessException: Access denied', 'an unhandled SoapFault was thrown',
];

describe('identifier form hints', () => {
  it('are present in every sample the form matches', () => {
    for (const form of hinted) {
      for (const text of SAMPLES) if (matches(form.re, text)) expect(mayMatch(form, text), `${form.name}: ${text}`).toBe(true);
    }
    // Each hinted form matches at least one sample, so the check above is not vacuous.
    for (const form of hinted) expect(SAMPLES.some((t) => matches(form.re, t)), form.name).toBe(true);
  });

  it('never hide a match in text built from identifier pieces in any case', () => {
    const piece = fc.constantFrom('AADSTS', '50011', '0x', '80070005', 'Msg', ' ', 'Error:', ', Severity:', 'Event', 'ID', 'KB', '5034441',
      'FullyQualifiedErrorId', ' : ', 'X', 'WSAE', 'CONNREFUSED', 'System.', 'Access', 'Exception', 'Soap', 'Fault', '.', '\n');
    const text = fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 12 }).map((ps) => ps.map(([p, lower]) => (lower ? p.toLowerCase() : p)).join(''));
    fc.assert(fc.property(text, (t) => hinted.every((form) => !matches(form.re, t) || mayMatch(form, t))), { numRuns: 3000 });
  });
});
