import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeErrorText, tokenizeErrorText } from '../../../src/core/errors/normalize';
import { splitErrors } from '../../../src/core/errors/split';
import { fingerprint } from '../../../src/core/lookup/fingerprint';

const maskOf = (raw: string) => normalizeErrorText(raw).masked.map((m) => [m.type, m.value]);

describe('masking table', () => {
  it.each([
    ['guid', 'id 0d3c1e2a-1111-2222-3333-444455556666 failed', '0d3c1e2a-1111-2222-3333-444455556666'],
    ['guid', 'object {0D3C1E2A-1111-2222-3333-444455556666} failed', '{0D3C1E2A-1111-2222-3333-444455556666}'],
    ['ipv4', 'connect to 192.168.10.7 refused', '192.168.10.7'],
    ['ipv6', 'connect to fe80::1c:2d refused', 'fe80::1c:2d'],
    ['email', 'mail for jdoe@fabrikam.com bounced', 'jdoe@fabrikam.com'],
    ['url', 'redirect to https://login.fabrikam.com/cb?x=1 failed', 'https://login.fabrikam.com/cb?x=1'],
    ['unc-path', 'cannot open \\\\fs01\\share\\a.txt now', '\\\\fs01\\share\\a.txt'],
    ['windows-path', 'cannot open C:\\Program Files\\App\\a.log now', 'C:\\Program Files\\App\\a.log'],
    ['unix-path', 'cannot open /var/log/app.log now', '/var/log/app.log'],
    ['host', 'cannot resolve srv01.corp.fabrikam.com now', 'srv01.corp.fabrikam.com'],
    ['date', 'expired on 2024-03-14 already', '2024-03-14'],
    ['time', 'expired at 10:22:01 PM already', '10:22:01 PM'],
    ['timestamp', 'expired 2024-03-14T10:22:01Z already', '2024-03-14T10:22:01Z'],
    ['hex', 'thumbprint 3F2A9C8D7E6B5A4F3E2D1C0B9A8F7E6D5C4B3A29 bad', '3F2A9C8D7E6B5A4F3E2D1C0B9A8F7E6D5C4B3A29'],
    ['number', 'listener on port 8443 stopped', '8443'],
    ['number', 'copied 37 files before stopping', '37'],
    ['quoted', "Login failed for user 'CONTOSO\\jdoe'.", "'CONTOSO\\jdoe'"],
    ['placeholder', 'cannot browse <_ServerName_> now', '<_ServerName_>'],
    ['placeholder', 'object [UserName] missing', '[UserName]'],
    ['placeholder', 'insert string %1 missing', '%1'],
    ['placeholder', 'connect to YourServer failed', 'YourServer'],
    ['guid', 'object {GUID} missing', '{GUID}'],
  ])('%s: %s', (type, raw, value) => {
    expect(maskOf(raw)).toContainEqual([type, value]);
  });

  it('leaves ordinary words and error numbers alone', () => {
    const n = normalizeErrorText('The service did not start due to a logon failure.');
    expect(n.masked).toEqual([]);
    expect(n.text).toBe('The service did not start due to a logon failure.');
  });
});

describe('identifier table (never masked)', () => {
  it.each([
    ['Update failed with 0X80070005.', '0x80070005'],
    ['Update failed with error 80070005', '0x80070005'],
    ['exit code -2147024891', '0x80070005'],
    ['AADSTS50011: The reply URL', 'AADSTS50011'],
    ['Msg 18456, Level 14, State 1', 'Msg 18456'],
    ['Error: 18456, Severity: 14, State: 8.', 'Msg 18456'],
    ['Event ID: 7041 was logged', 'Event ID 7041'],
    ['Remote Server returned 550 5.7.1 Unable to relay', '5.7.1'],
    ['HTTP Error 500.19 - Internal Server Error', 'HTTP 500.19'],
    ['Stop code: INACCESSIBLE_BOOT_DEVICE', 'INACCESSIBLE_BOOT_DEVICE'],
    ['bugcheck 0x0000007B', '0x0000007B'],
    ['ERROR_ACCESS_DENIED returned', 'ERROR_ACCESS_DENIED'],
    ['System.UnauthorizedAccessException: Access denied', 'UnauthorizedAccessException'],
    ['  + FullyQualifiedErrorId : PSSessionOpenedFailed', 'PSSessionOpenedFailed'],
    ['install KB4012345 first', 'KB4012345'],
    ['Teams error caa70004', '0xCAA70004'],
    ['Intune 0x87D1FDE8 remediation failed', '0x87D1FDE8'],
    ['Status code 0000232a maps to the following error code', '0x0000232A'],
    ['LDAP bind failed, error code 0000052e', '0x0000052E'],
  ])('%s → %s', (raw, id) => {
    const n = normalizeErrorText(raw);
    expect(n.identifiers).toContain(id);
    expect(n.masked.some((m) => m.value.includes(id.replace(/^0x/, '')))).toBe(false);
  });

  it('eight decimal digits after an error word stay a number unless they start with 8 or 0', () => {
    expect(normalizeErrorText('error 12345678 occurred').identifiers).not.toContain('0x12345678');
  });

  it('a GUID-shaped or long hex value is not an identifier', () => {
    expect(normalizeErrorText('trace 0d3c1e2a-1111-2222-3333-444455556666').identifiers).toEqual([]);
  });
});

describe('console noise', () => {
  it('strips prompts, PowerShell position lines, stack frames, greetings and log prefixes', () => {
    const raw = [
      'Hi team,',
      'PS C:\\> Connect-Thing -Name x',
      '2024-03-01T10:22:33.123Z [12] ERROR The thing could not connect.',
      'At line:1 char:1',
      '+ Connect-Thing -Name x',
      '+ ~~~~~~~~~~~~~',
      '    + CategoryInfo          : OpenError: (:) [], PSRemotingTransportException',
      '   at Fabrikam.Sync.Worker.Run(Context ctx) in D:\\src\\Worker.cs:line 42',
      '--- End of inner exception stack trace ---',
      'Thanks',
    ].join('\n');
    const n = normalizeErrorText(raw);
    expect(n.text).toBe('The thing could not connect. PSRemotingTransportException');
  });

  it('drops an event\'s header fields but keeps its description, on the label\'s line or the next', () => {
    const raw = [
      'Log Name:      Application',
      'Level:         Error',
      'Computer:      host7',
      'Description: Faulting application name: widget.exe, version: 1.2',
      'Description:',
      'The widget store could not be opened.',
    ].join('\n');
    expect(normalizeErrorText(raw).text).toBe('Faulting application name: widget.exe, version: 1.2 The widget store could not be opened.');
  });

  it('extracts the string values of a JSON envelope', () => {
    const n = normalizeErrorText('{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: 0d3c1e2a-1111-2222-3333-444455556666","timestamp":"x"}');
    expect(n.text).toBe('invalid_client AADSTS7000215: Invalid client secret provided. Trace ID: <guid>');
  });

  it('drops Markdown escapes, HTML entities and tags, folds quotes and dashes', () => {
    expect(normalizeErrorText('Can&#39;t reach \\<Server\\> &ndash; <b>now</b>').text).toBe("Can't reach <placeholder> - now");
    expect(normalizeErrorText('“Quoted phrase here” – ‘x y’').text).toBe('"Quoted phrase here" - \'x y\'');
  });
});

describe('hard-wrap re-joining', () => {
  const msg = 'Connecting to remote server failed with the following error message : The WinRM client cannot process the request because the server name cannot be resolved.';
  it('re-joins a word split by an 80-column wrap', () => {
    const wrapped = msg.match(/.{1,80}/g)!.join('\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(1);
    expect(normalizeErrorText(wrapped).text).toBe(msg);
  });
  it('joins short lines with a space', () => {
    expect(normalizeErrorText('Access is\ndenied.').text).toBe('Access is denied.');
  });
});

describe('splitErrors', () => {
  it('separates two errors by blank line and drops greeting-only parts', () => {
    expect(splitErrors('Hi,\n\nThe first thing failed.\n\nAADSTS50011: reply URL mismatch')).toEqual(['The first thing failed.', 'AADSTS50011: reply URL mismatch']);
  });
  it('separates log records by their prefixes', () => {
    expect(splitErrors('2024-01-01 10:00:00 ERROR disk full\n2024-01-01 10:00:05 ERROR queue stalled')).toHaveLength(2);
  });
});

describe('offsets', () => {
  it('token offsets point into the raw text', () => {
    const raw = '  Hello,\n[7] ERROR Backup of 0x80070005 at C:\\x\\y.txt';
    for (const t of normalizeErrorText(raw).tokens) {
      const slice = raw.slice(t.start, t.end);
      if (t.kind === 'word') expect(slice.toLowerCase()).toBe(t.t);
    }
    const id = normalizeErrorText(raw).tokens.find((t) => t.kind === 'ident')!;
    expect(raw.slice(id.start, id.end)).toBe('0x80070005');
  });
});

describe('properties', () => {
  const word = fc.constantFrom('server', 'failed', 'access', 'denied', 'the', 'request', '0x80070005', 'AADSTS50011', 'srv01.fabrikam.com', "'jdoe'", '10.0.0.1', 'cannot', 'process', 'because', 'name', 'resolved.', 'C:\\x\\y.log', 'Msg 18456,');
  const sentence = fc.array(word, { minLength: 1, maxLength: 60 }).map((ws) => 'Error ' + ws.join(' '));

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => { normalizeErrorText(s); splitErrors(s); }), { numRuns: 400 });
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => { normalizeErrorText(s); }), { numRuns: 400 });
  });

  it('is idempotent on its own text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      const once = normalizeErrorText(s).text;
      expect(normalizeErrorText(once).text).toBe(once);
    }), { numRuns: 500 });
    fc.assert(fc.property(sentence, (s) => {
      const once = normalizeErrorText(s).text;
      expect(normalizeErrorText(once).text).toBe(once);
    }), { numRuns: 300 });
  });

  it('gives the same fingerprint regardless of whitespace and 80/120-column wraps', () => {
    fc.assert(fc.property(sentence, fc.constantFrom(80, 120), fc.array(fc.constantFrom(' ', '  ', '\t', ' \t '), { minLength: 1, maxLength: 5 }), (s, width, spaces) => {
      const base = fingerprint(s).features.map((f) => f.h);
      let k = 0;
      const spaced = s.replace(/ /g, () => spaces[k++ % spaces.length]);
      expect(fingerprint(spaced).features.map((f) => f.h)).toEqual(base);
      const wrapped = s.match(new RegExp(`[\\s\\S]{1,${width}}`, 'g'))!.join('\n');
      expect(fingerprint(wrapped).features.map((f) => f.h)).toEqual(base);
      expect(tokenizeErrorText(wrapped).text).toBe(tokenizeErrorText(s).text);
    }), { numRuns: 300 });
  });
});
