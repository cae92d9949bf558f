import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/build/build-content';
import type { ContentBuild } from '../../../src/build/build-record';
import { projectRoot } from '../../helpers/build-site';

describe('the content build announces its articles before it relates them', () => {
  it('calls onClassified once, with every article placed and classified but not yet related, on the object it returns', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-stages-'));
    const seen: Array<{ build: ContentBuild; related: number; products: number }> = [];
    const build = await buildContent(path.join(projectRoot, 'content'), cache, {
      workers: 0,
      onClassified: (b) => seen.push({ build: b, related: b.articles.filter((a) => a.related.length > 0).length, products: b.articles.filter((a) => a.products.length > 0).length }),
    });
    expect(seen).toHaveLength(1);
    expect(seen[0].build).toBe(build);
    expect(seen[0].related).toBe(0);
    expect(seen[0].products).toBe(build.articles.length);
    // Related articles are on the same objects once the build returns.
    expect(build.articles.filter((a) => a.related.length > 0).length).toBeGreaterThan(build.articles.length / 2);
  }, 60_000);
});
