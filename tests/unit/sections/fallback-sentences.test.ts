/**
 * The sentence, label and heading forms that find causes and solutions written as prose: in list
 * items, after a first sentence, or as an instruction heading. Fixtures are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { statesProblem } from '../../../src/core/sections/rules/article-signals';
import { CAUSE_SENTENCE_FORMS, causeSentence } from '../../../src/core/sections/rules/cause-sentence';
import { FIX_SENTENCE_FORMS, hasFixSentence } from '../../../src/core/sections/rules/fix-sentence';
import { isImperativeHeading } from '../../../src/core/sections/rules/imperative-heading';
import { hasInstructionSentence } from '../../../src/core/sections/rules/instruction-sentence';
import { labelledColumns } from '../../../src/core/sections/rules/label-column';
import { labelledKinds } from '../../../src/core/sections/rules/label-paragraph';
import { nodes, sectionsOf } from './helpers';

const T = { troubleshooting: true };
const fixForm = (text: string) => FIX_SENTENCE_FORMS.find((f) => f.pattern.test(text))?.name ?? null;
const causeForm = (text: string) => CAUSE_SENTENCE_FORMS.find((f) => f.pattern.test(text))?.name ?? null;

describe('fix sentence forms', () => {
  it.each([
    ['To resolve this issue, restart the agent.', 'to-resolve'],
    ['To avoid these warnings, raise the quota.', 'to-resolve'],
    ['As a workaround, export the flow and edit its definition.', 'as-a-workaround'],
    ["One way to work around it is to sign in from a private window.", 'as-a-workaround'],
    ['You can safely ignore this event.', 'safe-to-ignore'],
    ['These warnings can be safely ignored on a new server.', 'safe-to-ignore'],
  ])('%s → %s', (text, name) => {
    expect(fixForm(text)).toBe(name);
  });

  it.each([
    'To resolve a name, the client asks the server.',
    'As a result, the queue grows.',
    'You can ignore the optional fields in the form.',
    'One way to configure it is the portal.',
  ])('%s is no fix sentence', (text) => {
    expect(fixForm(text)).toBeNull();
  });

  it('are read in the paragraphs of top-level list items, not in link-led update lists', () => {
    expect(hasFixSentence(nodes('Known problems:\n\n- The import stops at row 10.\n\n  To resolve this issue, split the file.'))).toBe(true);
    expect(hasFixSentence(nodes('- [Update 123](https://example.test/123) Fixes a hang.\n\n  To resolve this issue, install it.'))).toBe(false);
    expect(hasFixSentence(nodes('- Outer item\n  - To resolve this issue, split the file.'))).toBe(false);
  });
});

describe('cause sentence forms', () => {
  it.each([
    ['A possible reason you might see this issue is a sign-in policy of the tenant.', 'likely-reason'],
    ['There are several reasons for this error, but the most common reason is a wrong path.', 'likely-reason'],
    ['The following are some reasons why the totals can differ:', 'reasons-list'],
    ['This problem can be caused by one of the following conditions:', 'reasons-list'],
    ['Two known scenarios can lead to this result.', 'leads-to'],
    ['A stale cache may cause this error.', 'leads-to'],
    ["That's by design.", 'by-design'],
  ])('%s → %s', (text, name) => {
    expect(causeForm(text)).toBe(name);
  });

  it.each([
    'The most common cause is a feature called fast retransmit.',
    'The most common reasons to move the folder are space and backups.',
    'Editing the registry incorrectly can cause serious problems.',
  ])('%s is no cause sentence', (text) => {
    expect(causeForm(text)).toBeNull();
  });

  it('are read in list items, except the by-design and limitation forms (a settings list is no problem)', () => {
    expect(causeSentence(nodes('- The copy stops. This issue occurs because the target is full.'), false)).toBe('here');
    expect(causeSentence(nodes('- The tool supports only one disk.'), true)).toBeNull();
    expect(causeSentence(nodes('- Level 5: the server refuses old clients. This is by design.'), true)).toBeNull();
    expect(causeSentence(nodes('The tool supports only one disk.'), true)).toBe('here');
  });
});

describe('labels and columns in catalogs', () => {
  it('a "Suggested actions:" bullet is a solution label', () => {
    expect([...labelledKinds(nodes('- Code: **10199**\n- Suggested actions:\n  - Turn on private calls.'))]).toEqual(['solution']);
  });

  it('are read in the intro of a headingless catalog', () => {
    const md = '# Error codes of the agent\n\n|Error code|Mitigation steps|\n|---|---|\n|E1|Install the latest version of the agent.|\n|E2|Restart the machine and try again.|';
    const m = sectionsOf(md, T);
    expect(m.solutions).toEqual([{ anchor: 'intro', cause: null, steps: [] }]);
    expect(m.fallbacks).toEqual([{ anchor: 'intro', as: 'solution', rule: 'label-column' }]);
  });

  it('a "Mitigation steps" column of sentences is a solution column', () => {
    const table = '|Error code|Mitigation steps|\n|---|---|\n|E1|Install the latest version of the agent.|\n|E2|Restart the machine and try again.|';
    expect([...labelledColumns(nodes(table))]).toEqual(['solution']);
  });
});

describe('instruction sentences and problem statements', () => {
  it('take an instruction sentence after a first sentence', () => {
    expect(hasInstructionSentence(nodes('This is a known issue. To watch the memory use, use the Performance tab.'))).toBe(true);
    expect(hasInstructionSentence(nodes('The value is high. To find which disk is slow, use the trace tool.'))).toBe(false);
  });

  it('take a condition that names a problem followed by an instruction', () => {
    expect(hasInstructionSentence(nodes('If the cache files are missing, ask the vendor of the app for them.'))).toBe(true);
    expect(hasInstructionSentence(nodes("If you can't save the form, make sure the column is not read-only."))).toBe(true);
    expect(hasInstructionSentence(nodes('If you want a shorter timeout, set the value to 30.'))).toBe(false);
  });

  it('count the description line and "You encounter the following issues" as stating a problem', () => {
    expect(statesProblem('Sync settings', false, nodes('This article helps you resolve a sign-in loop.'))).toBe(true);
    expect(statesProblem('Sync settings', false, nodes('You encounter one of the following issues:\n\n- Resets.'))).toBe(true);
    expect(statesProblem('Sync settings', false, nodes('This article describes the sync settings.'))).toBe(false);
  });
});

describe('imperative headings', () => {
  it.each([
    ['Increase the backlog limit for the service', true],
    ['Clear the client license cache', true],
    ['Edit the template so that it does not inherit', true],
    ['Use the Azure CLI', false],
    ['Install PortQry', false],
    ['Update list', false],
    ['Verify the issue is fixed', false],
  ])('%s → %s', (title, expected) => {
    expect(isImperativeHeading(title)).toBe(expected);
  });

  it('are solutions only in an article that states a problem and finds no other', () => {
    const body = '## Background\n\nThe queue holds requests.\n\n## Increase the queue limit\n\nThe limit lives in the settings file; 500 suits most sites.';
    const stated = sectionsOf(`# Requests are dropped\n\nThis article helps you resolve dropped requests.\n\n${body}`, T);
    expect(stated.solutions.map((s) => s.anchor)).toEqual(['increase-the-queue-limit']);
    expect(stated.fallbacks).toEqual([{ anchor: 'increase-the-queue-limit', as: 'solution', rule: 'imperative-heading' }]);
    expect(sectionsOf(`# Request queue\n\nThis article describes the queue.\n\n${body}`, T).solutions).toEqual([]);
    expect(sectionsOf(`# Requests are dropped\n\n${body}`, {}).solutions).toEqual([]);
  });
});

describe('the new forms in whole articles', () => {
  it('take a known-issues list with fixes in its bullets as the solution', () => {
    const md = '# Known issues with the import tool\n\n## Known issues\n\n- The import stops at the first empty row.\n\n  To resolve this issue, remove the empty rows and import again.';
    const m = sectionsOf(md, T);
    expect(m.solutions.map((s) => s.anchor)).toEqual(['known-issues']);
    expect(m.fallbacks.map((f) => f.rule)).toEqual(['fix-sentence']);
  });

  it('take a "safely ignore" More information as the solution of an event article', () => {
    const md = '## Symptoms\n\nEvent 7000 is logged after setup.\n\n## More information\n\nYou can safely ignore this event. The driver starts later.';
    expect(sectionsOf(md, T).solutions.map((s) => s.anchor)).toEqual(['more-information']);
  });
});

describe('description lines', () => {
  it('"provides a resolution" states a problem only when a problem is named after it', () => {
    expect(statesProblem('Adapter power', false, nodes('This article provides a resolution to disable power management.'))).toBe(false);
    expect(statesProblem('Adapter power', false, nodes('This article provides a solution to an issue where the adapter sleeps.'))).toBe(true);
  });
});
