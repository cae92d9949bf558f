/** A tiny static file server for a built site, on 127.0.0.1 and a free port. No caching, so every fetch is counted. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  /** Body bytes served so far (all clients, workers included): the honest count of what a lookup downloads. */
  bytesServed(): number;
  close(): Promise<void>;
}

/** Extra in-memory routes (exact path → handler), answered before files and not counted as served bytes. */
export type Routes = Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void>;

export interface ServeOptions {
  /**
   * HTTP/2 over TLS with a throwaway self-signed certificate (made with `openssl`), as static hosts
   * serve: a browser then sends every request of a lookup at once, where over HTTP/1.1 it opens at
   * most six connections to a host. The browser must be told to accept the certificate.
   */
  http2?: boolean;
}

/** A self-signed certificate for 127.0.0.1, valid for a day. */
function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-serve-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
  } catch (e) {
    throw new Error(`serving over HTTP/2 needs openssl to make a certificate: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function serveStatic(dir: string, routes: Routes = {}, opts: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  let served = 0;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const route = routes[(req.url ?? '/').split('?')[0]];
    if (route) { route(req, res); return; }
    let rel: string;
    try { rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    let file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    // One synchronous read, as a static host answers from its file cache: Node's async readFile
    // (open, stat, read and close, each a trip to the thread pool) added about 4 ms to a lookup's
    // p50 in Chromium here (11 requests), which is this server's cost, not the site's.
    let data: Buffer;
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      data = fs.readFileSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'content-length': data.byteLength });
    served += data.byteLength;
    res.end(data);
  };
  if (opts.http2) {
    // The compatibility API gives HTTP/2 streams the request and response shapes of node:http.
    const server = http2.createSecureServer({ ...throwawayCertificate(), allowHTTP1: true }, handle as unknown as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void);
    const sessions = new Set<http2.ServerHttp2Session>();
    server.on('session', (s) => { sessions.add(s); s.on('close', () => sessions.delete(s)); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `https://127.0.0.1:${port}`, bytesServed: () => served, close: () => new Promise<void>((r) => { for (const s of sessions) s.destroy(); server.close(() => r()); }) };
  }
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bytesServed: () => served, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
