/** Rule `kb-more-information`: the procedure of a "Summary + More information" KB article. */
import { normalizeHeading } from '../heading-forms';
import { descendants } from '../section-tree';
import { hasProcedure } from './procedures';
import type { SectionRule, Work } from './rule';

/**
 * Community-written KB articles (the MVP "Summary + Tips" shape, or Tips alone under a "How to …"
 * title) put the whole procedure under a top-level `## Tips`, where Microsoft-written KB articles say
 * More information. The KB rule reads such a section although Tips elsewhere is a side note.
 */
const KB_TIPS_HEADING = /^tips?$/;

export function isKbTipsHeading(title: string): boolean {
  return KB_TIPS_HEADING.test(normalizeHeading(title));
}

export const kbMoreInformationRule: SectionRule = {
  name: 'kb-more-information',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: false,
  description:
    'In the "Summary + More information" KB shape, the More information section is a solution when it holds a procedure; in the community KB shape ("Summary + Tips", or Tips alone) the top-level Tips section is read the same way.',
  apply(ctx) {
    const { work, moreInformation, childrenOf } = ctx;
    const tips = (w: Work) => w.parentIndex === null && isKbTipsHeading(w.title);
    const kb = moreInformation?.cls.form === 'more-information' ? moreInformation : work.find((w) => (w.parentIndex === null && !ctx.excluded(w) && w.role !== 'more-information') || tips(w));
    if (kb && (!ctx.excluded(kb) || tips(kb)) && hasProcedure([kb, ...descendants(kb, childrenOf)].flatMap((d) => d.nodes))) ctx.inferSolution(kb, 'kb-more-information');
  },
};
