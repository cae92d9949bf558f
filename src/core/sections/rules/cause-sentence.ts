/** Rule `cause-sentence`: "This issue occurs because …" and the other forms of a stated cause. */
import type { RootContent } from 'mdast';
import { plainText } from '../../markdown/plain-text';
import { isReproductionHeading } from './article-signals';
import { procedureHeadingForm } from './procedure-headings';
import type { SectionRule } from './rule';
import { SENTENCE_SPLIT, sectionParagraphs } from './text';

export interface CauseSentenceForm {
  name: 'occurs-because' | 'by-design' | 'root-cause' | 'likely-reason' | 'reasons-list' | 'leads-to' | 'limitation';
  /** Matched against each sentence of a paragraph. */
  pattern: RegExp;
  /** Only in articles that state a problem (a limitation sentence alone is plain documentation). */
  needsProblem: boolean;
  /**
   * Also in the bullets of a list. Only forms that name the problem they explain: "This is by
   * design." or "X supports only Y" closing a bullet of a settings list is no cause.
   */
  inListItems: boolean;
}

const SUBJECT = '(?:this|the|these|that|such) (?:issues?|problems?|behaviou?rs?|errors?|failures?|conditions?|symptoms?|crash(?:es)?|warnings?|messages?)';

export const CAUSE_SENTENCE_FORMS: readonly CauseSentenceForm[] = [
  { name: 'occurs-because', pattern: new RegExp(`^${SUBJECT} (?:(?:can|may|might|will|typically|usually|generally) )?(?:occurs?|happens?|is caused|are caused|is triggered|results?|is expected to occur|exists?)(?: only)? (?:because|if|when|due to|by|from|after|on)\\b`, 'i'), needsProblem: false, inListItems: true },
  { name: 'occurs-because', pattern: /^(?:this|it) (?:occurs|happens) (?:because|when|if)\b/i, needsProblem: false, inListItems: true },
  { name: 'by-design', pattern: /(?:\b(?:is|are|was)|['’]s) (?:by[- ]design|(?:an? )?expected behaviou?r|(?:the )?intended behaviou?r|working as (?:designed|intended))\b|\bby[- ]design behaviou?r\b|\b(?:works|behaves) as (?:designed|intended)\b/i, needsProblem: false, inListItems: false },
  { name: 'root-cause', pattern: /^the (?:root |underlying |most common )?(?:cause|reason) (?:of|for) (?:this|the|these) .{0,80}?\b(?:is|are)\b/i, needsProblem: false, inListItems: true },
  // "A possible reason you might see this issue is …", "…, but the most common reason is …".
  { name: 'likely-reason', pattern: new RegExp(String.raw`^(?:an?|one|the) (?:possible|likely|probable|common|known|usual|main) (?:reason|cause)\b.{0,60}?\b${SUBJECT}\b.{0,40}?\b(?:is|are|was)\b|\b(?:reasons?|causes?|causing) (?:for |of )?${SUBJECT}.*\bthe most (?:common|likely|usual) (?:reason|cause) (?:is|was)\b`, 'i'), needsProblem: false, inListItems: true },
  // "The following are some reasons why X can be out of balance:" before the list of reasons.
  { name: 'reasons-list', pattern: /^(?:the following (?:are|is a list of) (?:some |several )?(?:of the )?(?:possible |common |known |likely )?(?:reasons|causes)\b|(?:this|the) (?:issue|problem|error|behaviou?r) (?:can|may|might) be caused by (?:one|any) of the following\b)/i, needsProblem: false, inListItems: true },
  // "There are two known scenarios that can lead to this result.", "A stale cache can cause this error."
  { name: 'leads-to', pattern: /\b(?:can|may|might|could|will|is known to) (?:lead to|cause|result in|trigger) (?:this|these) (?:results?|behaviou?rs?|issues?|problems?|errors?|symptoms?|failures?|conditions?|events?)\b/i, needsProblem: false, inListItems: true },
  { name: 'limitation', pattern: /\b(?:allows? only|supports? only|only (?:supports?|allows?)|(?:doesn't|does not|don't|do not|isn't|is not|aren't|are not|can't|cannot) (?:support(?:ed)?|allow(?:ed)?)\b)/i, needsProblem: true, inListItems: false },
];

/** The intro's description line: "This article discusses a by-design behavior where …". */
const DESCRIPTION_LINE = /^this (?:article|topic) (?:describes|discusses|explains|introduces|provides|lists|helps)\b/i;

export type CauseSentenceHit = 'here' | 'described';

/**
 * Whether a top-level paragraph among `nodes` holds a cause sentence: `here` when the cause is
 * explained in these nodes, `described` when only a "This article discusses a by-design behavior"
 * line names it (the explanation is elsewhere), null when neither.
 */
export function causeSentence(nodes: RootContent[], problemStated: boolean): CauseSentenceHit | null {
  let hit: CauseSentenceHit | null = null;
  const top = new Set(nodes);
  for (const n of sectionParagraphs(nodes, true)) {
    const inItem = !top.has(n);
    for (const sentence of plainText(n).split(SENTENCE_SPLIT)) {
      const form = CAUSE_SENTENCE_FORMS.find((f) => (problemStated || !f.needsProblem) && (!inItem || f.inListItems) && f.pattern.test(sentence));
      if (!form) continue;
      if (!DESCRIPTION_LINE.test(sentence)) return 'here';
      hit = 'described';
    }
  }
  return hit;
}

export const causeSentenceRule: SectionRule = {
  name: 'cause-sentence',
  troubleshootingOnly: true,
  onlyWithoutSolution: true,
  onlyWithoutCause: true,
  description:
    'The first section with a sentence that opens "This issue occurs because / when …", says the behavior is by design or expected, names the root cause or the likely reason for the issue, introduces a list of reasons, says something "can lead to this error", or (in an article that states a problem) a limitation ("X allows only one …", "X doesn\'t support …") is a cause; the sentence may stand in a bullet (not the by-design and limitation forms, nor bullets of an update list); a Symptoms/Issue section is never taken (it stays the problem), a Summary only last. A "by-design behavior" named only in the intro\'s "This article discusses …" line points to the More information section.',
  apply(ctx) {
    const { work, problem, intro, moreInformation } = ctx;
    const stated = ctx.problemStated();
    const candidates = work.filter((w) => w !== problem && !(ctx.isReferenceForm(w) && w.cls.form !== 'status') && !isReproductionHeading(w.title) && procedureHeadingForm(w.title) !== 'step');
    const hits = new Map<(typeof work)[number] | 'intro', CauseSentenceHit | null>();
    for (const w of candidates) hits.set(w, causeSentence(w.nodes, stated));
    if (intro) hits.set('intro', causeSentence(intro.nodes, stated));
    if (problem && ctx.isWeakProblem()) hits.set(problem, causeSentence(problem.nodes, stated));
    const here = candidates.find((w) => hits.get(w) === 'here') ?? (hits.get('intro') === 'here' ? 'intro' : problem && hits.get(problem) === 'here' ? problem : null);
    // Only a "This article discusses a by-design behavior" line: the KB's explanation section is the cause.
    const described = [...hits.values()].includes('described');
    const explanation = moreInformation?.cls.form === 'more-information' ? moreInformation : null;
    const pick = here ?? (described ? (explanation ?? (intro ? 'intro' : null)) : null);
    if (pick === 'intro') ctx.introCause = 'cause-sentence';
    else if (pick) {
      ctx.add(ctx.causes, pick, 'cause', 'cause-sentence');
      ctx.sentenceCauses.add(pick);
    }
  },
};
