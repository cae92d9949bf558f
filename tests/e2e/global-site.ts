/**
 * The sample site, built once per test run and shared by every e2e file. Vitest runs
 * files in forked workers of one main process, so the run is keyed by the parent pid;
 * a lock directory makes concurrent files wait for the one that builds.
 * `KB_E2E_SITE=<dist>` skips the build and uses an existing site.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, projectRoot } from '../helpers/build-site';

const ROOT = path.join(os.tmpdir(), 'kb-e2e-site');
const OUT = path.join(ROOT, 'dist');
const STAMP = path.join(ROOT, 'built-for-run.json');
const LOCK = path.join(ROOT, 'lock');

const runId = () => `${process.ppid}`;

function stampOk(): boolean {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8')).run === runId() && fs.existsSync(path.join(OUT, 'index.html'));
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function e2eSite(): Promise<string> {
  if (process.env.KB_E2E_SITE) return path.resolve(process.env.KB_E2E_SITE);
  fs.mkdirSync(ROOT, { recursive: true });
  for (;;) {
    if (stampOk()) return OUT;
    try {
      fs.mkdirSync(LOCK);
    } catch {
      // Another file is building; a lock older than 10 minutes is stale.
      const lock = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 600_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (stampOk()) return OUT;
      fs.rmSync(OUT, { recursive: true, force: true });
      const site = buildSite(path.join(projectRoot, 'content'), { outDir: OUT });
      if (site.status !== 0) throw new Error(`Sample site build failed:\n${site.output.slice(-4000)}`);
      fs.writeFileSync(STAMP, JSON.stringify({ run: runId() }));
      return OUT;
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
