import { scalarTexts } from './values';

/** Topic used when `ms.topic` is missing or unreadable (the Learn platform default). */
export const DEFAULT_TOPIC = 'article';

/** Spellings folded onto the platform's canonical `ms.topic` values (keys already lower-case, hyphenated). */
const TOPIC_ALIASES: Readonly<Record<string, string>> = {
  troubleshoot: 'troubleshooting',
  'trouble-shooting': 'troubleshooting',
  troubleshooter: 'troubleshooting',
  howto: 'how-to',
  'how-to-guide': 'how-to',
  concept: 'conceptual',
  concepts: 'conceptual',
  includes: 'include',
  landingpage: 'landing-page',
  landing: 'landing-page',
  overview: 'overview',
  // A sub-type the platform shows as plain troubleshooting.
  'troubleshooting-problem-resolution': 'troubleshooting',
};

/**
 * Topics that make a page a troubleshooting article: `troubleshooting` itself and its sub-types
 * such as `troubleshooting-problem-resolution`, `troubleshooting-general`, `troubleshooting-known-issue`.
 */
const TROUBLESHOOTING_TOPICS: readonly RegExp[] = [/^troubleshooting$/, /^troubleshooting-[a-z0-9-]+$/, /^known-issue$/];

export function normalizeTopic(raw: unknown): { topic: string; isTroubleshooting: boolean } {
  const first = scalarTexts(raw)[0];
  const spelled = (first ?? '').toLowerCase().replace(/[\s_]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const topic = spelled ? (TOPIC_ALIASES[spelled] ?? spelled) : DEFAULT_TOPIC;
  return { topic, isTroubleshooting: TROUBLESHOOTING_TOPICS.some((re) => re.test(topic)) };
}
