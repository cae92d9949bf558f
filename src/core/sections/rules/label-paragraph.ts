/** Rule `label-paragraph`: `Explanation:` / `Action:` paragraphs of error and event catalogs. */
import type { RootContent } from 'mdast';
import { plainText } from '../../markdown/plain-text';
import type { FoundAs, SectionRule } from './rule';
import { sectionParagraphs } from './text';

export interface LabelForm {
  name: string;
  as: FoundAs;
  /** Matched against the start of the paragraph's plain text. */
  pattern: RegExp;
}

/** Labels that open a paragraph in error and event catalogs (`Explanation: …`, `User Action: …`). */
export const LABEL_FORMS: readonly LabelForm[] = [
  { name: 'explanation', as: 'cause', pattern: /^explanation\s*:/i },
  { name: 'cause', as: 'cause', pattern: /^(?:possible |probable |root )?causes?\s*:/i },
  { name: 'reason', as: 'cause', pattern: /^reasons?\s*:/i },
  { name: 'user-action', as: 'solution', pattern: /^(?:user |recommended |corrective |suggested )?actions?\s*:/i },
  { name: 'resolution', as: 'solution', pattern: /^(?:resolutions?|solutions?|fix|workaround)\s*:/i },
];

const BARE_ACTION = /^actions?\s*:/i;

/** What the label paragraphs among `nodes` (top level and top-level list items) say the section holds. */
export function labelledKinds(nodes: RootContent[]): Set<FoundAs> {
  const found = new Set<FoundAs>();
  const top = new Set(nodes);
  for (const n of sectionParagraphs(nodes, true)) {
    const text = plainText(n);
    // A bare "Action:" bullet describes a rule (firewall and policy listings: "- Action: Allow").
    if (!top.has(n) && BARE_ACTION.test(text)) continue;
    for (const form of LABEL_FORMS) if (form.pattern.test(text)) found.add(form.as);
  }
  return found;
}

export const labelParagraphRule: SectionRule = {
  name: 'label-paragraph',
  troubleshootingOnly: false,
  onlyWithoutSolution: false,
  onlyWithoutCause: false,
  description:
    'A section (or the intro) holding `Explanation:` / `Cause:` paragraphs is a cause, one holding `Action:` / `User Action:` / `Suggested actions:` / `Resolution:` paragraphs a solution (error and event catalogs); the labels may open the bullets of a top-level list, except a bare `Action:` (rule listings).',
  apply(ctx) {
    ctx.addLabelled('label-paragraph', labelledKinds);
  },
};
