import { describe, expect, it } from 'vitest';
import { normalizeTopic } from '../../../src/core/frontmatter/topic';

describe('normalizeTopic', () => {
  it.each([
    ['troubleshooting', 'troubleshooting', true],
    ['troubleshooting ', 'troubleshooting', true],
    ['Troubleshooting\r', 'troubleshooting', true],
    ['troubleshooting-problem-resolution', 'troubleshooting', true],
    ['troubleshooting-general', 'troubleshooting-general', true],
    ['troubleshooting-known-issue', 'troubleshooting-known-issue', true],
    ['Troubleshoot', 'troubleshooting', true],
    ['how-to', 'how-to', false],
    ['How To', 'how-to', false],
    ['howto', 'how-to', false],
    ['article', 'article', false],
    ['conceptual', 'conceptual', false],
    ['includes', 'include', false],
    ['landing_page', 'landing-page', false],
    ['reference-architecture', 'reference-architecture', false],
    ['troubleshootingguide', 'troubleshootingguide', false],
  ])('%j → %s (troubleshooting: %s)', (raw, topic, isTroubleshooting) => {
    expect(normalizeTopic(raw)).toEqual({ topic, isTroubleshooting });
  });

  it.each([undefined, null, '', '   ', {}, [], { a: 1 }])('falls back to article for %j', (raw) => {
    expect(normalizeTopic(raw)).toEqual({ topic: 'article', isTroubleshooting: false });
  });

  it('reads the first entry of a list', () => {
    expect(normalizeTopic(['troubleshooting', 'how-to'])).toEqual({ topic: 'troubleshooting', isTroubleshooting: true });
  });
});
