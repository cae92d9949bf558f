import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
const root = process.argv[2]; const pages = process.argv.slice(3);
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(req.url.split('?')[0]); if (p.endsWith('/')) p += 'index.html';
  const f = path.join(root, p);
  if (!fs.existsSync(f)) { res.statusCode = 404; return res.end('nf'); }
  const ext = path.extname(f); res.setHeader('content-type', {'.html':'text/html','.css':'text/css','.js':'text/javascript','.svg':'image/svg+xml','.png':'image/png','.json':'application/json'}[ext] || 'application/octet-stream');
  fs.createReadStream(f).pipe(res);
}).listen(4399);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const spec of pages) {
  const [url, w, scheme, name] = spec.split(',');
  const page = await browser.newPage({ viewport: { width: +w, height: 900 }, colorScheme: scheme });
  page.on('console', m => console.log('console:', m.text()));
  await page.goto('http://127.0.0.1:4399' + url);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
  await page.close();
}
await browser.close(); server.close();
