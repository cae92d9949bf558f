/**
 * What the published lookup module and the CLI take to answer inputs of up to 10 MB shaped to be
 * slow: one line without a break or a space, a JSON byte array, one line repeated, a long log,
 * wrapper markers repeated. Prints each input's time in the module (after load, every index file in
 * memory) and the CLI's time and peak memory for it.
 *   npx tsx scripts/dev/hostile-inputs.ts <dist>
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadSiteModule } from '../../bin/site-lookup.mjs';
import { inMemoryFetcher } from './in-memory-index';

const site = path.resolve(process.argv[2] ?? 'dist');
const MB = 1 << 20;
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const inputs: Record<string, () => string> = {
  'a. (one line, no space)': () => fill('a.', 10 * MB),
  '1, (one line, no space)': () => fill('1,', 10 * MB),
  'a.@ (one line, no space)': () => fill('a.@', 10 * MB),
  'exception + JSON byte array': () => 'System.Net.Http.HttpRequestException: Response status code does not indicate success: 500\n[' + Array.from({ length: 2_800_000 }, (_, i) => String(i % 256)).join(',').slice(0, 10 * MB) + ']',
  '"Access is denied." lines': () => fill('Access is denied.\n', 10 * MB),
  'wrapper markers': () => fill('Failure sending request: Original Error: Code="BadRequest" Message="x --->  ', 10 * MB),
  'distinct identifiers': () => Array.from({ length: 500_000 }, (_, i) => `FooBarBaz${i}Exception `).join('').slice(0, 10 * MB),
  'log of distinct lines': () => Array.from({ length: 200_000 }, (_, i) => `2024-05-01T06:13:22.426Z [${i % 40}] ERROR the following error occurred: Widget${i} failed ---> inner ${i}`).join('\n').slice(0, 10 * MB),
};

const { module, kbDir } = await loadSiteModule(site);
const memory = inMemoryFetcher(kbDir);
await module.createLookupFromFetcher(memory).lookup('warm up: access is denied', { limit: 10 });
const kb = path.resolve('bin/kb.mjs');
console.log('| input | size | module | CLI | CLI peak memory |\n| --- | --- | --- | --- | --- |');
for (const [name, make] of Object.entries(inputs)) {
  const text = make();
  const t = performance.now();
  await module.createLookupFromFetcher(memory).lookup(text, { limit: 10 });
  const moduleMs = performance.now() - t;
  // GNU time's %M: the CLI process's peak resident memory in KB, last on stderr. The CLI exits 1
  // when no result is confident, which is an answer too.
  const c = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, kb, 'lookup', '--site', site, '--limit', '10'], { input: text, stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
  const cliMs = performance.now() - c;
  if (run.status !== 0 && run.status !== 1) throw new Error(`kb lookup failed on "${name}": ${run.stderr.toString()}`);
  const stderr = run.stderr.toString();
  console.log(`| ${name} | ${(text.length / MB).toFixed(1)} MB | ${moduleMs.toFixed(0)} ms | ${cliMs.toFixed(0)} ms | ${(Number(stderr.trim().split('\n').pop()) / 1024).toFixed(0)} MB |`);
}
