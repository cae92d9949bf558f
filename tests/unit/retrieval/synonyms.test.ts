import { describe, expect, it } from 'vitest';
import { wordTerms } from '../../../src/core/retrieval/analyzer';
import { SYNONYM_TABLE, alternativeTerms, synonymGroups } from '../../../src/core/retrieval/synonyms';

const expand = (q: string) => alternativeTerms(synonymGroups(wordTerms(q).map((t) => t.term)));

describe('synonym table', () => {
  it('each row holds at least two phrases that analyze to different terms', () => {
    for (const row of SYNONYM_TABLE) {
      const forms = new Set(row.phrases.map((p) => wordTerms(p).map((t) => t.term).join(' ')));
      expect(forms.size, row.name).toBeGreaterThan(1);
    }
  });
  it('adds the other phrases of a row, with their pairs, never the query\'s own terms', () => {
    expect(expand('pc hangs')).toEqual(expect.arrayContaining(['comput', 'workstat', 'respond_stop', 'unrespons']));
    expect(expand('pc hangs')).not.toContain('pc');
    expect(expand('rdp fails')).toEqual(expect.arrayContaining(['remot', 'desktop', 'desktop_remot']));
  });
  it('matches a phrase of several words, and no part of one alone', () => {
    expect(expand('remote desktop drops')).toContain('rdp');
    expect(expand('remote control drops')).not.toContain('rdp');
  });
  it('reads "keeps asking" as the articles write it: "repeatedly prompted", "prompts for"', () => {
    expect(expand('mail keeps asking for my password')).toEqual(expect.arrayContaining(['repeatedli', 'prompt', 'prompt_repeatedli', 'credenti']));
  });
  it('adds nothing for words in no row', () => {
    expect(expand('quarterly invoice totals')).toEqual([]);
  });
});
