/**
 * An article's cache files (model, lookup input, terms, search document) as verified files: each
 * starts with a line naming the digest of what follows, is written under a temporary name and
 * renamed into place, and is checked against its digest whenever it is read. A file cut short,
 * overwritten with other bytes, or left half-written by a kill reads as damaged, never as content.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

const MAGIC = 'kb-cache ';
/** Hex digits of the SHA-256 kept: 128 bits, ample against chance damage. */
const DIGEST_HEX = 32;
const HEADER_BYTES = MAGIC.length + DIGEST_HEX + 1;

/** A cache file that is missing, or whose bytes are not the ones written. */
export class DamagedCacheFile extends Error {
  constructor(
    readonly file: string,
    readonly why: string,
  ) {
    super(`${file}: ${why}`);
    this.name = 'DamagedCacheFile';
  }
}

const digestOf = (payload: Uint8Array): string => crypto.createHash('sha256').update(payload).digest('hex').slice(0, DIGEST_HEX);

/**
 * Writes a file whole under a temporary name (named for this process, so two builds sharing a cache
 * do not write into one), then renames it into place: a reader sees the old file or the new one.
 */
export function replaceFile(file: string, ...parts: Array<string | Uint8Array>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    for (const p of parts) fs.writeSync(fd, typeof p === 'string' ? Buffer.from(p, 'utf8') : p);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

const TEMPORARY = /\.\d+\.tmp$/;

/** Removes the temporary files that writes cut short by a kill left in `dir`; returns how many. */
export function removeCutWrites(dir: string): number {
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (TEMPORARY.test(name)) {
      fs.rmSync(`${dir}/${name}`, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Writes `payload` with its digest line (see replaceFile); returns the bytes on disk. */
export function writeCacheFile(file: string, payload: string | Uint8Array): number {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = `${MAGIC}${digestOf(body)}\n`;
  replaceFile(file, header, body);
  return header.length + body.byteLength;
}

/** The payload of a verified file; throws DamagedCacheFile when it is missing or not what was written. */
export function readCacheFile(file: string): Buffer {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    throw new DamagedCacheFile(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : (e as Error).message);
  }
  if (data.length < HEADER_BYTES || data.toString('latin1', 0, MAGIC.length) !== MAGIC || data[HEADER_BYTES - 1] !== 0x0a) {
    throw new DamagedCacheFile(file, 'its digest line is missing');
  }
  const body = data.subarray(HEADER_BYTES);
  if (digestOf(body) !== data.toString('latin1', MAGIC.length, MAGIC.length + DIGEST_HEX)) {
    throw new DamagedCacheFile(file, 'its bytes do not match their digest');
  }
  return body;
}

/** Where generated code kept in the cache (worker bundles, the lookup module) ends: a comment naming the digest of what precedes it, so the file still runs. */
const CODE_MARK = '\n//# kb-cache-digest=';

/** Writes generated code with its digest comment at the end (see replaceFile). */
export function writeCodeFile(file: string, code: string | Uint8Array): void {
  const body = typeof code === 'string' ? Buffer.from(code, 'utf8') : code;
  replaceFile(file, body, `${CODE_MARK}${digestOf(body)}\n`);
}

/** The code `writeCodeFile` wrote, without its digest comment; null when the file is missing or not what was written. */
export function readCodeFile(file: string): Buffer | null {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return null;
  }
  const at = data.lastIndexOf(CODE_MARK);
  if (at < 0 || data.length !== at + CODE_MARK.length + DIGEST_HEX + 1) return null;
  const body = data.subarray(0, at);
  return digestOf(body) === data.toString('latin1', at + CODE_MARK.length, at + CODE_MARK.length + DIGEST_HEX) ? body : null;
}

/** The first line of an error's message: why a cache file could not be read, for a log line. */
export const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** The build log's line for an article cache file that was made again. */
export const remadeLine = (source: string, what: string, e: unknown): string => `${source}: its cached ${what} could not be read (${firstLine(e)}); made again from the article`;

/** `readCacheFile` as UTF-8 text. */
export const readCacheText = (file: string): string => readCacheFile(file).toString('utf8');
