import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http2 from 'node:http2';
import os from 'node:os';
import path from 'node:path';
import { serveStatic, type StaticServer } from '../../../scripts/eval/serve';

const hasOpenssl = (() => { try { execFileSync('openssl', ['version'], { stdio: 'ignore' }); return true; } catch { return false; } })();

/** GET over HTTP/2, accepting the server's self-signed certificate. */
function getHttp2(url: string, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(url, { rejectUnauthorized: false });
    session.on('error', reject);
    const req = session.request({ ':path': file });
    let status = 0, body = '';
    req.on('response', (h) => { status = Number(h[':status']); });
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => { session.close(); resolve({ status, body }); });
    req.on('error', reject);
    req.end();
  });
}

describe('the eval\'s static server', () => {
  let server: StaticServer | null = null;
  afterEach(async () => { await server?.close(); server = null; });
  const site = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-serve-'));
    fs.mkdirSync(path.join(dir, '_kb'));
    fs.writeFileSync(path.join(dir, '_kb', 'x.json'), '{"ok":true}');
    return dir;
  };

  it('serves files over HTTP/1.1 and counts their bytes', async () => {
    server = await serveStatic(site());
    expect(server.url.startsWith('http://')).toBe(true);
    expect(await (await fetch(`${server.url}/_kb/x.json`)).text()).toBe('{"ok":true}');
    expect(server.bytesServed()).toBe(11);
  });
  it.skipIf(!hasOpenssl)('serves the same files over HTTP/2 with --http2', async () => {
    server = await serveStatic(site(), {}, { http2: true });
    expect(server.url.startsWith('https://')).toBe(true);
    expect(await getHttp2(server.url, '/_kb/x.json')).toEqual({ status: 200, body: '{"ok":true}' });
    expect((await getHttp2(server.url, '/_kb/missing.json')).status).toBe(404);
    expect(server.bytesServed()).toBe(11);
  });
});
