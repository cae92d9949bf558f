import { describe, expect, it } from 'vitest';
import { markupSpans } from '../../../src/core/retrieval/markup-spans';
import { mergeRanges } from '../../../src/core/lookup/ranges';

const spanned = (text: string) => markupSpans(text).map(({ start, end }) => text.slice(start, end));

describe('markup spans', () => {
  it('spans element and attribute names and namespace declarations, not values or text', () => {
    const xml = '<Event xmlns="http://schemas.example/events"><Provider Name="Disk-Monitor" Guid="{1}" /><Data Name="Reason">Volume is full</Data></Event>';
    expect(spanned(xml)).toEqual(['Event', 'xmlns="http://schemas.example/events"', 'Provider', 'Name', 'Guid', 'Data', 'Name', 'Data', 'Event']);
  });
  it('leaves text without tags alone, and a comparison is not a tag', () => {
    expect(spanned('Access is denied. Retry count < 5 and size > 10.')).toEqual([]);
    expect(spanned('key=value with no tag')).toEqual([]);
  });
  it('never spans a word inside an attribute value that looks like an assignment', () => {
    expect(spanned('<Data Value="a=b">x</Data>')).toEqual(['Data', 'Value', 'Data']);
  });
  it('reads hostile input: angle brackets with nothing between, and a tag with 100,000 attributes', () => {
    expect(spanned('<'.repeat(300_000))).toEqual([]);
    expect(markupSpans('<a' + ' b=1'.repeat(100_000) + '>').length).toBe(100_001);
  });
  it('merges overlapping and touching spans in order', () => {
    const merged = mergeRanges([[5, 8], [0, 2], [1, 3], [8, 9]].map(([start, end]) => ({ start, end })), Infinity, 0);
    expect(merged.map(({ start, end }) => [start, end])).toEqual([[0, 3], [5, 9]]);
  });
});
