import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedCacheFile, readCacheFile, readCacheText, readCodeFile, removeCutWrites, replaceFile, writeCacheFile, writeCodeFile } from '../../../src/build/cache-file';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cache-file-'));

describe('verified cache files', () => {
  it('read back exactly what was written, text or bytes, and report the bytes on disk', () => {
    const d = dir();
    const json = JSON.stringify({ title: 'Sync fails — 0x80070005', n: [1, 2, 3] });
    const size = writeCacheFile(path.join(d, 'a.json'), json);
    expect(size).toBe(fs.statSync(path.join(d, 'a.json')).size);
    expect(readCacheText(path.join(d, 'a.json'))).toBe(json);
    const bytes = new Uint8Array([0, 10, 255, 13, 10, 7]);
    writeCacheFile(path.join(d, 'b.bin'), bytes);
    expect([...readCacheFile(path.join(d, 'b.bin'))]).toEqual([...bytes]);
  });

  it('call a file damaged when one byte of its payload changed, even if it still parses', () => {
    const d = dir();
    const file = path.join(d, 'm.json');
    writeCacheFile(file, JSON.stringify({ title: 'Version 1 of the text' }));
    const data = fs.readFileSync(file);
    const at = data.indexOf('Version 1') + 'Version '.length;
    data[at] = '2'.charCodeAt(0);
    fs.writeFileSync(file, data);
    expect(JSON.parse(data.toString('utf8').split('\n')[1])).toEqual({ title: 'Version 2 of the text' });
    expect(() => readCacheText(file)).toThrow(/do not match their digest/);
  });

  it('call a truncated, headless or missing file damaged, naming the file', () => {
    const d = dir();
    const file = path.join(d, 't.json');
    writeCacheFile(file, 'x'.repeat(100));
    fs.truncateSync(file, 60);
    expect(() => readCacheFile(file)).toThrow(DamagedCacheFile);
    fs.writeFileSync(file, '{"plain":"json"}');
    expect(() => readCacheFile(file)).toThrow(/digest line is missing/);
    expect(() => readCacheFile(path.join(d, 'none.json'))).toThrow(/none\.json: the file is missing/);
  });

  it('leave no temporary file behind, and the next build removes one a kill left', () => {
    const d = dir();
    writeCacheFile(path.join(d, 'a.json'), '{}');
    replaceFile(path.join(d, 'b.json'), '{"b":', '1}');
    expect(fs.readdirSync(d).sort()).toEqual(['a.json', 'b.json']);
    expect(fs.readFileSync(path.join(d, 'b.json'), 'utf8')).toBe('{"b":1}');
    fs.writeFileSync(path.join(d, 'c.model.json.4242.tmp'), '{"cut');
    expect(removeCutWrites(d)).toBe(1);
    expect(fs.readdirSync(d).sort()).toEqual(['a.json', 'b.json']);
  });

  it('keep generated code runnable, with its digest in a comment at the end, and refuse code that changed', async () => {
    const d = dir();
    const file = path.join(d, 'bundle.mjs');
    const code = 'export const answer = 40 + 2;\n';
    writeCodeFile(file, code);
    expect(readCodeFile(file)?.toString('utf8')).toBe(code);
    expect(((await import(file)) as { answer: number }).answer).toBe(42);
    const data = fs.readFileSync(file);
    data[data.indexOf('40')] = '5'.charCodeAt(0);
    fs.writeFileSync(file, data);
    expect(readCodeFile(file)).toBeNull();
    fs.truncateSync(file, 10);
    expect(readCodeFile(file)).toBeNull();
    expect(readCodeFile(path.join(d, 'none.mjs'))).toBeNull();
  });
});
