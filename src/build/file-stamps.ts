/**
 * A file's stamp, its size and modification time: what the build records of a file it wrote, so a
 * later build can tell that the file is still the one it wrote (a file edited or replaced since
 * has another stamp).
 */
import fs from 'node:fs';
import path from 'node:path';

export type FileStamp = [size: number, mtimeMs: number];

export function fileStamp(file: string): FileStamp | null {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? [st.size, st.mtimeMs] : null;
  } catch {
    return null;
  }
}

/** Whether a stamp (`null` for a file that is gone) is the one recorded. */
export const sameStamp = (now: FileStamp | null | undefined, recorded: FileStamp): boolean =>
  Array.isArray(recorded) && !!now && now[0] === recorded[0] && now[1] === recorded[1];

/** Whether `file` still has the stamp it was recorded with. */
export const hasStamp = (file: string, recorded: FileStamp): boolean => sameStamp(fileStamp(file), recorded);

/** Every file below `dir` with its stamp, keyed by its path relative to `dir` (forward slashes), in path order. */
export function stampsBelow(dir: string): Record<string, FileStamp> {
  const out: Record<string, FileStamp> = {};
  let names: string[];
  try {
    names = fs.readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return out;
  }
  for (const rel of names.map((p) => p.split(path.sep).join('/')).sort()) {
    const st = fileStamp(path.join(dir, rel));
    if (st) out[rel] = st;
  }
  return out;
}
