/** Worker thread: generates one shard of the products (see runShard). */
import { parentPort, workerData } from 'node:worker_threads';
import { runShard, type SynthOptions } from './generate';

const { opts, shard, shards } = workerData as { opts: SynthOptions; shard: number; shards: number };
const result = await runShard({ ...opts, log: (m) => parentPort!.postMessage({ log: m }) }, shard, shards);
parentPort!.postMessage({ result });
