import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/eval/chromium';

export const CHROMIUM = CHROMIUM_PATH;
export const chromiumAvailable = fs.existsSync(CHROMIUM);


export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's chromium with a fresh profile; one per test file. */
export async function launchBrowser(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** CSP violations seen (console reports and securitypolicyviolation events). */
  csp: string[];
  /** Uncaught page errors. */
  errors: string[];
  dialogs: string[];
}

/** A new page that records CSP violations, page errors and dialogs. */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const watched: WatchedPage = { page, csp: [], errors: [], dialogs: [] };
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) watched.csp.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(String(e)));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeBinding('__kbCsp', (_src, text: string) => watched.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __kbCsp: (t: string) => void }).__kbCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return watched;
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (evaluated through the debugger, so the page's CSP is untouched). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}
