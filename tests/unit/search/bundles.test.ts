import { describe, expect, it } from 'vitest';
import { bundleCount, bundleOf, MAX_BUNDLES } from '../../../src/build/pagefind-build';

const urls = (n: number, prefix = 'a') => Array.from({ length: n }, (_, i) => `/${prefix}/article-${i}/`);

function members(list: string[], count: number): string[][] {
  const out: string[][] = Array.from({ length: count }, () => []);
  for (const u of list) out[bundleOf(u, count)].push(u);
  return out;
}

describe('Pagefind bundle partition', () => {
  it('uses one bundle for a small site, about target-sized bundles above it, and never more than the cap', () => {
    expect(bundleCount(30, 1500)).toBe(1);
    expect(bundleCount(0, 1500)).toBe(1);
    expect(bundleCount(5921, 1500)).toBe(4);
    expect(bundleCount(50_000, 1500)).toBe(MAX_BUNDLES);
    expect(bundleCount(100_000, 1500)).toBe(MAX_BUNDLES);
  });

  it('spreads articles evenly over the bundles', () => {
    const sizes = members(urls(6000), 4).map((m) => m.length);
    for (const s of sizes) expect(Math.abs(s - 1500)).toBeLessThan(150);
  });

  it('changes one bundle when an article is added or removed, not every bundle after it', () => {
    const before = members(urls(3000), 4);
    const added = members([...urls(3000), '/a/aaa-new-first-in-url-order/'], 4);
    expect(added.filter((m, i) => m.join() !== before[i].join())).toHaveLength(1);
    const removed = members(urls(3000).filter((u) => u !== '/a/article-7/'), 4);
    expect(removed.filter((m, i) => m.join() !== before[i].join())).toHaveLength(1);
  });
});
