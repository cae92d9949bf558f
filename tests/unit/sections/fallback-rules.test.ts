import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { FALLBACK_RULES } from '../../../src/core/sections/fallback-rules';
import { isNotAFix, statesProblem } from '../../../src/core/sections/rules/article-signals';
import { causeSentence } from '../../../src/core/sections/rules/cause-sentence';
import { detailsMethods } from '../../../src/core/sections/rules/details-methods';
import { hasFixSentence } from '../../../src/core/sections/rules/fix-sentence';
import { hasInstructionSentence } from '../../../src/core/sections/rules/instruction-sentence';
import { labelledColumns } from '../../../src/core/sections/rules/label-column';
import { labelledKinds } from '../../../src/core/sections/rules/label-paragraph';
import { procedureHeadingForm } from '../../../src/core/sections/rules/procedure-headings';
import { hasOrderedList } from '../../../src/core/sections/rules/procedures';
import { pseudoHeading } from '../../../src/core/sections/rules/pseudo-heading';
import { plainText } from '../../../src/core/markdown/plain-text';
import { nodes } from './helpers';

const first = (md: string): RootContent => nodes(md)[0];

describe('FALLBACK_RULES', () => {
  it('has unique names and scopes the content rules to troubleshooting articles', () => {
    const names = FALLBACK_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const scoped = FALLBACK_RULES.filter((r) => r.troubleshootingOnly).map((r) => r.name);
    expect(scoped).toEqual(['cause-sentence', 'procedure-headings', 'details-methods', 'fix-sentence', 'kb-more-information', 'first-ordered-list', 'imperative-heading', 'instruction-sentence']);
    expect(FALLBACK_RULES.filter((r) => r.onlyWithoutCause).map((r) => r.name)).toEqual(['cause-sentence']);
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

  it('ignores words that are not labels, and a bare Action label in a list (a rule listing)', () => {
    expect(labelledKinds(nodes('Action items for the next release are tracked elsewhere.\n\n- Action: Allow'))).toEqual(new Set());
  });

  it('reads labels that open the bullets of a catalog', () => {
    expect([...labelledKinds(nodes('- Cause: in a list'))]).toEqual(['cause']);
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

describe('detailsMethods', () => {
  const block = (summary: string, body: string) => `<details>\n<summary><b>${summary}</b></summary>\n\n${body}\n\n</details>`;

  it('reads each block with steps or a link, titled by its summary', () => {
    const md = [
      'Try these in order.',
      block('Clear the sign-in cache', '1. Close the app.\n1. Delete the cache folder.\n1. Sign in again.'),
      block('Repair the profile', 'Follow [the repair guide](https://x.test/repair).'),
    ].join('\n\n');
    const got = detailsMethods(nodes(md));
    expect(got.map((m) => m.title)).toEqual(['Clear the sign-in cache', 'Repair the profile']);
    expect(got[0].list?.children.length).toBe(3);
    expect(got[1].list).toBeNull();
  });

  it.each([
    ['output', block('Sample output', '```\nline 1\nline 2\n```')],
    ['a question', block('Why does this happen?', '1. First reason.\n2. Second reason.')],
    ['text only', block('Background', 'The service keeps a copy of each token.')],
    ['no content outside the html', '<details><summary>Reset</summary>1. a 2. b</details>'],
  ])('skips blocks of %s', (_name, md) => {
    expect(detailsMethods(nodes(md))).toEqual([]);
  });
});

describe('instruction sentences and problem statements', () => {
  it('finds "To <do X>, <verb> …" and fix-verb openers', () => {
    expect(hasInstructionSentence(nodes('To attach a third disk, use the Add-Disk cmdlet.'))).toBe(true);
    expect(hasInstructionSentence(nodes('To keep the old `.old` files, run the archive script.'))).toBe(true);
    expect(hasInstructionSentence(nodes('Restart the host to load the new limit.'))).toBe(true);
  });

  it.each([
    'To do this, open the console.',
    'To learn more, see the overview.',
    'To attach a disk you need a free slot.',
    'Update rollups contain many fixes.',
    'The tool helps you to restart the host.',
  ])('ignores "%s"', (text) => {
    expect(hasInstructionSentence(nodes(text))).toBe(false);
  });

  it('counts a strong problem heading, a problem title or a quoted error, not an alert', () => {
    expect(statesProblem(null, true, [])).toBe(true);
    expect(statesProblem('Printer queue stops after the update', false, [])).toBe(true);
    expect(statesProblem('Ports', false, nodes('> Cannot add adapter\n> Limit reached'))).toBe(true);
    expect(statesProblem('Ports', false, nodes('> [!NOTE]\n> Keep a backup.'))).toBe(false);
    expect(statesProblem('How replication works', false, [])).toBe(false);
  });
});

describe('causeSentence', () => {
  it.each([
    'This issue occurs because the token expired.',
    'The slowness is noticed at night. This behavior occurs when the index is rebuilt.',
    'This behavior is by design.',
    'The limit is working as designed.',
    'The root cause of this failure is a stale lease.',
  ])('finds "%s"', (text) => {
    expect(causeSentence(nodes(text), false)).toBe('here');
  });

  it('takes a limitation only where a problem is stated', () => {
    const md = 'The hypervisor allows only one adapter per guest.';
    expect(causeSentence(nodes(md), false)).toBeNull();
    expect(causeSentence(nodes(md), true)).toBe('here');
  });

  it('marks a by-design behavior named only in the description line', () => {
    expect(causeSentence(nodes('This article discusses a by-design behavior where the tab is hidden.'), false)).toBe('described');
  });

  it.each([
    'Serious problems might occur if you modify the registry incorrectly.',
    'The design of this feature is covered elsewhere.',
    '- The tool supports only one disk.',
  ])('ignores "%s"', (text) => {
    expect(causeSentence(nodes(text), true)).toBeNull();
  });
});
