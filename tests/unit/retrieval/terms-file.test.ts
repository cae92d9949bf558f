import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { TERM_IDENTIFIER, articleTermsOf, compactTerms, compactTermsOf, decodeTerms, encodeTerms } from '../../../src/core/retrieval/article-terms';
import { ingestArticle } from '../../../src/core/ingest';
import type { IncludeResolver } from '../../../src/core/markdown/pipeline';
import { termHash } from '../../../src/core/retrieval/format';
import { termsOf } from '../../fixtures/retrieval/kb';

const SAMPLE_DIR = path.resolve(import.meta.dirname, '../../../content');
const sample = termsOf({ source: 'db/login.md', title: 'Login failed for user (error 18456)', messages: "Login failed for user 'X'.", body: 'Reset the password. Msg 18456.' });

describe('the terms file', () => {
  it('round-trips an article\'s terms, counts and display data', () => {
    const c = compactTerms(sample);
    const d = decodeTerms(encodeTerms(c));
    expect(d.meta).toEqual(c.meta);
    expect([...d.hashes]).toEqual([...c.hashes]);
    expect([...d.keys]).toEqual([...c.keys]);
    expect([...d.seconds]).toEqual([...c.seconds]);
    expect([...d.flags]).toEqual([...c.flags]);
    expect([...d.counts]).toEqual([...c.counts]);
    expect(d.hashes).toContain(termHash('#error18456'));
  });
  it('keys a pair by its first word in sorted order, so a word and the pairs it starts share a shard', () => {
    const c = compactTerms(sample);
    const at = [...c.hashes].indexOf(termHash('fail_login'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(c.keys[at]).toBe(termHash('fail'));
    expect(c.seconds[at]).toBe(termHash('login'));
  });
  it('refuses a truncated or foreign file', () => {
    const bytes = encodeTerms(compactTerms(sample));
    expect(() => decodeTerms(bytes.subarray(0, bytes.length - 3))).toThrow();
    expect(() => decodeTerms(new TextEncoder().encode('{"not":"terms"}'))).toThrow();
  });
});

describe('identifiers with underscores', () => {
  it('are identifiers, sharded by themselves, not word pairs', () => {
    const c = compactTerms(termsOf({ source: 'x/denied.md', title: 'Setup fails with ERROR_ACCESS_DENIED' }));
    const at = [...c.hashes].indexOf(termHash('#error_access_denied'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(c.flags[at]).toBe(TERM_IDENTIFIER);
    expect(c.keys[at]).toBe(termHash('#error_access_denied'));
  });
});

describe('compactTermsOf', () => {
  const noFiles: IncludeResolver = { read: () => ({ error: 'missing' }), exists: () => false };
  const samples = fs.readdirSync(SAMPLE_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
  it('gives what compactTerms(articleTermsOf(a)) gives, on every sample article', () => {
    expect(samples.length).toBeGreaterThan(5);
    for (const f of samples) {
      const { article } = ingestArticle(f, fs.readFileSync(path.join(SAMPLE_DIR, f)), noFiles);
      if (!article) continue;
      expect(compactTermsOf(article), f).toEqual(compactTerms(articleTermsOf(article)));
    }
  });
});
