/**
 * Troubleshooting-tagged articles whose steps are the fix without a problem section: task titles
 * ("Enable verbose agent logging"), community "Summary + Tips" KB articles, steps nested under a
 * bullet, and fix sentences that Markdown glues to the paragraph before them. Each case has a near
 * miss that must stay unlabelled. Fixtures are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { namesTask } from '../../../src/core/sections/rules/article-signals';
import { FIX_SENTENCE_FORMS, hasFixSentence } from '../../../src/core/sections/rules/fix-sentence';
import { hasOrderedList } from '../../../src/core/sections/rules/procedures';
import { nodes, sectionsOf } from './helpers';

const T = { troubleshooting: true };
const solutionsOf = (md: string) => sectionsOf(md, T).solutions.map((s) => s.anchor);
const rulesOf = (md: string) => sectionsOf(md, T).fallbacks.map((f) => `${f.rule}:${f.anchor}`);

describe('task titles', () => {
  it.each([
    ['How to re-register a client with the update server', true],
    ['How to move the mail queue to another disk', true],
    ['Enable verbose logging for the sync agent', true],
    ['Redeploy a virtual machine to a new host', true],
    ['Re-register the print spooler', true],
    ['How to check whether the agent is running', false],
    ['How to use the PingTool utility to troubleshoot name resolution', false],
    ['How to troubleshoot slow sign-in', false],
    ['Use the DiskTool utility to inspect a volume', false],
    ['Enabled features in the sync agent', false],
    ['Agent logging settings', false],
  ])('%s → %s', (title, expected) => {
    expect(namesTask(title)).toBe(expected);
  });

  const body = '## Overview\n\nThe agent writes a log only when asked to.\n\n## Turning it on\n\nTo turn on verbose logging, open the agent.conf file and set the level to 5.';

  it('let the instruction rules read a how-to article without a problem statement', () => {
    expect(rulesOf(`# Enable verbose logging for the sync agent\n\n${body}`)).toEqual(['instruction-sentence:turning-it-on']);
    expect(rulesOf(`# How to turn on verbose logging for the sync agent\n\n${body}`)).toEqual(['instruction-sentence:turning-it-on']);
  });

  it('leave reference and diagnosis titles alone', () => {
    expect(solutionsOf(`# Sync agent logging settings\n\n${body}`)).toEqual([]);
    expect(solutionsOf(`# How to check whether the sync agent logs\n\n${body}`)).toEqual([]);
    // Outside troubleshooting articles no content rule runs.
    expect(sectionsOf(`# Enable verbose logging for the sync agent\n\n${body}`, {}).solutions).toEqual([]);
  });

  it('take imperative headings before an aside instruction in an overview section', () => {
    const md =
      '# Enable tracing for the print service\n\n## About tracing\n\nThe trace goes to the temp folder. To locate the temp folder, type the path in the address bar.\n\n' +
      '## Enable tracing by editing the registry\n\nCreate the Trace value under the service key.\n\n## Enable tracing with a policy\n\nSet the tracing policy to Verbose.';
    expect(rulesOf(md)).toEqual(['imperative-heading:enable-tracing-by-editing-the-registry', 'imperative-heading:enable-tracing-with-a-policy']);
  });
});

describe('community KB articles: Summary + Tips', () => {
  it('take a top-level Tips section that holds the steps', () => {
    const md = '# How to re-register a client with the update server\n\n## Summary\n\nThis article helps you re-register a client.\n\n## Tips\n\n1. Refresh the policy on the client.\n2. Ask the client to report now.';
    expect(rulesOf(md)).toEqual(['kb-more-information:tips']);
  });

  it('leave a Tips section nested in another section, which is a side note', () => {
    const md = '# Update server client settings\n\n## Summary\n\nThe client reports every day.\n\n## Background\n\nThe client reports its state.\n\n### Tips\n\n1. Keep the interval above one hour.\n2. Keep the log small.';
    expect(solutionsOf(md)).toEqual([]);
  });
});

describe('steps nested under a bullet', () => {
  it('count when the bullet leads into them', () => {
    expect(hasOrderedList(nodes('- To start the tool for every user of one computer:\n  1. Open the computer policy.\n  2. Add the tool to the startup list.'))).toBe(true);
    expect(hasOrderedList(nodes('- Method 1: the command line\n\n  To set the certificate from a prompt, follow these steps:\n\n  1. Copy the thumbprint.\n  2. Run the set command with it.'))).toBe(true);
  });

  it('do not count under a bullet that only ends in a colon, or a single nested step', () => {
    expect(hasOrderedList(nodes('- Supported options:\n  1. Fast mode\n  2. Safe mode'))).toBe(false);
    expect(hasOrderedList(nodes('- To start the tool:\n  1. Open the computer policy.'))).toBe(false);
  });

  it('make the section with them a solution of a how-to article', () => {
    const md = '# How to start a tool when a user signs in\n\n## Summary\n\nA policy can start any program at sign-in.\n\n- To start it for every user of one computer:\n  1. Open the computer policy.\n  2. Add the program to the startup list.\n- To start it for one user:\n  1. Open the user policy.\n  2. Add the program to the startup list.';
    expect(rulesOf(md)).toEqual(['first-ordered-list:summary']);
  });
});

describe('fix sentences inside a paragraph', () => {
  const form = (text: string) => FIX_SENTENCE_FORMS.find((f) => f.pattern.test(text))?.name ?? null;

  it.each([
    ['A temporary workaround is to open the message in the web client.', 'workaround-is'],
    ['The workaround in the meantime is to approve from the portal.', 'workaround-is'],
    ['A workaround to this issue would be to sign out first.', 'workaround-is'],
  ])('%s → %s', (text, name) => {
    expect(form(text)).toBe(name);
  });

  it.each(['A workaround isn\'t available yet.', 'The workaround column lists the steps.'])('%s is no fix sentence', (text) => {
    expect(form(text)).toBeNull();
  });

  it('read the workaround form after a first sentence', () => {
    expect(hasFixSentence(nodes('This is a known issue in build 12. A temporary workaround is to open the message in the web client.'))).toBe(true);
  });

  it('read "To resolve …" on the line after a bullet, where Markdown joins it to that bullet', () => {
    expect(hasFixSentence(nodes('- Notifications stop updating.\n- Sync takes hours.\nTo resolve these issues, generalize the image before you copy it.'))).toBe(true);
  });

  it('do not read "To fix this issue, …" after a first sentence, where it says what a feature is for', () => {
    expect(hasFixSentence(nodes('One busy session can starve the others. To fix this issue, the scheduler shares the disk among sessions.'))).toBe(false);
  });

  it('make the section with the workaround the solution of a known-issues article', () => {
    const md = '# Issues with approval mail in the desktop client\n\n## Issue 1 - Buttons are missing\n\nThe account may use an old client.\n\n## Issue 2 - The card shows an error\n\nThis is a known issue in build 12. A temporary workaround is to open the message in the web client.';
    expect(rulesOf(md)).toEqual(['fix-sentence:issue-2---the-card-shows-an-error']);
  });
});
