import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { censusOfDir } from '../../../scripts/synth/feature-census';
import { synthesize } from '../../../scripts/synth/generate';
import { writeFixtureCorpus, type FixtureShares } from './fixture-corpus';

let work: string;
let source: string;
let fixture: { sentences: string[]; shares: FixtureShares };

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function digest(dir: string): string {
  const h = createHash('sha256');
  for (const f of walk(dir)) h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

const run = (out: string, seed: number, count = 200) =>
  synthesize({ source, out: join(work, out), count, seed, workers: 1 });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'synth-test-'));
  source = join(work, 'source');
  fixture = writeFixtureCorpus(source, 60);
  await run('a', 7);
  await run('b', 7);
  await run('c', 8);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('synth determinism', () => {
  it('writes byte-identical output for the same seed, source and count', () => {
    expect(digest(join(work, 'a'))).toBe(digest(join(work, 'b')));
  });

  it('writes different output for a different seed', () => {
    expect(digest(join(work, 'a'))).not.toBe(digest(join(work, 'c')));
  });

  it('writes the requested number of articles and a manifest', () => {
    const census = censusOfDir(join(work, 'a'));
    expect(census.articles).toBe(200);
    const manifest = JSON.parse(readFileSync(join(work, 'a', 'SYNTH.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 7, count: 200, output: { articles: 200 }, source: { articles: 60 } });
  });
});

describe('synth distribution', () => {
  it('keeps feature shares near the source', () => {
    const out = censusOfDir(join(work, 'a'));
    const src = censusOfDir(source);
    const n = fixture.shares.articles;
    expect(src.shares.causeHeading).toBeCloseTo(fixture.shares.withCause / n, 5);
    for (const k of ['causeHeading', 'codeBlock', 'table', 'alert', 'include', 'kbNumberLine', 'topicHowTo'] as const) {
      expect(Math.abs(out.shares[k] - src.shares[k]), k).toBeLessThan(0.12);
    }
  });

  it('shares support areas between articles, as the source does', () => {
    const areas = (dir: string) => {
      const tags = walk(dir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => /sap:([^,"'\n]+)/i.exec(readFileSync(f, 'utf8').slice(0, 4000))?.[1].replace(/\\/g, ' ').trim().toLowerCase())
        .filter((a): a is string => Boolean(a));
      return { tagged: tags.length, distinct: new Set(tags).size };
    };
    const out = areas(join(work, 'a'));
    const folders = new Set(walk(join(work, 'a')).filter((f) => f.endsWith('.md')).map((f) => dirname(f))).size;
    expect(out.tagged).toBeGreaterThan(50);
    // About the source's areas per article, and at least one per folder: never one per article.
    expect(out.distinct).toBeLessThanOrEqual(folders + Math.ceil((200 * areas(source).distinct) / 60));
    expect(out.distinct).toBeLessThan(out.tagged / 4);
  });

  it('keeps article sizes near the source', () => {
    const out = censusOfDir(join(work, 'a'));
    const src = censusOfDir(source);
    expect(out.sizePercentiles.p50 / src.sizePercentiles.p50).toBeGreaterThan(0.7);
    expect(out.sizePercentiles.p50 / src.sizePercentiles.p50).toBeLessThan(1.4);
  });

  it('gives error blocks fresh, distinct codes (none from the source)', () => {
    const sourceCodes = new Set(walk(source).flatMap((f) => readFileSync(f, 'utf8').match(/0x[0-9A-Fa-f]{8}/g) ?? []));
    const quoted: string[] = [];
    for (const f of walk(join(work, 'a')).filter((f) => f.endsWith('.md'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/^> (Error 0x[0-9A-Fa-f]{8}.*|.*\(Exception from HRESULT: 0x[0-9A-Fa-f]{8}\))$/gm)) quoted.push(m[1]);
    }
    expect(quoted.length).toBeGreaterThan(100);
    expect(new Set(quoted).size).toBeGreaterThan(quoted.length * 0.95);
    for (const q of quoted) for (const code of q.match(/0x[0-9A-Fa-f]{8}/g)!) expect(sourceCodes.has(code)).toBe(false);
  });
});

describe('synth references', () => {
  it('points every [!INCLUDE] at a generated include file', () => {
    let refs = 0;
    for (const f of walk(join(work, 'a')).filter((f) => f.endsWith('.md'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\[!INCLUDE \[[^\]]*\]\(([^)]+)\)\]/g)) {
        refs++;
        expect(existsSync(resolve(dirname(f), m[1])), `${f} -> ${m[1]}`).toBe(true);
      }
    }
    expect(refs).toBeGreaterThan(0);
  });

  it('points every toc.yml href at an existing file, and lists every article', () => {
    const out = join(work, 'a');
    const listed = new Set<string>();
    const visit = (items: unknown, dir: string) => {
      for (const item of items as { href?: string; items?: unknown }[]) {
        if (item.href) {
          const target = resolve(dir, item.href);
          expect(existsSync(target), `${dir}: ${item.href}`).toBe(true);
          listed.add(target);
        }
        if (item.items) visit(item.items, dir);
      }
    };
    const tocs = walk(out).filter((f) => f.endsWith('toc.yml'));
    expect(tocs.length).toBeGreaterThan(1);
    for (const toc of tocs) visit(loadYaml(readFileSync(toc, 'utf8')), dirname(toc));
    const articles = walk(out).filter((f) => f.endsWith('.md') && !f.includes('/includes/'));
    for (const a of articles) expect(listed.has(a), a).toBe(true);
  });

  it('writes front matter that parses as YAML with a title', () => {
    for (const f of walk(join(work, 'a')).filter((f) => f.endsWith('.md') && !f.includes('/includes/'))) {
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(f, 'utf8'));
      expect(fm, f).not.toBeNull();
      const data = loadYaml(fm![1]) as Record<string, unknown>;
      expect(typeof data.title, f).toBe('string');
    }
  });
});

describe('synth text', () => {
  it('reproduces no sentence of the source verbatim', () => {
    const long = [...new Set(fixture.sentences)].filter((s) => s.split(' ').length >= 4);
    expect(long.length).toBeGreaterThan(50);
    for (const f of walk(join(work, 'a')).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(f, 'utf8').toLowerCase();
      for (const s of long) {
        // A match must start at a word boundary ("your orchard ..." does not copy "Our orchard ...").
        let copied = false;
        for (let at = text.indexOf(s.toLowerCase()); at >= 0 && !copied; at = text.indexOf(s.toLowerCase(), at + 1)) {
          copied = at === 0 || !/[a-z0-9]/.test(text[at - 1]);
        }
        expect(copied, `${f} copies "${s}"`).toBe(false);
      }
    }
  });
});

describe('synth input handling', () => {
  it('skips unreadable articles without throwing', async () => {
    const src = join(work, 'bad-source');
    writeFixtureCorpus(src, 6);
    writeFileSync(join(src, 'kb', 'widget-suite', 'sync', 'broken.md'), '---\ntitle: never closed\n\nbody text');
    writeFileSync(join(src, 'kb', 'widget-suite', 'sync', 'empty.md'), '');
    const summary = await synthesize({ source: src, out: join(work, 'bad-out'), count: 20, seed: 1, workers: 1 });
    expect(summary.articles).toBe(20);
    expect(summary.source.skipped).toBe(2);
  });

  it('refuses to overwrite a non-empty folder that is not a synthetic corpus', async () => {
    const out = join(work, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    await expect(synthesize({ source, out, count: 5, seed: 1, workers: 1 })).rejects.toThrow(/refusing/);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
