import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildSections, MAX_STEPS, SUMMARY_MAX } from '../../../src/core/sections/build-sections';
import { createSlugger } from '../../../src/core/slug';
import { parse, sectionsOf } from './helpers';

const anchors = (md: string) => sectionsOf(md).sections.map((s) => s.anchor);

describe('splitting', () => {
  it('takes the first H1 as title and treats a second H1 as depth 2', () => {
    const m = sectionsOf('# Title\n\nIntro text.\n\n# Second top\n\n### Deep\n\ntext');
    expect(m.title).toBe('Title');
    expect(m.sections.map((s) => [s.anchor, s.depth, s.parent])).toEqual([
      ['intro', 1, null],
      ['second-top', 2, null],
      ['deep', 3, 'second-top'],
    ]);
  });

  it("keeps each section's own content only, heading excluded", () => {
    const m = sectionsOf('## Cause\n\nOne.\n\nTwo.\n\n### Detail\n\nThree.\n\n## Resolution\n\nFour.');
    const byAnchor = Object.fromEntries(m.sections.map((s) => [s.anchor, s.nodes.map((n) => n.type)]));
    expect(byAnchor).toEqual({ cause: ['paragraph', 'paragraph'], detail: ['paragraph'], resolution: ['paragraph'] });
  });

  it('omits an empty intro and keeps content that comes before the H1', () => {
    expect(anchors('# T\n\n## Symptoms\n\nx')).toEqual(['symptoms']);
    expect(anchors('<!-- comment -->\n\n# T\n\n## A')).toEqual(['a']);
    expect(anchors('Before the title.\n\n# T\n\n## A')).toEqual(['intro', 'a']);
  });

  it('records heading lines', () => {
    const m = sectionsOf('# T\n\n## A\n\ntext\n\n## B');
    expect(m.sections.map((s) => s.line)).toEqual([3, 7]);
  });

  it('nests by depth even when depths skip levels', () => {
    const m = sectionsOf('## A\n\n#### B\n\n### C\n\n## D');
    expect(m.sections.map((s) => s.parent)).toEqual([null, 'a', 'a', null]);
  });

  it('lists depth 2-3 headings for the TOC', () => {
    const m = sectionsOf('## A\n\n### B\n\n#### C\n\n##### D');
    expect(m.headings).toEqual([
      { depth: 2, text: 'A', anchor: 'a' },
      { depth: 3, text: 'B', anchor: 'b' },
    ]);
  });
});

describe('anchors', () => {
  it('dedupes repeated headings through the slugger', () => {
    expect(anchors('## Resolution\n\n## Resolution\n\n## Resolution')).toEqual(['resolution', 'resolution-1', 'resolution-2']);
  });

  it('ignores raw HTML anchors in headings', () => {
    const m = sectionsOf('## <a id="fix"></a>Resolution');
    expect(m.sections[0]).toMatchObject({ anchor: 'resolution', title: 'Resolution', role: 'solution' });
  });

  it('gives an empty heading the fallback anchor', () => {
    const m = sectionsOf('##\n\ntext under an empty heading\n\n## \n');
    expect(m.sections.map((s) => [s.anchor, s.title, s.role])).toEqual([
      ['section', '', 'other'],
      ['section-1', '', 'other'],
    ]);
  });

  it('never lets a heading take the intro anchor', () => {
    const ids = anchors('Intro text.\n\n## Intro\n\n## Intro');
    expect(ids[0]).toBe('intro');
    expect(new Set(ids).size).toBe(3);
  });

  it('stays unique with a slug function that does not dedupe', () => {
    const m = buildSections(parse('## A\n\n## A\n\n## A'), () => 'same');
    expect(new Set(m.sections.map((s) => s.anchor)).size).toBe(3);
  });

  it('survives a slug function that throws', () => {
    const m = buildSections(parse('## A\n\n## B'), () => {
      throw new Error('boom');
    });
    expect(m.sections).toHaveLength(2);
    expect(new Set(m.sections.map((s) => s.anchor)).size).toBe(2);
  });
});

describe('roles and linking', () => {
  it('leaves other children of a solution as other, nested under it', () => {
    const m = sectionsOf('## Resolution\n\nDo this.\n\n### Verify\n\nCheck it.');
    expect(m.sections[1]).toMatchObject({ anchor: 'verify', role: 'other', parent: 'resolution' });
  });

  it('prefers Symptoms over a Summary for the problem, and More information over Status', () => {
    const m = sectionsOf('## Summary\n\nShort.\n\n## Symptoms\n\nLong.\n\n## Status\n\nKnown.\n\n## More information\n\nMore.');
    expect(m.problem).toBe('symptoms');
    expect(m.moreInformation).toBe('more-information');
    expect(m.summary).toBe('Long.');
  });

  it('falls back to a weak form when it is the only one', () => {
    const m = sectionsOf('## Summary\n\nWhat this is about.\n\n## Status\n\nConfirmed.');
    expect(m.problem).toBe('summary');
    expect(m.moreInformation).toBe('status');
  });

  it('does not link a solution that comes before any cause', () => {
    const m = sectionsOf('## Workaround\n\nA.\n\n## Cause\n\nB.');
    expect(m.solutions).toEqual([{ anchor: 'workaround', cause: null, steps: [] }]);
  });

  it('links several solutions after a single cause to it', () => {
    const m = sectionsOf('## Cause\n\nB.\n\n## Resolution\n\nA.\n\n## Workaround\n\nC.');
    expect(m.solutions.map((s) => s.cause)).toEqual(['cause', 'cause']);
  });

  it('links nothing when two causes are followed by one unnumbered resolution', () => {
    const m = sectionsOf('## Cause 1\n\nA.\n\n## Cause 2\n\nB.\n\n## Resolution\n\nC.');
    expect(m.solutions).toEqual([{ anchor: 'resolution', cause: null, steps: [] }]);
  });

  it('links to the nearest enclosing cause through other sections', () => {
    const m = sectionsOf('## Cause 1\n\nA.\n\n### Details\n\nB.\n\n#### Resolution\n\nC.\n\n## Cause 2\n\nD.');
    expect(m.solutions).toEqual([{ anchor: 'resolution', cause: 'cause-1', steps: [] }]);
  });

  it('gives a non-troubleshooting article no problem, causes or solutions', () => {
    const m = sectionsOf('# Guide\n\nAbout this guide.\n\n## Overview\n\nText.\n\n## Step 1: Install\n\n1. Run setup.');
    expect([m.problem, m.causes, m.solutions, m.moreInformation]).toEqual([null, [], [], null]);
    expect(m.sections.map((s) => s.role)).toEqual(['intro', 'other', 'other']);
  });
});

describe('steps', () => {
  it('takes the first ordered list, not a bullet list before it', () => {
    const m = sectionsOf('## Resolution\n\n- a note\n- another\n\n1. First  \n2. **Second** step\n\nThen:\n\n1. Not this list');
    expect(m.solutions[0].steps).toEqual(['First', 'Second step']);
  });

  it('keeps nested content of a step as plain text', () => {
    const m = sectionsOf('## Resolution\n\n1. Run this:\n\n   ```\n   reset --all\n   ```\n\n2. Restart.');
    expect(m.solutions[0].steps).toEqual(['Run this: reset --all', 'Restart.']);
  });

  it('falls back to the first ordered list of a non-solution subsection', () => {
    const m = sectionsOf('## Workaround\n\nDo this:\n\n### Windows\n\n1. Open settings.\n2. Save.');
    expect(m.solutions[0].steps).toEqual(['Open settings.', 'Save.']);
  });

  it(`keeps at most ${MAX_STEPS} steps`, () => {
    const list = Array.from({ length: 80 }, (_, i) => `${i + 1}. Step number ${i + 1}`).join('\n');
    const steps = sectionsOf(`## Resolution\n\n${list}`).solutions[0].steps;
    expect(steps).toHaveLength(MAX_STEPS);
    expect(steps[0]).toBe('Step number 1');
  });
});

describe('summary', () => {
  it('skips metadata lines, alerts and images, and collapses whitespace', () => {
    const md = '_Applies to:_ Product X  \n_Original KB number:_ 123\n\n> [!NOTE]\n> Not this.\n\n![pic](a.png)\n\nThe   real\nsummary.\n\n## Resolution\n\nFix.';
    expect(sectionsOf(md).summary).toBe('The real summary.');
  });

  it('keeps the non-metadata lines of a mixed paragraph', () => {
    expect(sectionsOf('_Applies to:_ Product X\nThe app closes at start.').summary).toBe('The app closes at start.');
  });

  it('uses a paragraph of a problem subsection when the problem has none of its own', () => {
    expect(sectionsOf('Intro.\n\n## Symptoms\n\n### Symptom 1\n\nThe fan is loud.').summary).toBe('The fan is loud.');
  });

  it(`cuts long text at a word boundary within ${SUMMARY_MAX} characters`, () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const s = sectionsOf(`## Symptoms\n\n${words}`).summary;
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s.endsWith('…')).toBe(true);
    expect(words.startsWith(s.slice(0, -1))).toBe(true);
    expect(words[s.length - 1]).toBe(' '); // the cut falls right before a space
  });

  it('is empty when there is no paragraph at all', () => {
    expect(sectionsOf('## A\n\n- list only\n\n```\ncode\n```').summary).toBe('');
  });
});

describe('degenerate input', () => {
  it('handles an empty root', () => {
    const m = buildSections({ type: 'root', children: [] }, createSlugger().slug);
    expect(m).toEqual({ title: null, sections: [], problem: null, causes: [], solutions: [], moreInformation: null, headings: [], summary: '', inferred: [], fallbacks: [] });
  });

  it('handles a root without children', () => {
    expect(() => buildSections({ type: 'root' } as unknown as Root, createSlugger().slug)).not.toThrow();
  });

  it('handles headings only', () => {
    const m = sectionsOf('# T\n## Symptoms\n## Cause\n## Resolution');
    expect(m.problem).toBe('symptoms');
    expect(m.causes).toEqual(['cause']);
    expect(m.solutions).toEqual([{ anchor: 'resolution', cause: 'cause', steps: [] }]);
    expect(m.summary).toBe('');
  });

  it('handles deep nesting', () => {
    const md = Array.from({ length: 300 }, (_, i) => `${'#'.repeat(2 + (i % 5))} Level ${i}\n\ntext ${i}`).join('\n\n');
    const m = sectionsOf(md);
    expect(m.sections).toHaveLength(300);
    expect(m.sections[4].parent).toBe(m.sections[3].anchor);
  });

  it('handles 2,000 alternating cause and resolution sections quickly', () => {
    const md = Array.from({ length: 1000 }, (_, i) => `## Cause ${i}\n\nc${i}\n\n## Resolution ${i}\n\n1. step ${i}`).join('\n\n');
    const tree = parse(md);
    const t0 = performance.now();
    const m = buildSections(tree, createSlugger().slug);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(m.sections).toHaveLength(2000);
    expect(m.solutions[999]).toEqual({ anchor: 'resolution-999', cause: 'cause-999', steps: ['step 999'] });
  });
});

describe('author anchors in headings', () => {
  it('keeps <a id> / <a name> inside a heading as aliases of the section', async () => {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const { buildSections } = await import('../../../src/core/sections/build-sections');
    const { createSlugger } = await import('../../../src/core/slug');
    const tree = unified().use(remarkParse).parse('## <a id="error4"></a>Error 4 details\n\nText.\n\n## <a name="x.y"></a> Other\n\nMore.\n');
    const model = buildSections(tree, createSlugger().slug);
    expect(model.sections.map((s) => s.aliases ?? [])).toEqual([['error4'], ['x.y']]);
  });
});
