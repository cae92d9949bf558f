/**
 * Runs a job module in a page of headless Chromium with no DevTools client attached and returns
 * what the page posts back. Playwright's instrumentation (DevTools Network events) adds about 1 ms
 * to every request here, which would inflate a lookup's latency: a user's browser has no such client.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveStatic, type ServeOptions } from './serve';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const RUN = '/__kb_run';

/** The page: imports the job, runs its default export on the input, posts the outcome back. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>run</title><script type="module">
let out;
try {
  const job = await import('${RUN}/job.js');
  const input = await (await fetch('${RUN}/input.json')).json();
  out = { ok: true, value: await job.default(input) };
} catch (e) { out = { ok: false, error: String((e && e.stack) || e) }; }
await fetch('${RUN}/result', { method: 'POST', body: JSON.stringify(out) });
</script>`;

export interface PageRun<T> {
  value: T;
  /** Site bytes the server sent while the job ran (the job's own files excluded). */
  bytesServed: number;
}

/**
 * `jobSource` is an ES module whose default export is `async (input) => result`, run in a page
 * served from `site` (so it can import `/_kb/lookup.js` or `/pagefind/pagefind.js`).
 */
export async function runInChromium<T>(site: string, jobSource: string, input: unknown, timeoutMs = 900_000, serve: ServeOptions = {}): Promise<PageRun<T>> {
  let settle!: (r: { ok: boolean; value?: T; error?: string }) => void;
  const outcome = new Promise<{ ok: boolean; value?: T; error?: string }>((r) => (settle = r));
  const reply = (type: string, body: () => string) => (_req: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body());
  const send = (type: string, body: string) => reply(type, () => body);
  let served = (): number => 0;
  const server = await serveStatic(site, {
    // Site bytes served so far, for jobs that count bytes per step (workers' fetches included).
    [`${RUN}/served`]: reply('application/json', () => JSON.stringify({ bytes: served() })),
    [`${RUN}/index.html`]: send('text/html; charset=utf-8', PAGE),
    [`${RUN}/job.js`]: send('text/javascript; charset=utf-8', jobSource),
    [`${RUN}/input.json`]: send('application/json', JSON.stringify(input)),
    [`${RUN}/result`]: (req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => { res.end('ok'); try { settle(JSON.parse(body)); } catch (e) { settle({ ok: false, error: String(e) }); } });
    },
  }, serve);
  served = () => server.bytesServed();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-run-chromium-'));
  // A debugging port keeps the headless browser open on the page; no client ever connects to it.
  const tls = serve.http2 ? ['--ignore-certificate-errors'] : [];
  const browser = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, ...tls, `--user-data-dir=${profile}`, '--remote-debugging-port=0', `${server.url}${RUN}/index.html`], { stdio: 'ignore' });
  let finished = false;
  const exited = new Promise<never>((_, reject) => browser.on('exit', (code) => { if (!finished) reject(new Error(`chromium exited (${code}) before the job finished`)); }));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`job timed out after ${timeoutMs} ms`)), timeoutMs); });
  try {
    const before = server.bytesServed();
    const r = await Promise.race([outcome, exited, timeout]);
    if (!r.ok) throw new Error(`job failed in the page: ${r.error}`);
    return { value: r.value as T, bytesServed: server.bytesServed() - before };
  } finally {
    finished = true;
    clearTimeout(timer);
    // Chromium's helper processes may still be writing the profile: wait for the exit, then retry the delete.
    const gone = browser.exitCode !== null || browser.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => browser.once('exit', () => r()));
    browser.kill('SIGKILL');
    await gone;
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** One timed lookup in the page: what it returned, how long it took, and what it fetched. */
export interface PageLookup { urls: string[]; confident: boolean; ms: number; bytes: number; files: number }

/**
 * Job for `runInChromium` (input `{ pastes, limit }`, result `PageLookup[]`): the page has loaded
 * `/_kb/lookup.js`; each paste gets a fresh lookup instance, so nothing is cached and every shard and
 * document is fetched (the server sends no-store). Shared by the eval and the bench.
 */
export const LOOKUP_JOB = `export default async function ({ pastes, limit }) {
  const m = await import('/_kb/lookup.js');
  const out = [];
  for (const paste of pastes) {
    const lk = m.createLookupFromFetcher(m.httpFetcher());
    const t = performance.now();
    const res = await lk.lookup(paste, { limit });
    const ms = performance.now() - t;
    const s = lk.stats();
    out.push({ urls: res.map((r) => r.url), also: res.map((r) => r.also || []), confident: res.some((r) => r.confident), ms, bytes: s.bytes, files: s.files });
  }
  return out;
}`;
