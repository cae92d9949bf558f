import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics';
import { findKbNumber } from '../../../src/core/frontmatter/kb-number';
import { normalizeFrontMatter } from '../../../src/core/frontmatter/frontmatter';
import { readFrontMatter } from '../../../src/core/frontmatter/read';
import { decodeArticleBytes } from '../../../src/core/text/decode';

/** The shared corpus of real articles, when this machine has it (not part of the repository). */
const CORPUS = process.env.KB_CORPUS_DIR ?? '/work/shared/corpus';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

describe.skipIf(!existsSync(CORPUS))('real corpus', () => {
  it('reads every article: no YAML errors, dates and topics read, KB numbers found where stated', () => {
    const files = markdownFiles(CORPUS).filter((f) => !/[\\/]includes[\\/]/.test(f) && !f.endsWith('README.md'));
    expect(files.length).toBeGreaterThan(1000);
    let withDate = 0;
    let datesRead = 0;
    let kbStated = 0;
    let kbFound = 0;
    const problems: string[] = [];
    for (const file of files) {
      const sink = new DiagnosticSink(file);
      const decoded = decodeArticleBytes(new Uint8Array(readFileSync(file)), sink);
      if (!decoded) {
        problems.push(`${file}: not decoded`);
        continue;
      }
      const fm = readFrontMatter(decoded.text, sink);
      const n = normalizeFrontMatter(fm.data, sink, (k) => fm.keyLines[k]);
      if (typeof fm.data['ms.date'] === 'string' && fm.data['ms.date'].trim()) {
        withDate++;
        if (n.date) datesRead++;
      }
      if (/original kb number/i.test(fm.body)) {
        kbStated++;
        if (findKbNumber(fm.data, fm.body)) kbFound++;
      }
      for (const d of sink.items) if (d.severity !== 'info') problems.push(`${file}:${d.line ?? ''} ${d.code}`);
    }
    expect(problems.filter((p) => !p.endsWith('frontmatter-missing'))).toEqual([]);
    expect(datesRead).toBe(withDate);
    expect(kbFound).toBe(kbStated);
  });
});
