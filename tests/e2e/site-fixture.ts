import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type Browser } from './browser';
import { e2eSite } from './global-site';
import { serveStatic, type StaticServer } from './static-server';

/** The sample site served and a Chromium, for the tests of one describe block; read them inside tests. */
export function servedSiteAndBrowser(): { site: StaticServer; browser: Browser } {
  const f = {} as { site: StaticServer; browser: Browser };
  beforeAll(async () => {
    f.site = await serveStatic(await e2eSite());
    f.browser = await launchBrowser();
  });
  afterAll(async () => {
    await f.browser?.close();
    await f.site?.close();
  });
  return f;
}
