import { describe, expect, it } from 'vitest';
import { FALLBACK_RULES, runSectionRules } from '../../../src/core/sections/fallback-rules';
import { outlineOf } from '../../../src/core/sections/outline';
import { createRuleContext } from '../../../src/core/sections/rule-context';
import type { RuleContext, SectionRule } from '../../../src/core/sections/rules/rule';
import { indexChildren, pickPreferred } from '../../../src/core/sections/section-tree';
import { createSlugger } from '../../../src/core/slug';
import { parse } from './helpers';

function contextOf(md: string, troubleshooting: boolean): RuleContext {
  const { title, intro, work } = outlineOf(parse(md), createSlugger().slug);
  return createRuleContext({ work, childrenOf: indexChildren(work), problem: pickPreferred(work, 'problem'), moreInformation: null, intro, troubleshooting, title });
}

/** A rule that records that it ran, and may mark the first section a solution or a cause. */
function probe(gates: Pick<SectionRule, 'troubleshootingOnly' | 'onlyWithoutSolution' | 'onlyWithoutCause'>, ran: string[], label: string, finds?: 'cause' | 'solution'): SectionRule {
  return {
    name: 'fix-sentence',
    description: label,
    ...gates,
    apply(ctx) {
      ran.push(label);
      const w = ctx.work[0];
      if (finds === 'solution') ctx.inferSolution(w, 'fix-sentence');
      if (finds === 'cause') ctx.add(ctx.causes, w, 'cause', 'cause-sentence');
    },
  };
}

const ARTICLE = '# Sync stops\n\n## Details\n\nThe sync stops at night.\n\n## Notes\n\nNothing else.\n';
const open = { troubleshootingOnly: false, onlyWithoutSolution: false, onlyWithoutCause: false };

describe('the rule table runs itself', () => {
  it('lists every rule once, each with a description', () => {
    expect(new Set(FALLBACK_RULES.map((r) => r.name)).size).toBe(FALLBACK_RULES.length);
    for (const r of FALLBACK_RULES) expect(r.description.length).toBeGreaterThan(40);
  });

  it('skips troubleshooting-only rules outside troubleshooting articles', () => {
    const ran: string[] = [];
    const rules = [probe({ ...open, troubleshootingOnly: true }, ran, 'ts'), probe(open, ran, 'any')];
    runSectionRules(contextOf(ARTICLE, false), rules);
    expect(ran).toEqual(['any']);
    runSectionRules(contextOf(ARTICLE, true), rules);
    expect(ran).toEqual(['any', 'ts', 'any']);
  });

  it('stops the solution rules once one found a solution, in table order', () => {
    const ran: string[] = [];
    const gate = { ...open, onlyWithoutSolution: true };
    const ctx = contextOf(ARTICLE, true);
    runSectionRules(ctx, [probe(gate, ran, 'first'), probe(gate, ran, 'second', 'solution'), probe(gate, ran, 'third')]);
    expect(ran).toEqual(['first', 'second']);
    expect([...ctx.solutions].map((w) => w.anchor)).toEqual(['details']);
    expect(ctx.fallbacks).toEqual([{ anchor: 'details', as: 'solution', rule: 'fix-sentence' }]);
  });

  it('skips a cause rule once a cause is known, from a heading form or a rule before', () => {
    const ran: string[] = [];
    const gate = { ...open, onlyWithoutCause: true };
    runSectionRules(contextOf(ARTICLE, true), [probe(open, ran, 'finds a cause', 'cause'), probe(gate, ran, 'cause rule')]);
    expect(ran).toEqual(['finds a cause']);
    runSectionRules(contextOf('# T\n\n## Cause\n\nA stale cache.\n', true), [probe(gate, ran, 'after a heading form')]);
    expect(ran).toEqual(['finds a cause']);
  });
});
