import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionsOf } from './helpers';

/** Markdown-ish lines: headings from the known forms, odd headings, lists, quotes, HTML, noise. */
const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('Symptoms', 'Cause 1', 'Cause', 'Resolution 1', 'Method 2: x', 'Intro', 'intro', 'section', '', 'More information', 'Status', 'Résumé', '**Cause**:', '<a id="x"></a>Fix'))
    .map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.constantFrom('**Resolution**', '**Cause 1:** why', 'Explanation: x', 'Action: y', 'To resolve this issue, z', '## Step 1: a', '## How to fix it', '1. step', '2. next', '- item', '> [!NOTE]', '> quoted', '```', '<!-- c -->', '', '---', '| a | b |', '|---|---|', '_Applies to:_ X', '![i](x.png)'),
  fc.string({ maxLength: 40 }),
);
const markdown = fc.oneof(fc.string({ maxLength: 300 }), fc.array(line, { maxLength: 40 }).map((ls) => ls.join('\n')));

describe('buildSections properties', () => {
  it('never throws, keeps anchors unique and references only existing sections', () => {
    fc.assert(
      fc.property(markdown, fc.boolean(), (md, troubleshooting) => {
        const m = sectionsOf(md, { troubleshooting });
        const ids = m.sections.map((s) => s.anchor);
        expect(new Set(ids).size).toBe(ids.length);
        const known = new Set(ids);
        for (const s of m.sections) if (s.parent !== null) expect(known.has(s.parent)).toBe(true);
        for (const a of [m.problem, m.moreInformation, ...m.causes, ...m.solutions.flatMap((s) => [s.anchor, s.cause])]) {
          if (a !== null) expect(known.has(a)).toBe(true);
        }
        expect(m.summary.length).toBeLessThanOrEqual(300);
        // Inferred anchors are causes or solutions, and every fallback names a real section.
        const found = new Set([...m.causes, ...m.solutions.map((s) => s.anchor)]);
        for (const a of m.inferred) expect(found.has(a)).toBe(true);
        for (const f of m.fallbacks) expect(known.has(f.anchor)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
