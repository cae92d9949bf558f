// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { kbIntegration } from './src/integration/kb-integration.ts';

export default defineConfig({
  integrations: [mdx(), kbIntegration()],
  trailingSlash: 'always',
  build: { format: 'directory' },
});
