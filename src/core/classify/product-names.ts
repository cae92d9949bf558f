/**
 * One name per product. Authors write the same product many ways ("Windows 10 – all editions",
 * "Window 10 - all editions", "Windows 10, version 1809"); each rule below is one way, rewritten
 * to the product it names. Rules run in order, each once, on the name as the previous rule left it.
 */

export interface NameRule {
  /** What the rule folds, for tests and docs. */
  name: string;
  pattern: RegExp;
  replace: string;
}

/** Words that name an edition of a product rather than another product. */
const EDITION = String.raw`(?:standard|datacenter|enterprise|essentials|foundation|developer|web|express|pro|professional|education|ultimate|starter|home basic|home premium|core|n|multi-session|business intelligence|iot|linux|windows)(?: edition)?`;

export const PRODUCT_RULES: readonly NameRule[] = [
  { name: 'dashes and spaces', pattern: /\s*[\u2010-\u2015]\s*|\s+-\s+/g, replace: ' - ' },
  { name: 'a misspelt Windows', pattern: /^(?:Microsoft )?Windows?(?= )/i, replace: 'Windows' },
  { name: '"Windows Servers" for the product', pattern: /^Windows Servers\b/, replace: 'Windows Server' },
  { name: '"supported versions of X", "all versions of X"', pattern: /^(?:all\s+)?(?:supported\s+)?versions\s+of\s+(.+)$/i, replace: '$1' },
  { name: '"all X versions"', pattern: /^all\s+(.+?)\s+versions$/i, replace: '$1' },
  { name: '"X all versions", "X (all supported versions)"', pattern: /\s*[(,-]?\s*\(?all (?:supported )?versions\)?$/i, replace: '' },
  { name: 'all editions', pattern: /\s*(?:[,-]\s*|\()?all (?:editions|SACs)\)?$/i, replace: '' },
  { name: '"and later versions"', pattern: /,?\s+and (?:later|earlier) versions?\b.*$/i, replace: '' },
  { name: 'a version of a release', pattern: /,?\s+version\s+\S+.*$/i, replace: '' },
  { name: 'a service pack or update', pattern: /\s+(?:service pack|SP)\s*\d+.*$|\s+CU\d+$/i, replace: '' },
  { name: 'the platform it runs on', pattern: /\s+(?:on|for) (?:Windows|Linux)\b.*$|\s+released in .*$/i, replace: '' },
  // Only after a version: "Microsoft Windows" and ".NET Core" are products, not editions.
  { name: 'an edition after the version', pattern: new RegExp(String.raw`(\d\S*)(?:\s+${EDITION})+$`, 'i'), replace: '$1' },
  { name: 'an edition before the version', pattern: new RegExp(String.raw`^(Windows Server) ${EDITION} (\d{4})$`, 'i'), replace: '$1 $2' },
  { name: 'a processor architecture', pattern: /\s*\((?:32|64)-bit[^)]*\)$/i, replace: '' },
  { name: 'a trailing period or space', pattern: /[\s.]+$/, replace: '' },
];

/** Applies the rules to one name. */
export function foldProductName(name: string, rules: readonly NameRule[] = PRODUCT_RULES): string {
  let out = name.replace(/\s+/g, ' ').trim();
  for (const r of rules) {
    r.pattern.lastIndex = 0;
    const next = out.replace(r.pattern, r.replace).trim();
    if (next) out = next;
  }
  return out;
}

/**
 * Version words at the end of a product name: a year, a number, a release name. What is left is
 * the family ("Windows Server 2019" → "Windows Server", "Windows 10" → "Windows").
 */
const VERSION_TAIL = /\s+(?:(?:19|20)\d\d(?:\s+R\d)?|\d{1,2}(?:\.\d+)*(?:\s+R\d)?|R\d|XP|Vista|RT|ME|\d{2}H\d|\(current branch\))$/i;

/** The family a product belongs to: the product without its version. */
export function productFamily(product: string): string {
  let out = product;
  for (let next = out.replace(VERSION_TAIL, ''); next !== out && next.length > 0; next = out.replace(VERSION_TAIL, '')) out = next;
  return out;
}

/** The key two spellings of one name share: case, dashes, spacing, punctuation and a vendor's name before the product's folded. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#.]+/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^microsoft (?=[a-z])/, '');
}
