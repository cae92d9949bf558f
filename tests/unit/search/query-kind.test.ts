import { describe, expect, it } from 'vitest';
import { analyzeQuery, identifiersOf } from '../../../src/core/search/query-kind';

describe('analyzeQuery', () => {
  it.each(['bitlocker recovery key loop', 'outlook password prompt', 'configure static tcp port', 'kb5034441', 'access denied'])('short words stay words: %s', (q) => {
    const a = analyzeQuery(q);
    expect(a.kind).toBe('words');
    expect(a.signals).toEqual([]);
  });

  it('empty and blank input', () => {
    expect(analyzeQuery('').kind).toBe('empty');
    expect(analyzeQuery('   \n\t ').kind).toBe('empty');
    expect(analyzeQuery(undefined as unknown as string).kind).toBe('empty');
  });

  it.each([
    ['0x80070005', 'identifier'],
    ['AADSTS50011', 'identifier'],
    ['HTTP Error 500.19', 'identifier'],
    ['550 5.7.1 delivery not authorized', 'identifier'],
    ['System.UnauthorizedAccessException', 'identifier'],
  ])('error identifiers make an error: %s', (q, signal) => {
    const a = analyzeQuery(q);
    expect(a.kind).toBe('error');
    expect(a.signals).toContain(signal);
  });

  it('several lines are a paste', () => {
    const a = analyzeQuery('The operation could not be completed\nTry again later');
    expect(a.kind).toBe('error');
    expect(a.signals).toContain('multi-line');
  });

  it('stack traces and console output', () => {
    expect(analyzeQuery('   at Contoso.Billing.Invoice.Post(Int32 id)').signals).toContain('stack-trace');
    expect(analyzeQuery('Traceback (most recent call last):').signals).toContain('stack-trace');
    expect(analyzeQuery('PS C:\\Users\\admin> Get-Widget -Name alpha').signals).toContain('console-output');
    expect(analyzeQuery('+ FullyQualifiedErrorId : WidgetNotFound').signals).toContain('console-output');
    expect(analyzeQuery('[ERROR] pipeline halted').signals).toContain('console-output');
  });

  it('long text and whole error sentences', () => {
    expect(analyzeQuery('word '.repeat(20)).signals).toContain('long-text');
    expect(analyzeQuery("Login failed for user 'svc-reports'.").signals).toContain('error-sentence');
    // A question is words, even when it names an error word.
    expect(analyzeQuery('why does login fail').kind).toBe('words');
  });

  it('correlation ids', () => {
    expect(analyzeQuery('Correlation 3f2504e0-4f89-11d3-9a0c-0305e82c3301').signals).toContain('correlation-id');
  });

  it('reports canonical identifiers in order, once', () => {
    expect(analyzeQuery('error 0X80070005 then AADSTS50011 and 0x80070005 again').identifiers).toEqual(['0x80070005', 'AADSTS50011']);
  });
});

describe('identifiersOf', () => {
  it('filters by form', () => {
    expect(identifiersOf('KB5034441 and 0x80070643', (f) => f === 'kb')).toEqual(['KB5034441']);
  });
});
