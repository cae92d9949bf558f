// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { kbIntegration } from './src/integration/kb-integration.ts';

export default defineConfig({
  integrations: [mdx(), kbIntegration()],
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Scripts must be files, never inline: the site's CSP allows only script-src 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
