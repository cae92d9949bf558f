import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import http2, { type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/**
 * A static file server for a built site on 127.0.0.1 (random port). With `http2`, it speaks HTTP/2
 * over TLS with a throwaway self-signed certificate, as static hosts and CDNs do; Chromium then
 * multiplexes a lookup's ~25 small fetches on one connection instead of queueing them on six.
 */
export async function serveStatic(root: string, opts: { http2?: boolean } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = (req: http.IncomingMessage | Http2ServerRequest, anyRes: http.ServerResponse | Http2ServerResponse) => {
    // Both response types have the writeHead/end used here; one view keeps the types simple.
    const res = anyRes as http.ServerResponse;
    let p = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    // Whole-file reads answered in one write: closer to a real static host than a stream per request.
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  };
  const tls = opts.http2 ? selfSignedCertificate() : null;
  const server = tls
    ? http2.createSecureServer({ ...tls, allowHTTP1: true }, handler as (req: Http2ServerRequest, res: Http2ServerResponse) => void)
    : http.createServer(handler as http.RequestListener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** A throwaway key and certificate for 127.0.0.1, made with the system's openssl. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  const out = { key: fs.readFileSync(`${dir}/key.pem`), cert: fs.readFileSync(`${dir}/cert.pem`) };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

export interface BrowserLookupStats {
  queries: number;
  p50ms: number;
  p95ms: number;
  bytesMedian: number;
  bytesP95: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/**
 * Each query on a freshly loaded page (nothing cached in the module), timed from the call to the
 * result; bytes are what the lookup fetched for that query (resource timing, decoded sizes).
 */
export async function measureBrowserLookup(site: string, queries: string[], opts: { http2?: boolean } = {}): Promise<BrowserLookupStats> {
  const server = await serveStatic(path.resolve(site), opts);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ignoreHTTPSErrors: true });
  const times: number[] = [];
  const bytes: number[] = [];
  try {
    const page = await browser.newPage();
    for (const q of queries) {
      await page.goto(`${server.url}/404.html`);
      const r = await page.evaluate(async (text) => {
        const moduleUrl = '/_kb/lookup.js';
        const mod = (await import(moduleUrl)) as { lookup: (t: string, o: { limit: number }) => Promise<unknown[]> };
        const before = performance.getEntriesByType('resource').length;
        const t0 = performance.now();
        await mod.lookup(text, { limit: 10 });
        const ms = performance.now() - t0;
        const entries = performance.getEntriesByType('resource').slice(before) as PerformanceResourceTiming[];
        return { ms, bytes: entries.reduce((n, e) => n + (e.decodedBodySize || e.encodedBodySize || 0), 0) };
      }, q);
      times.push(r.ms);
      bytes.push(r.bytes);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return { queries: queries.length, p50ms: pct(times, 50), p95ms: pct(times, 95), bytesMedian: pct(bytes, 50), bytesP95: pct(bytes, 95) };
}
