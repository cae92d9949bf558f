/** The Content-Security-Policy: one policy in the <meta> of every page and in public/_headers, strict enough to matter. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eSite } from '../e2e/global-site';
import { projectRoot } from '../helpers/build-site';
import { elementsOf, listFiles, unsafeInHtml } from './html-scan';

/** `_headers` (Netlify/Cloudflare): a path line, then indented `Name: value` lines. */
function parseHeaders(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) out.set(line.trim(), (current = new Map()));
    else if (current) {
      const i = line.indexOf(':');
      current.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
  }
  return out;
}

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]));

const headersFile = path.join(projectRoot, 'public/_headers');
const baseLayout = path.join(projectRoot, 'src/layouts/Base.astro');
const headers = parseHeaders(fs.readFileSync(headersFile, 'utf8')).get('/*');
const metaInLayout = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(fs.readFileSync(baseLayout, 'utf8'))?.[1];

describe('CSP sources', () => {
  it('_headers sets the CSP and hardening headers for every path', () => {
    expect(headers).toBeDefined();
    expect(headers!.get('content-security-policy')).toBeTruthy();
    expect(headers!.get('x-content-type-options')).toBe('nosniff');
    expect(headers!.get('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  });

  it('the <meta> in Base.astro and _headers hold the identical policy', () => {
    expect(metaInLayout).toBeTruthy();
    expect(headers!.get('content-security-policy')).toBe(metaInLayout);
  });

  it('allows no inline or eval script, no plugins, no frames, no foreign base or forms', () => {
    const d = directives(metaInLayout!);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
  });
});

describe('CSP in the built sample site', () => {
  let dist: string;
  let htmlFiles: string[];
  beforeAll(async () => {
    dist = await e2eSite();
    htmlFiles = listFiles(dist).filter((f) => f.endsWith('.html'));
  }, 600_000);

  it('ships _headers unchanged', () => {
    expect(fs.readFileSync(path.join(dist, '_headers'), 'utf8')).toBe(fs.readFileSync(headersFile, 'utf8'));
  });

  it('puts the same policy in every page, before any script', () => {
    expect(htmlFiles.length).toBeGreaterThan(20);
    for (const file of htmlFiles) {
      const els = elementsOf(fs.readFileSync(path.join(dist, file), 'utf8'));
      const metaAt = els.findIndex((e) => e.tag === 'meta' && e.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
      expect(metaAt, file).toBeGreaterThanOrEqual(0);
      expect(els[metaAt].attrs.content, file).toBe(metaInLayout);
      const firstScript = els.findIndex((e) => e.tag === 'script');
      if (firstScript >= 0) expect(metaAt, `${file}: CSP meta must come before the first script`).toBeLessThan(firstScript);
    }
  });

  it('has no inline script, event handler or javascript: URL the policy would have to block', () => {
    const found = htmlFiles.flatMap((file) => unsafeInHtml(fs.readFileSync(path.join(dist, file), 'utf8')).map((p) => `${file}: ${p}`));
    expect(found).toEqual([]);
  });
});
