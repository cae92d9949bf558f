import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATOR_SOURCES, SITE_SOURCES } from '../../../src/build/source-folders';

const src = path.resolve(import.meta.dirname, '../../../src');
const covered = (entry: string, lists: readonly string[]) => lists.some((l) => l === entry || l.startsWith(entry + '/'));

describe('source folders', () => {
  it('every entry of src/ invalidates something when it changes', () => {
    const missing = fs.readdirSync(src).filter((e) => !covered(e, [...GENERATOR_SOURCES, ...SITE_SOURCES]));
    expect(missing).toEqual([]);
  });
  it('every listed source exists', () => {
    for (const e of [...GENERATOR_SOURCES, ...SITE_SOURCES]) expect(fs.existsSync(path.join(src, e)), e).toBe(true);
  });
  it('the lookup module and the parsers are part of the generator: a change to them re-parses and rebuilds the indexes', () => {
    for (const e of ['core', 'build', 'browser/lookup']) expect(GENERATOR_SOURCES).toContain(e);
  });
});

describe('the README layout', () => {
  it('names every folder of src/ and src/core/, and every top-level test folder', () => {
    const readme = fs.readFileSync(path.resolve(src, '../README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'));
    const block = layout.slice(layout.indexOf('```'), layout.indexOf('```', layout.indexOf('```') + 3));
    const dirs = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const d of dirs(src)) expect(block, `src/${d}/`).toMatch(new RegExp(`src/${d}/`));
    for (const d of dirs(path.join(src, 'core'))) expect(block, `core/${d}/`).toMatch(new RegExp(`^\\s+${d}/`, 'm'));
    for (const d of dirs(path.resolve(src, '../tests'))) expect(block, `tests/${d}/`).toMatch(new RegExp(`tests/${d}/`));
  });
});
