/** Set by the kb integration (kb-integration.ts): true when the page is served by `astro dev`. */
declare const __KB_DEV_SERVER__: boolean;
