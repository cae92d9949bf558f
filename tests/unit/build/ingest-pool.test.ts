import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInWorkers } from '../../../src/build/ingest-pool';
import type { LightResult } from '../../../src/build/light-result';
import { projectRoot } from '../../helpers/build-site';

const root = path.join(projectRoot, 'content');
const sources = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.includes('includes')).sort();

/** The parser processes this process started (Linux). */
function children(): number[] {
  const dir = `/proc/${process.pid}/task`;
  return fs.readdirSync(dir).flatMap((t) => fs.readFileSync(`${dir}/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
}

describe.skipIf(process.platform !== 'linux')('ingestInWorkers', () => {
  it('parses every article once in child processes; a parser killed mid-article costs only that article', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pool-'));
    fs.mkdirSync(path.join(cacheDir, 'articles'));
    const results = new Map<number, LightResult>();
    let killed = 0;
    await ingestInWorkers(root, cacheDir, sources, 2, (i, light) => {
      expect(results.has(i)).toBe(false);
      results.set(i, light);
      if (results.size === 3 && !killed) {
        const [pid] = children();
        killed = pid;
        process.kill(pid, 'SIGKILL');
      }
    });
    expect(killed).toBeGreaterThan(0);
    expect(results.size).toBe(sources.length);
    const crashed = [...results.values()].filter((r) => r.diagnostics.some((d) => d.code === 'internal-error'));
    expect(crashed).toHaveLength(1);
    expect(crashed[0].diagnostics[0].reason).toMatch(/signal SIGKILL/);
    expect(crashed[0].page).toBeNull();
    expect([...results.values()].filter((r) => r.page).length).toBe(sources.length - 1);
    expect(children()).toEqual([]);
  }, 60_000);

  it('reports a failure to read or write as a diagnostic of that article, and goes on', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pool-'));
    const results: LightResult[] = [];
    // No articles/ folder in the cache: writing each model fails.
    await ingestInWorkers(root, cacheDir, sources.slice(0, 4), 2, (_, light) => results.push(light));
    expect(results).toHaveLength(4);
    for (const r of results) expect(r.diagnostics[0].reason).toMatch(/parser stopped on this file \(ENOENT/);
  }, 60_000);

  it('parses an article that runs out of the parser heap again with a large one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pool-heap-'));
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pool-'));
    fs.mkdirSync(path.join(cacheDir, 'articles'));
    const rows = Array.from({ length: 20_000 }, (_, i) => `| 0x8007${String(i % 10_000).padStart(4, '0')} | The operation failed on item ${i}. |`).join('\n');
    fs.writeFileSync(path.join(dir, 'huge.md'), `---\ntitle: Error codes\nms.topic: reference\n---\n\n## Error codes\n\n| Code | Message |\n| --- | --- |\n${rows}\n`);
    fs.writeFileSync(path.join(dir, 'small.md'), '---\ntitle: Small\n---\n\n## Symptoms\n\nIt fails.\n');
    const results = new Map<number, LightResult>();
    await ingestInWorkers(dir, cacheDir, ['huge.md', 'small.md'], 2, (i, light) => results.set(i, light), { heapMb: 48 });
    expect(results.get(0)?.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
    expect(results.get(0)?.page?.entry.errorMessages).toBeGreaterThan(1000);
    expect(results.get(1)?.page).not.toBeNull();
    expect(children()).toEqual([]);
  }, 120_000);
});
