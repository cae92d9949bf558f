import { defaultSchema, type Schema } from 'hast-util-sanitize';

const base = defaultSchema.attributes ?? {};
type AttributeRule = NonNullable<Schema['attributes']>[string][number];
const nameOf = (rule: AttributeRule) => (typeof rule === 'string' ? rule : rule[0]);

/** Default rules of `tag` plus ours; ours win for the same attribute (a second `className` rule would be ignored). */
function extend(tag: string, ...ours: AttributeRule[]): AttributeRule[] {
  const replaced = new Set(ours.map(nameOf));
  return [...(base[tag] ?? []).filter((r) => !replaced.has(nameOf(r))), ...ours];
}

/**
 * GitHub-style allow-list plus what our extensions emit. Ids are kept as written (no
 * `user-content-` prefix): article anchors are linked from elsewhere and must stay stable.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'section', 'details', 'summary', 'kbd', 'u', 'mark', 'abbr', 'caption', 'colgroup', 'col'],
  // Removed together with their content (not just unwrapped): their text is code or CSS, never prose.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'textarea', 'select', 'applet', 'frame', 'frameset', 'svg', 'math'],
  attributes: {
    ...base,
    a: extend('a', ['className', 'xref', 'lightbox', 'data-footnote-backref'], 'id', 'name', 'title'),
    code: [['className', /^[a-z0-9_-]+$/i]],
    pre: [['className', /^[a-z0-9_-]+$/i]],
    span: [['className', /^[a-z0-9_-]+$/i]],
    div: extend('div', ['className', /^[a-z0-9_-]+$/i], ['role', 'note'], 'data*'),
    section: extend('section', ['className', 'tab', 'footnotes'], 'data*'),
    p: [['className', 'alert-title', 'moniker-label', 'zone-label']],
    h4: [['className', 'tab-title']],
    img: extend('img', ['className', 'icon', 'border'], ['loading', 'lazy'], 'alt', 'title', 'width', 'height'),
    figure: [['className', 'image', 'complex']],
    details: [['className', 'image-description'], 'open'],
    summary: extend('summary', ['className', 'image-description-title']),
  },
};
