import { describe, expect, it } from 'vitest';
import { buildLookupIndex } from '../../../src/core/lookup/build-index';
import { createLookup } from '../../../src/core/lookup/query';
import { breakTies, prominence, type Ranked } from '../../../src/core/lookup/tie-break';
import type { LookupArticleInput, LookupIndexFile } from '../../../src/core/lookup/types';

function lookupOver(files: LookupIndexFile[]) {
  const store = new Map(files.map((f) => [f.path, f.data]));
  return createLookup(async (p) => { const d = store.get(p); if (d === undefined) throw new Error('404 ' + p); return d; });
}

const MESSAGE = 'You must enter a pay grade value before this record can be saved.';

describe('prominence', () => {
  it('grows with the share of the message the title says, and a Symptoms section adds to it', () => {
    const titled = prominence('You must enter a pay grade value', MESSAGE, 'Steps');
    const passing = prominence('How to set up pay steps', MESSAGE, 'Steps');
    expect(titled).toBeGreaterThan(passing);
    expect(prominence('How to set up pay steps', MESSAGE, 'Symptoms')).toBeGreaterThan(passing);
    expect(prominence('Unrelated', MESSAGE, 'Resolution')).toBe(0);
  });
});

describe('breakTies', () => {
  const r = (over: Partial<Ranked>): Ranked => ({ part: 0, score: 0.9, first: false, confident: false, title: 'Other', message: MESSAGE, section: 'Steps', ...over });

  it('moves the most prominent of exactly tied entries to the first place, with its confidence', () => {
    const list = [r({ first: true, confident: true, title: 'How to set up pay steps' }), r({ title: 'Pay grade value must be entered', section: 'Symptoms' })];
    breakTies(list);
    expect(list.map((x) => [x.title, x.first, x.confident])).toEqual([
      ['Pay grade value must be entered', true, true],
      ['How to set up pay steps', false, false],
    ]);
  });

  it('leaves near ties, other errors and equal prominence in the index order', () => {
    const nearTie = [r({ first: true }), r({ score: 0.8999, title: MESSAGE })];
    const otherError = [r({ first: true }), r({ part: 1, title: MESSAGE })];
    const equal = [r({ first: true, title: 'A' }), r({ title: 'B' })];
    for (const list of [nearTie, otherError, equal]) {
      const before = list.map((x) => x.title);
      breakTies(list);
      expect(list.map((x) => x.title)).toEqual(before);
    }
  });
});

describe('lookup with tied articles', () => {
  // Same message in both; the how-to sorts first, so the index alone would rank it first.
  const articles: LookupArticleInput[] = [
    { source: 'a/pay-steps.md', url: '/a/pay-steps/', title: 'How to set up pay steps', summary: '',
      messages: [{ text: MESSAGE, anchor: 'steps', section: 'Activate pay steps', kind: 'text' }] },
    { source: 'z/pay-grade-error.md', url: '/z/pay-grade-error/', title: 'You must enter a pay grade value', summary: '',
      messages: [{ text: MESSAGE, anchor: 'symptoms', section: 'Symptoms', kind: 'blockquote' }] },
  ];
  const lk = lookupOver(buildLookupIndex(articles));

  it('answers with the article about the error, not the one that mentions it', async () => {
    const res = await lk.lookup(`Error: ${MESSAGE}`);
    expect(res.map((x) => x.url)).toEqual(['/z/pay-grade-error/', '/a/pay-steps/']);
    expect(res[0]!.score).toBe(res[1]!.score);
    expect(res[1]!.confident).toBe(false);
  });

  it('weighs the tied article even when only one result is asked for', async () => {
    expect((await lk.lookup(MESSAGE, { limit: 1 })).map((x) => x.url)).toEqual(['/z/pay-grade-error/']);
  });
});
