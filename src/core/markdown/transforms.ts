import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { MarkdownContext } from './context';
import { transformAlerts } from './extensions/alerts';
import { transformDivs } from './extensions/div';
import { transformImages } from './extensions/images';
import { markIncludes, resolveIncludes } from './extensions/includes';
import { transformLinks } from './extensions/links';
import { transformMdxComponents } from './extensions/mdx-components';
import { transformMonikerZones } from './extensions/moniker-zone';
import { transformNoLoc } from './extensions/no-loc';
import { transformRawPlaceholders } from './extensions/raw-placeholders';
import { transformTabs } from './extensions/tabs';
import { transformXrefs } from './extensions/xref';

type Transform = (tree: Root, ctx: MarkdownContext) => void;
/** name, transform, and a cheap test on the raw source: when it fails the syntax is absent and the tree walk is skipped. */
type Step = readonly [string, Transform, RegExp | null];

/**
 * The DocFX extensions, in the order they must run. Includes are marked first (so nothing rewrites
 * their paths) and spliced last (their content went through this same list in its own file, with
 * paths relative to that file). Links run before images so lightbox links to assets stay as built.
 */
export const DOCFX_TRANSFORMS: ReadonlyArray<Step> = [
  ['include-mark', markIncludes, /\[!include/i],
  ['raw-placeholders', transformRawPlaceholders, /</],
  ['alerts', transformAlerts, /\[!/],
  ['div', transformDivs, /\[!(div|video)/i],
  ['tabs', transformTabs, /#tab\//i],
  ['moniker-zone', transformMonikerZones, /:::\s*(moniker|zone)/i],
  ['xref', transformXrefs, /xref:/i],
  ['no-loc', transformNoLoc, /:::no-loc/i],
  ['links', transformLinks, null],
  ['images', transformImages, /!\[|:::image/i],
  ['include-resolve', resolveIncludes, /\[!include/i],
];

export const MDX_TRANSFORMS: ReadonlyArray<Step> = [['mdx-components', transformMdxComponents, null], ...DOCFX_TRANSFORMS];

/** Each transform as a unified plugin; the per-file context travels in `file.data.kb`, so processors are built once. */
export function asPlugin(transform: Transform) {
  return () => (tree: Root, file: VFile) => transform(tree, file.data.kb!);
}

/** Plugin running a whole list (one name in stack traces, one place for the order). */
export function remarkDocfx(list: ReadonlyArray<Step> = DOCFX_TRANSFORMS) {
  return () => (tree: Root, file: VFile) => {
    const source = file.data.kb!.source;
    for (const [name, transform, gate] of list) {
      if (gate && !gate.test(source)) continue;
      try {
        transform(tree, file.data.kb!);
      } catch (e) {
        // A bug in one extension must not lose the article: report and go on with the others.
        file.data.kb!.sink.error('markdown-extension-failed', `The ${name} step failed (${(e as Error).message}); its markup may show as plain text.`);
      }
    }
  };
}
