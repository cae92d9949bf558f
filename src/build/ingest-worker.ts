// Parser process entry: parses the articles the pool sends and writes their models. Bundled to one
// file at build start and run as a child process (see ingest-pool.ts for why not a thread).
import fs from 'node:fs';
import path from 'node:path';
import { ingestArticle } from '../core/ingest';
import { createFsIncludeResolver } from './include-resolver';
import { storeParsedArticle } from './light-result';

interface Job {
  id: number;
  source: string;
}

const [root, cacheDir] = process.argv.slice(2);
// Named, so process listings and the bench's memory figures tell parsers from the build itself.
process.title = 'kb-parser';
const resolver = createFsIncludeResolver(root);

process.on('message', (job: Job) => {
  try {
    const bytes = fs.readFileSync(path.join(root, job.source));
    process.send!({ id: job.id, light: storeParsedArticle(ingestArticle(job.source, bytes, resolver), cacheDir) });
  } catch (e) {
    // ingestArticle never throws; reading the file or writing the model can.
    process.send!({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
// The pool closes the channel when it has no more work.
process.on('disconnect', () => process.exit(0));
