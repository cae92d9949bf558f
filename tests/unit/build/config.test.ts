import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_OVERRIDES, KbOptionsSchema, resolveConfig } from '../../../src/config';
import { readBuildRecord, writeBuildRecord } from '../../../src/build/build-record';
import { buildContent } from '../../../src/build/build-content';
import { cacheLayout } from '../../../src/build/cache-layout';
import { projectRoot } from '../../helpers/build-site';

const src = path.resolve(import.meta.dirname, '../../../src');

describe('configuration', () => {
  it('fills every default, with folders resolved against the project', () => {
    const c = resolveConfig({}, {}, '/site');
    expect(c).toMatchObject({ contentDir: '/site/content', cacheDir: '/site/.kb-cache', pagefindBundleSize: 1000, strict: false, sourceUrl: null, feedbackUrl: null });
    expect(c.workers).toBeGreaterThanOrEqual(1);
  });

  it('takes kb() options, and the environment overrides them', () => {
    const options = { contentDir: 'docs', workers: 3, strict: false, sourceUrl: 'https://example.test/repo' };
    expect(resolveConfig(options, {}, '/site')).toMatchObject({ contentDir: '/site/docs', workers: 3, strict: false, sourceUrl: 'https://example.test/repo' });
    const env = { KB_CONTENT_DIR: '/elsewhere', KB_WORKERS: '0', KB_STRICT: 'yes', KB_PAGEFIND_CHUNK: '12', KB_FEEDBACK_URL: 'https://f.test/?u={url}' };
    expect(resolveConfig(options, env, '/site')).toMatchObject({ contentDir: '/elsewhere', workers: 0, strict: true, pagefindBundleSize: 12, feedbackUrl: 'https://f.test/?u={url}' });
  });

  it('stops on a bad value with a message that names it', () => {
    expect(() => resolveConfig({ workers: -1 }, {})).toThrow(/workers/);
    expect(() => resolveConfig({ pagefindBundleSize: 0 }, {})).toThrow(/pagefindBundleSize/);
    expect(() => resolveConfig({ contentDirectory: 'x' } as never, {})).toThrow(/contentDirectory/);
    expect(() => resolveConfig({}, { KB_WORKERS: 'many' })).toThrow(/KB_WORKERS/);
  });

  it('has an environment variable for every option, and documents each option', () => {
    expect(ENVIRONMENT_OVERRIDES.map((o) => o.option).sort()).toEqual(Object.keys(KbOptionsSchema.shape).sort());
    const text = fs.readFileSync(path.join(src, 'config.ts'), 'utf8');
    for (const key of Object.keys(KbOptionsSchema.shape)) expect(text, key).toMatch(new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*${key}:`));
  });

  it('is read from the environment in src/config.ts alone', () => {
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|astro|mjs)$/.test(e.name) && /process\.env/.test(fs.readFileSync(p, 'utf8'))) readers.push(path.relative(src, p));
      }
    };
    walk(src);
    expect(readers).toEqual(['config.ts']);
  });
});

describe('the build record', () => {
  it('is read back through its schema, and a damaged one is an error that names the file', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-record-'));
    const build = await buildContent(path.join(projectRoot, 'content'), cache, { workers: 0 });
    const layout = cacheLayout(cache);
    writeBuildRecord(layout, build);
    expect(readBuildRecord(layout)).toEqual(build);
    const damaged = JSON.parse(fs.readFileSync(layout.manifest, 'utf8'));
    damaged.articles[0].modelFile = 42;
    fs.writeFileSync(layout.manifest, JSON.stringify(damaged));
    expect(() => readBuildRecord(layout)).toThrow(new RegExp(`manifest\\.json.*articles\\.0\\.modelFile`));
  }, 60_000);
});
