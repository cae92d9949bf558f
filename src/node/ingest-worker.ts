// Worker thread entry: parses articles handed to it by the pool and writes their models. Bundled to one file at build start.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ingestArticle } from '../core/ingest';
import { createFsIncludeResolver } from './include-resolver';
import { lightOf } from './light-result';

interface Job {
  id: number;
  source: string;
}

const root: string = workerData.root;
const cacheDir: string = workerData.cacheDir;
const resolver = createFsIncludeResolver(root);

parentPort!.on('message', (job: Job) => {
  const bytes = fs.readFileSync(path.join(root, job.source));
  parentPort!.postMessage({ id: job.id, light: lightOf(ingestArticle(job.source, bytes, resolver), cacheDir) });
});
