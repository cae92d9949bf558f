import { describe, expect, it } from 'vitest';
import type { BuildSectionsOptions } from '../../../src/core/sections/build-sections';
import { sectionsOf } from './helpers';

const T = { troubleshooting: true };
const solutionAnchors = (md: string, opts: BuildSectionsOptions = T) => sectionsOf(md, opts).solutions.map((s) => s.anchor);

describe('pseudo-headings in the section tree', () => {
  it('open a section one level below the enclosing heading and close at the next real heading', () => {
    const m = sectionsOf('## Issue A\n\n### Details\n\nText.\n\n**Cause**\n\nWhy.\n\n**Resolution**\n\nFix.\n\n### Other\n\nMore.');
    expect(m.sections.map((s) => [s.anchor, s.depth, s.parent])).toEqual([
      ['issue-a', 2, null],
      ['details', 3, 'issue-a'],
      ['cause', 4, 'details'],
      ['resolution', 4, 'details'],
      ['other', 3, 'issue-a'],
    ]);
    expect(m.solutions).toEqual([{ anchor: 'resolution', cause: 'cause', steps: [] }]);
    expect(m.fallbacks.map((f) => f.rule)).toEqual(['pseudo-heading', 'pseudo-heading']);
  });

  it('are top-level sections when they come before any heading', () => {
    const m = sectionsOf('The app hangs.\n\n**Workaround:** Start it in safe mode.');
    expect(m.sections.map((s) => [s.anchor, s.depth, s.role])).toEqual([
      ['intro', 1, 'intro'],
      ['workaround', 2, 'solution'],
    ]);
    expect(m.headings).toEqual([{ depth: 2, text: 'Workaround', anchor: 'workaround' }]);
  });

  it('are not inferred when they split a real heading of the same role', () => {
    const m = sectionsOf('## Cause\n\n**Cause 1:** Old driver.\n\n**Cause 2:** Bad cable.\n\n## Resolution\n\nReplace both.');
    expect(m.causes).toEqual(['cause-1', 'cause-2']);
    expect(m.inferred).toEqual([]);
  });

  it('apply to articles that are not troubleshooting articles too', () => {
    expect(sectionsOf('## Setup\n\n**Option 1: Use the portal**\n\nClick Add.').solutions.map((s) => s.anchor)).toEqual(['option-1-use-the-portal']);
  });

  it('do not take a real problem heading’s place', () => {
    expect(sectionsOf('**Issue:** Short note.\n\n## Symptoms\n\nLong text.').problem).toBe('symptoms');
  });
});

describe('label paragraphs and columns', () => {
  it('do not relabel a section that a heading form already classifies', () => {
    const m = sectionsOf('## Cause\n\nExplanation: the port is blocked.\n\n## Resolution\n\nAction: open it.');
    expect(m.inferred).toEqual([]);
  });

  it('find only what the labels say', () => {
    const m = sectionsOf('## Event 7\n\nCause: the disk is slow.');
    expect(m.causes).toEqual(['event-7']);
    expect(m.solutions).toEqual([]);
  });
});

describe('content rules (troubleshooting articles only)', () => {
  const steps = '# T\n\n## Step 1: Check the logs\n\n1. Open the log.\n2. Search for errors.\n\n## Step 2: Restart\n\nRestart the host.';

  it('never fire without the troubleshooting flag', () => {
    const md = '## Summary\n\nAbout X.\n\n## More information\n\nTo do it, follow these steps:\n\n1. A.\n2. B.';
    expect(solutionAnchors(md, {})).toEqual([]);
    expect(solutionAnchors(steps, {})).toEqual([]);
    expect(sectionsOf(md).inferred).toEqual([]);
  });

  it('take top-level Step headings each', () => {
    const m = sectionsOf(steps, T);
    expect(m.solutions.map((s) => s.anchor)).toEqual(['step-1-check-the-logs', 'step-2-restart']);
    expect(m.fallbacks.every((f) => f.rule === 'procedure-headings')).toBe(true);
  });

  it('take the parent of nested Step headings, with the step titles as steps', () => {
    const m = sectionsOf('## Repair the share\n\nIntro.\n\n### Step 1: Stop the service\n\nx\n\n### Step 2: Rebuild\n\ny', T);
    // "Repair the share" is a heading form already; use a neutral parent to see the rule.
    expect(m.inferred).toEqual([]);
    const n = sectionsOf('## The share\n\nIntro.\n\n### Step 1: Stop the service\n\nx\n\n### Step 2: Rebuild\n\ny', T);
    expect(n.solutions).toEqual([{ anchor: 'the-share', cause: null, steps: ['Step 1: Stop the service', 'Step 2: Rebuild'] }]);
  });

  it('take each Step under an Issue heading, leaving the issue the problem', () => {
    const m = sectionsOf('## Issue 1 - Build fails\n\n### Step 1: Check images\n\nx\n\n### Step 2: Check keys\n\ny', T);
    expect(m.problem).toBe('issue-1---build-fails');
    expect(m.solutions.map((s) => s.anchor)).toEqual(['step-1-check-images', 'step-2-check-keys']);
  });

  it('do not fire when a heading form already gives a solution', () => {
    const m = sectionsOf('## Resolution\n\nUpdate.\n\n## How to collect logs\n\n1. A.\n2. B.', T);
    expect(m.solutions.map((s) => s.anchor)).toEqual(['resolution']);
    expect(m.inferred).toEqual([]);
  });

  it('take the section of a fix sentence, and the problem itself only as a last resort', () => {
    expect(solutionAnchors('## Symptoms\n\nIt fails.\n\n## Details\n\nTo work around this issue, use the web app.')).toEqual(['details']);
    expect(solutionAnchors('## Symptoms\n\nIt fails.\n\nTo resolve this problem, reinstall the app.')).toEqual(['symptoms']);
  });

  it('take the first ordered list after a strong problem, or in a Summary', () => {
    expect(solutionAnchors('## Symptoms\n\n1. It fails.\n2. Then hangs.\n\n## Background\n\nText.\n\n## Reset the cache\n\n1. A.\n2. B.')).toEqual(['reset-the-cache']);
    expect(solutionAnchors('## Summary\n\nTo do it:\n\n1. A.\n2. B.\n\n## Notes\n\nText.')).toEqual(['summary']);
  });

  it('never take references, repro steps or background sections', () => {
    const md = '## Symptoms\n\nIt fails.\n\n## Steps to reproduce\n\n1. Open.\n2. Save.\n\n## References\n\n1. Doc A.\n2. Doc B.';
    expect(solutionAnchors(md)).toEqual([]);
  });

  it('take the intro of an article without headings when it holds the procedure', () => {
    const m = sectionsOf('# T\n\nThe export fails.\n\nTo fix this:\n\n1. Open settings.\n2. Reset the export.', T);
    expect(m.solutions).toEqual([{ anchor: 'intro', cause: null, steps: ['Open settings.', 'Reset the export.'] }]);
    expect(m.inferred).toEqual(['intro']);
  });

  it('link an inferred solution to the only cause before it', () => {
    const m = sectionsOf('## Symptoms\n\nSlow.\n\n## Cause\n\nOld index.\n\n## Rebuild the index\n\n1. Stop.\n2. Rebuild.', T);
    expect(m.solutions).toEqual([{ anchor: 'rebuild-the-index', cause: 'cause', steps: ['Stop.', 'Rebuild.'] }]);
  });
});

describe('details methods, intro fixes, instruction and cause sentences', () => {
  const details = (summary: string, body: string) => `<details>\n<summary><b>${summary}</b></summary>\n\n${body}\n\n</details>`;

  it('make each details method a solution anchored at its section, titled by its summary', () => {
    const md = ['# Sync error 0x1234', 'Syncing fails with this code.', details('Update the client', '1. Open Settings.\n1. Install updates.'), details('Sign in again', 'See [the sign-in guide](https://x.test/a).'), '## References', '- [Doc](https://x.test/b)'].join('\n\n');
    const m = sectionsOf(md, T);
    expect(m.solutions).toEqual([
      { anchor: 'intro', cause: null, steps: ['Open Settings.', 'Install updates.'], title: 'Update the client' },
      { anchor: 'intro', cause: null, steps: [], title: 'Sign in again' },
    ]);
    expect(m.fallbacks).toEqual([{ anchor: 'intro', as: 'solution', rule: 'details-methods' }]);
    expect(m.inferred).toEqual(['intro']);
  });

  it('do not read details blocks outside troubleshooting articles or next to a real Resolution', () => {
    const md = ['Intro.', details('Update the client', '1. Open Settings.\n1. Install updates.')].join('\n\n');
    expect(sectionsOf(md, {}).solutions).toEqual([]);
    const withResolution = `${md}\n\n## Resolution\n\nReinstall.`;
    expect(sectionsOf(withResolution, T).solutions.map((s) => [s.anchor, s.title])).toEqual([['resolution', undefined]]);
  });

  it('take a fix sentence in the intro even when headings follow', () => {
    const md = '# Service times out\n\nTo work around this problem, raise the timeout:\n\n1. Open the registry.\n2. Set the value.\n\n## More information\n\nThe manager waits a fixed time.';
    const m = sectionsOf(md, T);
    expect(m.solutions).toEqual([{ anchor: 'intro', cause: null, steps: ['Open the registry.', 'Set the value.'] }]);
    expect(m.fallbacks.map((f) => f.rule)).toEqual(['fix-sentence']);
  });

  it('take an intro ordered list before headings only in an article that states a problem', () => {
    const list = '\n\n1. The engine reads the table.\n2. It copies the rows.\n\n## Deposits\n\nText.';
    expect(solutionAnchors(`# How rows are matched${list}`)).toEqual([]);
    expect(solutionAnchors(`# Matching fails for deposits${list}`)).toEqual(['intro']);
  });

  it('find the instruction and the limitation of a headingless problem article', () => {
    const md = '# Cannot add a third disk\n\nWhen you add a third disk, this message appears:\n\n> Limit reached\n\nThe host allows only two disks per guest.\n\nTo add a third disk, use the Add-Disk cmdlet.';
    const m = sectionsOf(md, T);
    expect(m.causes).toEqual(['intro']);
    expect(m.solutions).toEqual([{ anchor: 'intro', cause: 'intro', steps: [] }]);
    expect(m.fallbacks).toEqual([
      { anchor: 'intro', as: 'solution', rule: 'instruction-sentence' },
      { anchor: 'intro', as: 'cause', rule: 'cause-sentence' },
    ]);
  });

  it('do not take an instruction in an article that states no problem', () => {
    expect(sectionsOf('# Disk options\n\nThe host offers disks.\n\nTo add a disk, use the Add-Disk cmdlet.', T).solutions).toEqual([]);
    expect(sectionsOf('## Summary\n\nAbout disks.\n\n## More information\n\nTo add a disk, use the Add-Disk cmdlet.', T).solutions).toEqual([]);
  });

  it('make the explanation of a by-design KB its cause', () => {
    const md = '# Tab is hidden\n\nThis article discusses a by-design behavior where the tab is hidden.\n\n## Summary\n\nThe tab is not shown.\n\n## More information\n\nThe driver hides the tab because the radio powers down itself.';
    const m = sectionsOf(md, T);
    expect(m.causes).toEqual(['more-information']);
    expect(m.fallbacks).toEqual([{ anchor: 'more-information', as: 'cause', rule: 'cause-sentence' }]);
    const status = sectionsOf('## Symptoms\n\nThe box is greyed.\n\n## Status\n\nThis behavior is by design.', T);
    expect(status.causes).toEqual(['status']);
  });

  it('leave Symptoms the problem and articles with a heading-form fix alone', () => {
    expect(sectionsOf('## Symptoms\n\nIt fails. This issue occurs because the cache is full.', T).causes).toEqual([]);
    const m = sectionsOf('## Details\n\nThis issue occurs because the cache is full.\n\n## Resolution\n\nClear it.', T);
    expect(m.causes).toEqual([]);
    expect(m.inferred).toEqual([]);
    expect(sectionsOf('## Details\n\nThis issue occurs because the cache is full.', {}).causes).toEqual([]);
  });
});
