import { describe, expect, it } from 'vitest';
import { WARM_UP_SAMPLES, warmUp } from '../../../src/browser/lookup/warm-up';

describe('lookup warm-up', () => {
  it('runs the whole lookup path: every sample finds its own article, confidently', async () => {
    // Fewer would mean the warm-up stopped short of ranking, and so warmed less of the code.
    expect(await warmUp()).toBe(WARM_UP_SAMPLES.length);
  });

  it('runs once per module', () => {
    expect(warmUp()).toBe(warmUp());
  });
});
