import { describe, expect, it } from 'vitest';
import { analyze, wordPairs, wordTerms } from '../../../src/core/retrieval/analyzer';
import { identifierTerms } from '../../../src/core/retrieval/identifier-terms';
import { scanIdentifiers } from '../../../src/core/errors/identifiers';
import { scanWindows, SCAN_WINDOW } from '../../../src/core/errors/scan-windows';

const terms = (t: string) => analyze(t).map((x) => x.term);

describe('word analysis', () => {
  it('reads contractions with or without the apostrophe as the stopwords they are', () => {
    expect(terms("rdp can't connect")).toEqual(['rdp', 'connect']);
    expect(terms('rdp cant connect')).toEqual(['rdp', 'connect']);
    expect(terms("it won't start")).toEqual(['start']);
  });
  it('stems so that word forms meet', () => {
    expect(terms('keeps asking')).toEqual(terms('keep asked'));
    expect(terms('connections failing')).toEqual(terms('connection fails'));
  });
  it('folds case and diacritics', () => {
    expect(terms('Café CONNECT')).toEqual(terms('cafe connect'));
  });
  it('drops long digit runs and hex ids, keeps short numbers', () => {
    expect(terms('request 8fdbe99dd01e00042484b3c3 took 1234567 ms code 18456')).toEqual(['request', 'took', 'ms', 'code', '18456']);
  });
  it('pairs adjacent words within a phrase, not across a sentence break', () => {
    const text = 'block list invalid. Upload fails';
    expect(wordPairs(text, wordTerms(text)).map((p) => p.term)).toEqual(['block_list', 'invalid_list', 'fail_upload']);
  });
  it('names a pair by its words in sorted order, so either word order gives one pair', () => {
    const pairs = (t: string) => wordPairs(t, wordTerms(t)).map((p) => p.term);
    expect(pairs('Office update')).toEqual(pairs('updating Office'));
    expect(pairs('import solution')).toEqual(pairs('solution import'));
  });
});

describe('identifier forms', () => {
  const ids = (t: string) => [...new Set(identifierTerms(t).map((x) => x.term))].sort();
  it('links decimal HRESULTs, signed and unsigned, to hex', () => {
    expect(ids('failed with -2147024891')).toContain('0x80070005');
    expect(ids('returned 2147942405')).toContain('0x80070005');
  });
  it('links a Win32 HRESULT to its Win32 error code', () => {
    expect(ids('0x80070422')).toEqual(expect.arrayContaining(['0x80070422', 'error1058']));
    expect(ids('StartService failed with error 1058')).toContain('error1058');
  });
  it('links a SQL message number in its log and client forms', () => {
    expect(ids('Msg 18456, Level 14')).toEqual(expect.arrayContaining(['msg18456', 'error18456']));
    expect(ids('Error: 18456, Severity: 14, State: 8.')).toEqual(expect.arrayContaining(['msg18456', 'error18456']));
  });
  it('scans in bounded windows, so one long line cannot make a form backtrack over all of it', () => {
    const long = 'a.'.repeat(20_000) + 'FooException';
    for (const [a, b] of scanWindows(long)) expect(b - a).toBeLessThanOrEqual(SCAN_WINDOW);
    expect(scanIdentifiers('x '.repeat(3000) + 'System.IO.IOException here').map((m) => m.canon)).toContain('IOException');
  });
});
