/**
 * Writes a synthetic corpus: plans folders, then generates articles folder by folder
 * and writes each as soon as it is made (memory holds one folder's titles at most).
 */

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { join, posix } from 'node:path';
import { freshCode, type ErrorKind } from './error-kinds';
import { planLayout, type PlannedProduct } from './layout';
import type { FrontMatterProfile } from './profile';
import { INJECTED_RATES } from './quirks';
import { supportArea } from './front-matter';
import { renderArticle, SUMMARY_FEATURES, type SummaryFeature } from './render-article';
import { Rng } from './rng';
import { loadSourceModel, type SourceModel } from './source-model';
import { TextGenerator } from './text-generator';
import { humanise, leafToc, nestingToc, type TocEntry } from './toc';

export const GENERATOR_VERSION = 1;
export const MANIFEST_NAME = 'SYNTH.json';

export interface SynthOptions {
  source: string;
  out: string;
  count: number;
  seed: number;
  /** Progress and notes (stderr in the CLI). */
  log?: (msg: string) => void;
}

export interface SynthSummary {
  articles: number;
  includes: number;
  tocs: number;
  folders: number;
  products: number;
  bytes: number;
  features: Record<SummaryFeature, number>;
  errorKinds: Partial<Record<ErrorKind, number>>;
  guard: { checked: number; rejected: number };
  source: { root: string; articles: number; skipped: number; bytes: number; folders: number; includeFiles: number; tocFiles: number; sentences: number; words: number };
}

const TITLE_WITH_CODE: readonly ((code: string, rest: string) => string)[] = [
  (c, r) => `Error ${c} when ${lower(r)}`,
  (c, r) => `${r} fails with error ${c}`,
  (c, r) => `${c} error: ${lower(r)}`,
  (c, r) => `${r} (${c})`,
];

function lower(s: string): string {
  return s && !/^[A-Z]{2}/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

export function slugify(title: string): string {
  const words = title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 8);
  return words.join('-') || 'article';
}

/** Refuse to write into a folder that holds anything but an earlier synthetic corpus. */
function prepareOut(out: string): void {
  if (existsSync(out) && readdirSync(out).length) {
    if (!existsSync(join(out, MANIFEST_NAME))) throw new Error(`${out} is not empty and holds no ${MANIFEST_NAME}; refusing to overwrite it`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

/** What one shard (a worker, or the whole run in-process) produced. */
export interface ShardResult {
  articles: number;
  includes: number;
  tocs: number;
  folders: number;
  bytes: number;
  features: Record<SummaryFeature, number>;
  errorKinds: Partial<Record<ErrorKind, number>>;
  guard: { checked: number; rejected: number };
  /** Root toc entries for this shard's products, keyed by product index in the plan. */
  rootToc: [number, TocEntry][];
  products: number;
  source: SynthSummary['source'];
}

/** Products are dealt to shards greedily by size, in plan order, so shards get similar work. */
export function shardOf(plan: readonly PlannedProduct[], shards: number): number[] {
  const load = new Array<number>(shards).fill(0);
  return plan.map((p) => {
    const n = p.folders.reduce((a, f) => a + f.count, 0);
    let best = 0;
    for (let s = 1; s < shards; s++) if (load[s] < load[best]) best = s;
    load[best] += n;
    return best;
  });
}

/** Bounded asynchronous writer: generation continues while the disk catches up. */
class Writer {
  private inFlight = new Set<Promise<void>>();
  bytes = 0;
  constructor(private readonly root: string, private readonly limit = 64) {}
  async write(rel: string, text: string): Promise<void> {
    this.bytes += Buffer.byteLength(text);
    const p: Promise<void> = writeFile(join(this.root, rel), text).then(() => {
      this.inFlight.delete(p);
    });
    this.inFlight.add(p);
    if (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
  }
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}

export async function runShard(opts: SynthOptions, shard: number, shards: number, preloaded?: SourceModel): Promise<ShardResult> {
  const log = opts.log ?? (() => {});
  const model = preloaded ?? loadSourceModel(opts.source, shard === 0 ? log : () => {});
  if (!model.profiles.length) throw new Error(`no articles found under ${opts.source}`);
  const g = new TextGenerator(model.text);
  const plan = planLayout(model.folders, opts.count, opts.seed, g);
  const owner = shardOf(plan, shards);
  const out = new Writer(opts.out);

  const features = Object.fromEntries(SUMMARY_FEATURES.map((f) => [f, 0])) as Record<SummaryFeature, number>;
  const errorKinds: Partial<Record<ErrorKind, number>> = {};
  let articles = 0;
  let tocs = 0;
  let includes = 0;
  let folders = 0;
  let products = 0;
  const started = Date.now();
  const rootToc: [number, TocEntry][] = [];
  const mine = plan.filter((_, i) => owner[i] === shard).reduce((a, p) => a + p.folders.reduce((b, f) => b + f.count, 0), 0);

  for (const [index, product] of plan.entries()) {
    if (owner[index] !== shard) continue;
    products++;
    mkdirSync(join(opts.out, product.dir, 'includes'), { recursive: true });
    for (const inc of product.includes) {
      await out.write(inc, includeText(inc, opts.seed, g));
      includes++;
    }
    const productArticles: TocEntry[] = [];
    const childTocs: TocEntry[] = [];
    for (const folder of product.folders) {
      folders++;
      mkdirSync(join(opts.out, folder.dir), { recursive: true });
      // Pass 1: titles and slugs, so articles can link to their siblings.
      const planned = planFolder(folder.dir, folder.firstIndex, folder.count, opts.seed, model, g);
      const slugs = planned.map((p) => p.slug);
      const rel = product.includes.map((inc) => posix.relative(folder.dir, inc));
      const entries: TocEntry[] = [];
      for (const p of planned) {
        const r = renderArticle({ ...p, siblings: slugs, includes: rel, folderPath: folder.dir }, model, g);
        await out.write(`${folder.dir}/${p.slug}.md`, r.markdown);
        for (const f of r.features) features[f]++;
        for (const k of r.errorKinds) errorKinds[k] = (errorKinds[k] ?? 0) + 1;
        entries.push({ name: p.title, href: `./${p.slug}.md` });
        articles++;
        if (articles % 5000 === 0) {
          const secs = (Date.now() - started) / 1000;
          log(`synth[${shard}]: ${articles}/${mine} articles, ${(articles / secs).toFixed(0)}/s, ${(out.bytes / 1e6).toFixed(0)} MB`);
        }
      }
      if (folder.dir === product.dir) productArticles.push(...entries);
      else {
        await out.write(`${folder.dir}/toc.yml`, leafToc(entries, new Rng(opts.seed, 'toc', folder.dir), g));
        tocs++;
        childTocs.push({ name: humanise(folder.dir.slice(product.dir.length + 1)), href: `./${folder.dir.slice(product.dir.length + 1)}/toc.yml` });
      }
    }
    await out.write(`${product.dir}/toc.yml`, nestingToc(productArticles, childTocs));
    tocs++;
    rootToc.push([index, { name: humanise(product.dir.split('/').pop()!), href: `./${product.dir}/toc.yml` }]);
  }
  await out.drain();
  return {
    articles,
    includes,
    tocs,
    folders,
    products,
    bytes: out.bytes,
    features,
    errorKinds,
    guard: { checked: model.text.guard.checked, rejected: model.text.guard.rejected },
    rootToc,
    source: {
      root: model.root,
      articles: model.profiles.length,
      skipped: model.skipped.length,
      bytes: model.bytes,
      folders: model.folders.length,
      includeFiles: model.includeFiles,
      tocFiles: model.tocFiles,
      sentences: model.sentences,
      words: model.text.lexicon.words.length,
    },
  };
}

/** Runs shards in worker threads (workers > 1) or in-process, then writes the root toc and manifest. */
export async function synthesize(opts: SynthOptions & { workers?: number }, preloaded?: SourceModel): Promise<SynthSummary> {
  prepareOut(opts.out);
  const workers = Math.max(1, opts.workers ?? 1);
  let results: ShardResult[];
  if (workers === 1) results = [await runShard(opts, 0, 1, preloaded)];
  else {
    results = await Promise.all(
      Array.from({ length: workers }, (_, shard) =>
        new Promise<ShardResult>((resolvePromise, reject) => {
          const w = new Worker(new URL('./worker.ts', import.meta.url), {
            workerData: { opts: { source: opts.source, out: opts.out, count: opts.count, seed: opts.seed }, shard, shards: workers },
          });
          w.on('message', (m: { log?: string; result?: ShardResult }) => {
            if (m.log) opts.log?.(m.log);
            if (m.result) resolvePromise(m.result);
          });
          w.on('error', reject);
          w.on('exit', (code) => code !== 0 && reject(new Error(`synth worker ${shard} exited with ${code}`)));
        }),
      ),
    );
  }
  const summary = mergeShards(results);
  const rootEntries = results.flatMap((r) => r.rootToc).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  writeFileSync(join(opts.out, 'toc.yml'), nestingToc([], rootEntries));
  summary.tocs++;
  summary.bytes += Buffer.byteLength(nestingToc([], rootEntries));
  writeFileSync(join(opts.out, MANIFEST_NAME), JSON.stringify(manifest(opts, summary), null, 2) + '\n');
  return summary;
}

function mergeShards(results: readonly ShardResult[]): SynthSummary {
  const features = Object.fromEntries(SUMMARY_FEATURES.map((f) => [f, 0])) as Record<SummaryFeature, number>;
  const errorKinds: Partial<Record<ErrorKind, number>> = {};
  const sum = (f: (r: ShardResult) => number) => results.reduce((a, r) => a + f(r), 0);
  for (const r of results) {
    for (const f of SUMMARY_FEATURES) features[f] += r.features[f];
    for (const [k, v] of Object.entries(r.errorKinds) as [ErrorKind, number][]) errorKinds[k] = (errorKinds[k] ?? 0) + v;
  }
  // Stable key order for a byte-identical manifest whatever the shard count.
  const kinds = Object.fromEntries(Object.entries(errorKinds).sort(([a], [b]) => (a < b ? -1 : 1))) as typeof errorKinds;
  return {
    articles: sum((r) => r.articles),
    includes: sum((r) => r.includes),
    tocs: sum((r) => r.tocs),
    folders: sum((r) => r.folders),
    products: sum((r) => r.products),
    bytes: sum((r) => r.bytes),
    features,
    errorKinds: kinds,
    guard: { checked: sum((r) => r.guard.checked), rejected: sum((r) => r.guard.rejected) },
    source: results[0].source,
  };
}

interface PlannedArticle {
  rng: Rng;
  fm: FrontMatterProfile;
  body: SourceModel['profiles'][number];
  title: string;
  slug: string;
  primary: { kind: ErrorKind; code: string } | null;
  area: string;
}

function planFolder(dir: string, first: number, count: number, seed: number, model: SourceModel, g: TextGenerator): PlannedArticle[] {
  const out: PlannedArticle[] = [];
  const used = new Set<string>();
  // As many distinct areas per article as the source has (about 1 per 13 articles in the corpus).
  const areas = Math.max(1, Math.round((count * model.supportAreas) / Math.max(1, model.profiles.length)));
  for (let k = 0; k < count; k++) {
    const rng = new Rng(seed, 'article', first + k);
    const body = model.profiles[Math.floor(rng.next() * model.profiles.length)];
    // Recombine: front-matter form from one source article, body shape from another.
    const other = model.profiles[Math.floor(rng.next() * model.profiles.length)].fm;
    const fm: FrontMatterProfile = { ...other, titleWords: body.fm.titleWords, descWords: body.fm.descWords, titleError: body.fm.titleError };
    let primary: PlannedArticle['primary'] = null;
    let title: string;
    if (fm.titleError) {
      primary = { kind: fm.titleError, code: freshCode(fm.titleError, rng, g) };
      title = rng.pick(TITLE_WITH_CODE)(primary.code, g.phrase(rng, Math.max(2, fm.titleWords - 2)));
    } else {
      title = g.phrase(rng, fm.titleWords);
    }
    let slug = slugify(title);
    for (let n = 2; used.has(slug); n++) slug = `${slugify(title)}-${n}`;
    used.add(slug);
    const area = supportArea(seed, dir, new Rng(seed, 'area-slot', first + k).int(0, areas - 1), g);
    out.push({ rng, fm, body, title, slug, primary, area });
  }
  return out;
}

function includeText(path: string, seed: number, g: TextGenerator): string {
  const rng = new Rng(seed, 'include', path);
  const parts: string[] = [];
  if (rng.chance(0.3)) parts.push('---\nms.topic: include\n---');
  if (rng.chance(0.5)) parts.push(`**${g.phrase(rng, rng.int(2, 4))}**`);
  const paragraphs = rng.int(1, 3);
  for (let i = 0; i < paragraphs; i++) {
    parts.push(rng.chance(0.3) ? `> [!NOTE]\n> ${g.proseText(rng, rng.int(15, 40))}` : g.proseText(rng, rng.int(20, 70)));
  }
  return parts.join('\n\n') + '\n';
}

function manifest(opts: SynthOptions, s: SynthSummary) {
  const share = (n: number) => Math.round((n / Math.max(1, s.articles)) * 10_000) / 10_000;
  return {
    generator: 'kb-synth',
    version: GENERATOR_VERSION,
    seed: opts.seed,
    count: opts.count,
    source: s.source,
    output: {
      articles: s.articles,
      includes: s.includes,
      tocs: s.tocs,
      folders: s.folders,
      products: s.products,
      bytes: s.bytes,
      featureShares: Object.fromEntries(Object.entries(s.features).map(([k, v]) => [k, share(v)])),
      errorBlocksByKind: s.errorKinds,
    },
    injectedRates: INJECTED_RATES,
  };
}
