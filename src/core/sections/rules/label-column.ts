/** Rule `label-column`: tables with a Cause or a Mitigation column. */
import type { RootContent } from 'mdast';
import { normalizeHeading } from '../heading-forms';
import { plainText } from '../../markdown/plain-text';
import type { FoundAs, SectionRule } from './rule';
import { wordCount } from './text';

export interface LabelColumnForm {
  name: string;
  as: FoundAs;
  /** Matched against the whole normalized header cell. */
  pattern: RegExp;
}

/**
 * Header cells of code and event tables. A bare "Action" is left out on purpose: firewall and
 * timeline tables use it for Allow/Deny and events.
 */
export const LABEL_COLUMN_FORMS: readonly LabelColumnForm[] = [
  { name: 'cause', as: 'cause', pattern: /^(?:(?:possible|probable|likely|root) )?causes?$|^reasons?$/ },
  { name: 'mitigation', as: 'solution', pattern: /^(?:mitigations?|resolutions?|solutions?|workarounds?|fix(?:es)?|remediation|(?:mitigation|resolution|remediation|solution|fix) steps|(?:recommended|suggested|user|corrective) actions?)$/ },
];

/** A column of single words ("Allow", "1080p") is data, not a cause or a fix. */
const LABEL_COLUMN_MIN_WORDS = 3;

/** What the tables among `nodes` (top level only) say the section holds, through their header cells. */
export function labelledColumns(nodes: RootContent[]): Set<FoundAs> {
  const found = new Set<FoundAs>();
  for (const n of nodes) {
    if (n.type !== 'table' || n.children.length < 2) continue;
    const header = n.children[0].children.map((c) => normalizeHeading(plainText(c)));
    const body = n.children.slice(1);
    header.forEach((cell, col) => {
      const form = LABEL_COLUMN_FORMS.find((f) => f.pattern.test(cell));
      if (!form) return;
      const words = body.map((row) => (row.children[col] ? wordCount(plainText(row.children[col])) : 0));
      if (words.reduce((a, b) => a + b, 0) / words.length >= LABEL_COLUMN_MIN_WORDS) found.add(form.as);
    });
  }
  return found;
}

export const labelColumnRule: SectionRule = {
  name: 'label-column',
  troubleshootingOnly: false,
  onlyWithoutSolution: false,
  onlyWithoutCause: false,
  description:
    'A section (or the intro) holding a table with a Cause / Possible cause column is a cause, one with a Mitigation / Mitigation steps / Resolution / Solution / Workaround column of sentences a solution (code tables).',
  apply(ctx) {
    ctx.addLabelled('label-column', labelledColumns);
  },
};
