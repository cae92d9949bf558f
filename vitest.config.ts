import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Modules that pages import get the configuration the integration serves as a virtual module.
  resolve: { alias: { 'virtual:kb/config': fileURLToPath(new URL('./tests/helpers/kb-config.ts', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
