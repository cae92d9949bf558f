import GithubSlugger from 'github-slugger';

/** One slugger per article: heading anchors must be unique within a page and identical in model and HTML. */
export function createSlugger(): { slug(text: string): string } {
  const slugger = new GithubSlugger();
  // Text with no sluggable characters gets a readable, still-unique anchor.
  return { slug: (text: string) => slugger.slug(/[\p{L}\p{N}]/u.test(text) ? text : 'section') || slugger.slug('section') };
}

/** URL path for an article from its source path: lower-case, stable, extension dropped. */
export function urlForSource(source: string): string {
  const noExt = source.replace(/\.(md|mdx|markdown)$/i, '');
  const parts = noExt.split('/').map((p) =>
    p.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || '_',
  );
  if (parts[parts.length - 1] === 'index' && parts.length > 1) parts.pop();
  return '/' + parts.join('/') + '/';
}
