import { describe, expect, it } from 'vitest';
import { innerErrorSpans } from '../../../src/core/errors/inner-error';

const inner = (text: string) => innerErrorSpans(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

describe('wrapped errors', () => {
  it('reads the error a message wraps after each marker of the table', () => {
    expect(inner('The Print Spooler service failed to start due to the following error:\nThe system cannot find the file specified.'))
      .toEqual(['The system cannot find the file specified.']);
    expect(inner('Token request failed. Original exception: AADSTS90002: Tenant not found.')).toEqual(['AADSTS90002: Tenant not found.']);
    expect(inner('Caused by: java.net.SocketTimeoutException: Read timed out')).toEqual(['java.net.SocketTimeoutException: Read timed out']);
    expect(inner('Import stopped. The error was: "The disk is full." (code 112)')).toEqual(['"The disk is full." (code 112)']);
    expect(inner('Exception Details: System.IO.FileNotFoundException: Could not find file')).toEqual(['System.IO.FileNotFoundException: Could not find file']);
    expect(inner('The deployment failed with error: The quota for this region is exceeded.')).toEqual(['The quota for this region is exceeded.']);
  });
  it('reads every level of a chain, innermost last, at most three', () => {
    const chain = 'A failed. ---> B broke down here. ---> C broke down here. ---> D broke down here. ---> E broke down here.';
    expect(inner(chain)).toEqual(['C broke down here. ---> D broke down here. ---> E broke down here.', 'D broke down here. ---> E broke down here.', 'E broke down here.']);
  });
  it('reads nothing where no marker is, or where too little follows one', () => {
    expect(inner('The system cannot find the file specified.')).toEqual([]);
    expect(inner('Sync failed with error: 0x5')).toEqual([]);
  });
  it('keeps offsets into the whole text', () => {
    const text = 'first line\nJob failed. Inner exception: The network path was not found.';
    const [span] = innerErrorSpans(text, { start: 11, end: text.length });
    expect(text.slice(span.start, span.end)).toBe('The network path was not found.');
  });
  it('reads hostile input: 200,000 markers with nothing after them, and a marker before 400 KB of punctuation', () => {
    expect(inner('--->'.repeat(200_000)).length).toBe(0);
    expect(inner('---> x'.repeat(100_000)).length).toBe(3);
    expect(inner('The following error occurred:' + ' .'.repeat(200_000)).length).toBe(0);
  });
});
