import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildReport } from '../../src/build/report';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  outDir: string;
  report: BuildReport;
  status: number | null;
  output: string;
  read(urlPath: string): string;
  exists(urlPath: string): boolean;
}

/** Run the real `astro build` on a content root into a fresh temp folder (own cache too). */
export function buildSite(contentDir: string, opts: { env?: Record<string, string>; outDir?: string } = {}): BuiltSite {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-build-'));
  const outDir = opts.outDir ?? path.join(work, 'dist');
  const run = spawnSync(path.join(projectRoot, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: projectRoot,
    env: {
      ...process.env,
      KB_CONTENT_DIR: contentDir,
      KB_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      // The astro bin runs on the Node 24 from the `node` devDependency, not the system Node.
      PATH: `${path.join(projectRoot, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      ...opts.env,
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const reportFile = path.join(outDir, '_kb/report.json');
  const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as BuildReport) : (null as unknown as BuildReport);
  const file = (urlPath: string) => {
    const clean = urlPath.split('#')[0].split('?')[0];
    return path.join(outDir, clean.endsWith('/') ? `${clean}index.html` : clean);
  };
  return {
    outDir,
    report,
    status: run.status,
    output,
    read: (u) => fs.readFileSync(file(u), 'utf8'),
    exists: (u) => fs.existsSync(file(u)),
  };
}

/** Every file below `dir` (a built site) with a short digest of its bytes: two builds compare equal when their files do. */
export function siteDigests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex').slice(0, 16);
  }
  return out;
}
