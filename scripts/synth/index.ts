/**
 * npm run synth -- --count 50000 --out <dir> [--source <corpus dir>] [--seed N]
 * Writes a synthetic corpus shaped like the source corpus; see generate.ts.
 */

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseScriptArgs } from '../script-args';
import { censusOfDir } from './feature-census';
import { synthesize } from './generate';

const USAGE = 'usage: npm run synth -- --count N --out DIR [--source DIR] [--seed N] [--workers N] [--compare]';

async function main(): Promise<number> {
  const values = parseScriptArgs('synth', {
    count: { type: 'string', default: '1000' },
    out: { type: 'string' },
    source: { type: 'string', default: resolve(process.cwd(), '../shared/corpus') },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    compare: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  }, USAGE);
  if (!values.out) {
    process.stderr.write(`synth: --out is required\n${USAGE}\n`);
    return 2;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    process.stderr.write('synth: --count must be a positive integer and --seed an integer\n');
    return 2;
  }
  const started = performance.now();
  const summary = await synthesize({
    workers: Number(values.workers) || 1,
    source: resolve(values.source!),
    out: resolve(values.out),
    count,
    seed,
    log: (m) => process.stderr.write(m + '\n'),
  });
  const secs = (performance.now() - started) / 1000;
  const rssMb = process.memoryUsage().rss / 1e6;
  const pct = (n: number) => `${((100 * n) / summary.articles).toFixed(1)}%`;
  const lines = [
    `synth: wrote ${summary.articles} articles, ${summary.includes} includes, ${summary.tocs} toc.yml in ${summary.folders} folders (${summary.products} products)`,
    `synth: ${(summary.bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s, rss ${rssMb.toFixed(0)} MB (source: ${summary.source.articles} articles, ${(summary.source.bytes / 1e6).toFixed(1)} MB)`,
    `synth: features: ${Object.entries(summary.features).map(([k, v]) => `${k} ${v} (${pct(v)})`).join(', ')}`,
    `synth: error blocks by kind: ${Object.entries(summary.errorKinds).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `synth: sentence guard rejected ${summary.guard.rejected} of ${summary.guard.checked} candidates`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (values.compare) {
    const a = censusOfDir(resolve(values.source!));
    const b = censusOfDir(resolve(values.out));
    process.stdout.write(`\n${'feature'.padEnd(22)}${'source'.padStart(9)}${'synthetic'.padStart(11)}\n`);
    for (const k of Object.keys(a.shares) as (keyof typeof a.shares)[]) {
      process.stdout.write(`${k.padEnd(22)}${(100 * a.shares[k]).toFixed(1).padStart(8)}%${(100 * b.shares[k]).toFixed(1).padStart(10)}%\n`);
    }
    for (const k of ['p10', 'p50', 'p90', 'p99', 'max'] as const) {
      process.stdout.write(`${('size ' + k).padEnd(22)}${String(a.sizePercentiles[k]).padStart(9)}${String(b.sizePercentiles[k]).padStart(11)}\n`);
    }
    process.stdout.write(`${'mean ## sections'.padEnd(22)}${a.meanSections.toFixed(2).padStart(9)}${b.meanSections.toFixed(2).padStart(11)}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`synth: ${err.message}\n`);
    process.exitCode = 1;
  },
);
