import { isRecord, scalarText, scalarTexts, uniqueBy } from './values';
import { humanizeSlug } from '../classify/area-names';

/** Marks an `ms.custom` entry as a support-area path: `sap:Sharing\Sharing links`. */
const SAP_PREFIX = /^\s*sap\s*:\s*/i;

/**
 * `ms.custom` tags that stand beside a `sap:` entry. Anything after a comma that is not one of
 * these continues the support-area name, which often contains commas itself
 * (`sap:Installation, Patching and Upgrade`, `sap:Replication, change tracking, change data capture`).
 */
const TAG_FORMS: readonly RegExp[] = [
  /^[a-z]{2,4}:/i, // another prefixed entry: sap:, pcy:, …
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/, // lower-case slugs: csstroubleshoot, devx-track-azurecli, has-adal-ref
  /^(?:csstroubleshoot(?:ing)?|evergreen|ikb2lmc|canvas)$/i,
  /^kb\d+$/i,
  /^ci\s+\d+$/i,
  /^[A-Za-z]+\d+[A-Za-z0-9]*$/, // campaign tags such as H1Hack27Feb2017
];

/** `ms.custom` (list, comma string, one-line form or missing) → each `sap:` entry as a hierarchy path. */
export function normalizeSupportAreas(msCustom: unknown): string[][] {
  const entries = customEntries(msCustom);
  const paths = entries
    .filter((e) => SAP_PREFIX.test(e))
    .map((e) =>
      e
        .replace(SAP_PREFIX, '')
        .split('\\')
        .map((p) => p.replace(/\s+/g, ' ').trim())
        // Older articles write areas as URL slugs (`sap:active-directory-backup`); a lone word stays as written.
        .map((p) => (p.includes('-') ? humanizeSlug(p) : p))
        .filter(Boolean),
    )
    .filter((p) => p.length > 0);
  return uniqueBy(paths, (p) => p.join('\\').toLowerCase());
}

/** Every `ms.custom` entry as text, a comma string split into its entries. */
export function customEntries(msCustom: unknown): string[] {
  if (isRecord(msCustom)) {
    // `ms.custom:` followed by `  sap: Path` parses as a mapping.
    return Object.entries(msCustom).flatMap(([k, v]) => {
      const text = scalarText(v);
      return text ? splitCustomString(`${k}: ${text}`) : [];
    });
  }
  return scalarTexts(msCustom).flatMap(splitCustomString);
}

/** Split on commas outside parentheses; a part that is not tag-like continues the entry before it. */
function splitCustomString(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    if ((ch === ',' || ch === '\n') && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);

  const out: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const last = out[out.length - 1];
    if (last !== undefined && SAP_PREFIX.test(last) && !TAG_FORMS.some((re) => re.test(part))) out[out.length - 1] = `${last}, ${part}`;
    else out.push(part);
  }
  return out;
}
