/**
 * Size limits, as a named table. Past a soft limit an article gets a warning naming the size and
 * the limit; past a hard one it is still published, cut at the limit, with a note on the page.
 */
export const SIZE_LIMITS = {
  /** Characters of the title. */
  title: { soft: 300, hard: 1_000 },
  /** Characters of the front matter's description. */
  description: { soft: 2_000, hard: 10_000 },
  /** Characters of the article's rendered HTML, all sections together. */
  page: { soft: 2_000_000, hard: 8_000_000 },
} as const;

export type LimitName = keyof typeof SIZE_LIMITS;

const fmt = (n: number): string => n.toLocaleString('en-US');

/** A field's text within its limits, and the diagnostic to give when it was not. */
export function limitText(name: LimitName, text: string): { text: string; problem: { code: string; reason: string } | null } {
  const { soft, hard } = SIZE_LIMITS[name];
  if (text.length <= soft) return { text, problem: null };
  if (text.length <= hard) return { text, problem: { code: 'size-large', reason: `The ${name} is ${fmt(text.length)} characters, over the ${fmt(soft)} this site expects; it is published as it is.` } };
  return { text: text.slice(0, hard - 1) + '…', problem: { code: 'size-truncated', reason: `The ${name} is ${fmt(text.length)} characters, over the limit of ${fmt(hard)}; it was cut at the limit.` } };
}
