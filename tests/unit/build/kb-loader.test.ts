/**
 * The loader keeps Astro's data store to one entry per content sync: Astro puts the whole store
 * into the build as one module, and one entry per article made that module 61 MB at 50,000
 * articles. Pages read the articles from the manifest instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kbLoader, SYNC_ENTRY_ID } from '../../../src/loader/kb-loader';
import { resolveConfig } from '../../../src/config';
import { loadEntries } from '../../../src/site-data/article-store';
import { projectRoot } from '../../helpers/build-site';

const saved = { content: process.env.KB_CONTENT_DIR, cache: process.env.KB_CACHE_DIR };
afterAll(() => {
  for (const [key, value] of [['KB_CONTENT_DIR', saved.content], ['KB_CACHE_DIR', saved.cache]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

interface Stored { id: string; data: Record<string, unknown>; digest?: string }

function fakeContext(store: Map<string, Stored>) {
  return {
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Stored) => (store.set(entry.id, entry), true),
      delete: (id: string) => void store.delete(id),
      keys: () => [...store.keys()],
    },
    logger: { info: () => undefined },
    watcher: undefined,
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (value: string) => crypto.createHash('sha256').update(value).digest('hex'),
  };
}

describe('kbLoader', () => {
  it('stores one entry for the sync, whose digest follows the content, and the pages read the articles from the manifest', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-loader-'));
    const content = path.join(work, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    process.env.KB_CONTENT_DIR = content;
    process.env.KB_CACHE_DIR = path.join(work, 'cache');

    // A store left by a version that stored an entry per article.
    const store = new Map<string, Stored>([['/old/article/', { id: '/old/article/', data: {} }]]);
    const load = kbLoader(resolveConfig()).load as unknown as (ctx: ReturnType<typeof fakeContext>) => Promise<void>;
    await load(fakeContext(store));
    expect([...store.keys()]).toEqual([SYNC_ENTRY_ID]);
    const entries = loadEntries();
    expect(entries.length).toBeGreaterThan(20);
    expect(store.get(SYNC_ENTRY_ID)!.data.articles).toBe(entries.length);
    const first = store.get(SYNC_ENTRY_ID)!.digest;

    const article = path.join(content, entries[0].source);
    fs.writeFileSync(article, fs.readFileSync(article, 'utf8').replace(/^title:.*$/m, 'title: A title changed by the test'));
    await load(fakeContext(store));
    expect(store.size).toBe(1);
    expect(store.get(SYNC_ENTRY_ID)!.digest).not.toBe(first);
    expect(loadEntries().find((e) => e.source === entries[0].source)!.title).toBe('A title changed by the test');
  }, 120_000);
});
