import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../src/core/frontmatter/date';

describe('normalizeDate', () => {
  it.each([
    ['12/17/2023', '2023-12-17'],
    ['3/31/2021', '2021-03-31'],
    ['9/5/2021', '2021-09-05'],
    ['    01/14/2026', '2026-01-14'],
    ['06/24/2021 ', '2021-06-24'],
    ['2023-12-26', '2023-12-26'],
    ['2023-1-5', '2023-01-05'],
    ['2023-12-26T23:30:00Z', '2023-12-26'],
    ['2023/12/26', '2023-12-26'],
    ['12-26-2023', '2023-12-26'],
    ['12/26/23', '2023-12-26'],
    ['20231226', '2023-12-26'],
    ['December 26, 2023', '2023-12-26'],
    ['Sept 3 2022', '2022-09-03'],
    ['26 Dec 2023', '2023-12-26'],
    ['02/29/2024', '2024-02-29'],
    ['45286', '2023-12-26'],
  ])('%j → %s', (raw, iso) => {
    expect(normalizeDate(raw)).toEqual({ date: iso });
  });

  it('reads Excel serial numbers in the 1900 system', () => {
    expect(normalizeDate(45286)).toEqual({ date: '2023-12-26' });
    expect(normalizeDate(44927)).toEqual({ date: '2023-01-01' });
    expect(normalizeDate(36526)).toEqual({ date: '2000-01-01' });
  });

  it('reads Date objects by their UTC date', () => {
    expect(normalizeDate(new Date(Date.UTC(2023, 11, 26)))).toEqual({ date: '2023-12-26' });
    expect(normalizeDate(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toEqual({ date: '2024-02-29' });
  });

  it.each([
    ['13/01/2023', /month/],
    ['02/30/2023', /day/],
    ['02/29/2023', /day/],
    ['04/31/2022', /day/],
    ['00/10/2022', /month/],
    ['2023-00-10', /month/],
    ['Smarch 3, 2022', /month/],
    ['soon', /not a date/],
    ['TBD', /not a date/],
    ['12/17/0023', /year/],
    ['', /empty/],
    ['   ', /empty/],
  ])('rejects %j with a problem', (raw, problem) => {
    const out = normalizeDate(raw);
    expect(out.date).toBeNull();
    expect(out.problem).toMatch(problem);
  });

  it.each([
    [null, /no date/],
    [undefined, /no date/],
    [2023, /not a date/],
    [45286.5, /not a date/],
    [999999, /not a date/],
    [12345, /range/],
    [new Date(NaN), /not a valid date/],
    [['12/17/2023'], /list/],
    [{ when: '12/17/2023' }, /single value/],
    [true, /not a date/],
  ])('rejects %j with a problem', (raw, problem) => {
    const out = normalizeDate(raw);
    expect(out.date).toBeNull();
    expect(out.problem).toMatch(problem);
  });
});
