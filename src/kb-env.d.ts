/** Set by the kb integration (kb-integration.ts): true when the page is served by `astro dev`. */
declare const __KB_DEV_SERVER__: boolean;

/** The site's parsed configuration (src/config.ts), provided by the kb integration. */
declare module 'virtual:kb/config' {
  const config: import('./config').KbConfig;
  export default config;
}
