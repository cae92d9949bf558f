import fs from 'node:fs';
import path from 'node:path';

/** Documents a browser runs as pages of our origin when opened directly: never copied. */
const DOCUMENT = /\.(html?|xhtml?|xht|shtml|mht(ml)?)$/i;
/** Images/data that are documents too (SVG, XML): copied only when they hold nothing that runs. */
const SCRIPTABLE = /\.(svgz?|xml|xsl|xslt)$/i;
const ACTIVE_MARKUP = /<\s*(?:[a-z]+:)?(script|foreignObject|iframe|embed|object|handler)\b|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):|<\?xml-stylesheet/i;

/**
 * Why an asset referenced by an article must not be copied into the site, or null when it is fine.
 * A same-origin HTML page or an SVG with a script would run code the site's authors never reviewed
 * (hosts without our `_headers` serve them without a CSP).
 */
export function refusedAssetReason(root: string, asset: string): string | null {
  if (DOCUMENT.test(asset)) return `${asset} is an HTML document; it would run as a page of this site, so it was not copied.`;
  if (!SCRIPTABLE.test(asset)) return null;
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, asset), 'latin1');
  } catch {
    return null; // missing files are reported where they are referenced
  }
  const hit = ACTIVE_MARKUP.exec(text);
  return hit ? `${asset} contains active content (${hit[0].trim().slice(0, 40)}); it was not copied, so the reference is broken.` : null;
}
