import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsIncludeResolver } from '../../../src/build/include-resolver';
import { render } from './helpers';

// wooorm style: tests/fixtures/markdown/<case>/input.md(x) → output.html (+ diagnostics.json, records.json).
// The fixtures folder is the content root. UPDATE=1 rewrites expectations (review the diff!).
const root = fileURLToPath(new URL('../../fixtures/markdown/', import.meta.url));
const cases = readdirSync(root).filter((d) => readdirSync(join(root, d)).some((f) => /^input\.mdx?$/.test(f)));

describe('fixtures', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('%s', (name) => {
    const input = readdirSync(join(root, name)).find((f) => /^input\.mdx?$/.test(f))!;
    const file = `${name}/${input}`;
    const r = render(readFileSync(join(root, file), 'utf8'), { file, format: input.endsWith('.mdx') ? 'mdx' : 'md', resolver: createFsIncludeResolver(root) });
    const actual = {
      html: r.html + '\n',
      diagnostics: JSON.stringify(r.sink.items, null, 2) + '\n',
      records: JSON.stringify({ includes: r.includes, assets: r.assets, links: r.links }, null, 2) + '\n',
    };
    const paths = { html: 'output.html', diagnostics: 'diagnostics.json', records: 'records.json' } as const;
    for (const [key, path] of Object.entries(paths) as Array<[keyof typeof paths, string]>) {
      const full = join(root, name, path);
      if (process.env.UPDATE || !existsSync(full)) writeFileSync(full, actual[key]);
      expect(actual[key], `${name}/${path}`).toBe(readFileSync(full, 'utf8'));
    }
  });
});
