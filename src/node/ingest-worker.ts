// Worker thread entry: parses articles handed to it by the pool. Bundled to one file at build start.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ingestArticle } from '../core/ingest';
import { createFsIncludeResolver } from './include-resolver';

interface Job {
  id: number;
  source: string;
}

const root: string = workerData.root;
const resolver = createFsIncludeResolver(root);

parentPort!.on('message', (job: Job) => {
  const bytes = fs.readFileSync(path.join(root, job.source));
  parentPort!.postMessage({ id: job.id, result: ingestArticle(job.source, bytes, resolver) });
});
