import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_RULES,
  hasFixSentence,
  hasOrderedList,
  isNotAFix,
  labelledColumns,
  labelledKinds,
  procedureHeadingForm,
  pseudoHeading,
} from '../../../src/core/sections/fallback-rules';
import { plainText } from '../../../src/core/sections/plain-text';
import { parse } from './helpers';

const nodes = (md: string): RootContent[] => parse(md).children;
const first = (md: string): RootContent => nodes(md)[0];

describe('FALLBACK_RULES', () => {
  it('has unique names and scopes the content rules to troubleshooting articles', () => {
    const names = FALLBACK_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const scoped = FALLBACK_RULES.filter((r) => r.troubleshootingOnly).map((r) => r.name);
    expect(scoped).toEqual(['procedure-headings', 'fix-sentence', 'kb-more-information', 'first-ordered-list']);
  });
});

describe('pseudoHeading', () => {
  it.each([
    ['**Resolution**', 'Resolution', 'solution'],
    ['**Workaround:**', 'Workaround', 'solution'],
    ['**Cause**:', 'Cause', 'cause'],
    ['_Cause 2_', 'Cause 2', 'cause'],
    ['**Symptoms**', 'Symptoms', 'problem'],
  ])('%s alone is a heading', (md, title, role) => {
    expect(pseudoHeading(first(md))).toEqual({ title, role, rest: null });
  });

  it('splits a leading label from its text, colon inside or after the emphasis', () => {
    for (const md of ['**Cause 1:** The cache is damaged.', '**Cause 1**: The cache is damaged.']) {
      const got = pseudoHeading(first(md));
      expect(got?.title).toBe('Cause 1');
      expect(got?.role).toBe('cause');
      expect(plainText(got!.rest!)).toBe('The cache is damaged.');
    }
  });

  it.each([
    ['**Note:** Restart first.', 'a label that is no heading form'],
    ['**Status:** Fixed in version 2.', 'a label whose role is not problem, cause or solution'],
    ['**Cause** of the delay is unknown.', 'a label without a colon'],
    ['The **Resolution** is below.', 'emphasis that does not open the paragraph'],
    ['**Fix the issue by restarting the service after the update has been installed on every node**', 'a long bold sentence'],
    ['**Prerequisites**', 'bold text of no form'],
    ['## Cause', 'a real heading'],
  ])('%s is not one (%s)', (md) => {
    expect(pseudoHeading(first(md))).toBeNull();
  });
});

describe('labelledKinds', () => {
  it('reads plain and bold labels', () => {
    expect([...labelledKinds(nodes('Explanation: The file is locked.\n\nAction: Close the editor.'))].sort()).toEqual(['cause', 'solution']);
    expect([...labelledKinds(nodes('**User Action:** Retry later.'))]).toEqual(['solution']);
    expect([...labelledKinds(nodes('Reason: quota reached.'))]).toEqual(['cause']);
  });

  it('ignores words that are not labels and labels inside lists', () => {
    expect(labelledKinds(nodes('Action items for the next release are tracked elsewhere.\n\n- Cause: in a list'))).toEqual(new Set());
  });
});

describe('labelledColumns', () => {
  it('reads cause and fix columns of sentences', () => {
    const md = '| Code | Possible cause | Mitigation |\n|---|---|---|\n| 12 | The port is closed on the host | Open port 443 on the firewall |';
    expect([...labelledColumns(nodes(md))].sort()).toEqual(['cause', 'solution']);
  });

  it('ignores data columns and a bare Action column', () => {
    expect(labelledColumns(nodes('| Mode | Resolution |\n|---|---|\n| HD | 1280x720 |\n| Full HD | 1920x1080 |'))).toEqual(new Set());
    expect(labelledColumns(nodes('| Rule | Action |\n|---|---|\n| Inbound 443 | Allow traffic from anywhere now |'))).toEqual(new Set());
  });
});

describe('hasOrderedList', () => {
  it('needs two steps, or two one-item lists split by code', () => {
    expect(hasOrderedList(nodes('1. Only one step.'))).toBe(false);
    expect(hasOrderedList(nodes('1. Run:\n\n```\ncmd\n```\n\n2. Restart.'))).toBe(true);
    expect(hasOrderedList(nodes('- a\n- b'))).toBe(false);
  });

  it('ignores lists of links and repro steps', () => {
    expect(hasOrderedList(nodes('1. [KB 1](https://x.test/1) - fix one\n2. [KB 2](https://x.test/2)'))).toBe(false);
    expect(hasOrderedList(nodes('To reproduce the issue:\n\n1. Open the app.\n2. Click Save.'))).toBe(false);
    expect(hasOrderedList(nodes('To fix the issue:\n\n1. Open the app.\n2. Click Save.'))).toBe(true);
  });
});

describe('headings and sentences', () => {
  it('recognizes procedure headings', () => {
    expect(procedureHeadingForm('Step 3: Clear the cache')).toBe('step');
    expect(procedureHeadingForm('How to reset the password')).toBe('how-to');
    expect(procedureHeadingForm('To repair the index')).toBe('to-fix');
    expect(procedureHeadingForm('Steps overview')).toBeNull();
  });

  it('knows sections that are never the fix', () => {
    for (const t of ['Steps to reproduce', 'Prerequisites', 'How replication works', 'How to tell whether the update is installed', 'Next steps', 'Troubleshooting tools']) expect(isNotAFix(t)).toBe(true);
    for (const t of ['More information', 'Reset the adapter', 'How to reset the adapter']) expect(isNotAFix(t)).toBe(false);
  });

  it('finds fix sentences at the start of a paragraph only', () => {
    expect(hasFixSentence(nodes('To work around this issue, restart the app.'))).toBe(true);
    expect(hasFixSentence(nodes('To resolve these problems, install the update.'))).toBe(true);
    expect(hasFixSentence(nodes('We tried to resolve this issue in a later build.'))).toBe(false);
  });
});
