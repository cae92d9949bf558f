/** ingestArticle never throws: any bytes or text yield an article or diagnostics (issue 6). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/core/ingest';
import type { IncludeResolver } from '../../src/core/markdown/pipeline';
import { resolveFrom } from '../../src/core/markdown/paths';
import { articleSchema } from '../../src/core/model/article';

const enc = new TextEncoder();

/** Includes that exist, one that includes itself, one that climbs out, the rest missing. */
const resolver: IncludeResolver = {
  read(ref, from) {
    const p = resolveFrom(from, ref);
    if (p === null) return { error: 'outside-root' };
    if (p.endsWith('self.md')) return { file: p, text: '[!INCLUDE [again](self.md)]\n' };
    if (p.endsWith('note.md')) return { file: p, text: '> [!NOTE]\n> Included <script>alert(1)</script> text.\n' };
    return { error: 'missing' };
  },
  exists: (p) => p.endsWith('.png'),
};

const FIELDS = ['title', 'description', 'ms.date', 'ms.topic', 'ms.custom', 'appliesto', 'ms.author', 'author', 'sap', 'ms.service', 'ms.reviewer'];
const VALUES = ['', 'soon', '45286', '12/31/2023', '2023-02-30', '[a, b', '- x', '{ a: 1 }', '"unterminated', "'q'", '!!js/function f()', '*alias', '&anchor x', '|', '>-', 'troubleshooting', 'include', 'null', '~', 'true'];
/** DocFX/Learn syntax fragments, whole and broken, plus hostile HTML. */
const FRAGMENTS = [
  '> [!NOTE]\n> text', '> [!WARNING]', '> [!div class="x"]', ':::zone pivot="a"', ':::zone-end', ':::moniker range=">=x"', ':::moniker-end',
  '# [Tab](#tab/one)', '---', ':::image type="content" source="a.png" alt-text="x":::', ':::image type="complex" source="../../x.png":::', ':::image-end:::',
  '[!INCLUDE [n](includes/note.md)]', '[!INCLUDE [s](self.md)]', '[!INCLUDE [x](../../../../etc/passwd)]', '[!INCLUDE [', '<xref:A.B>', '@xref:C.D',
  '[link](other.md#anchor)', '[js](javascript:alert(1))', '[d](data:text/html,x)', '![img](a.png)', '[ref][r]\n\n[r]: x.md',
  '```', '```powershell\nGet-Thing', '~~~', '    indented code', '| a | b |\n|---|---|\n| 1 | 2 |', '1. step\n2. step', '- a\n  - b',
  '## Cause', '## Resolution', '## Symptoms', '### Method 1', '#', '######## deep', '**Cause:** x', '<details><summary>s</summary>', '</details>',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src=x>', '<!--', '-->', '<Foo bar={1}>', '{expr}', 'import x from "y"', 'export const a = 1',
  '>'.repeat(300) + ' q', '- '.repeat(300) + 'x', '\u0000', '\uFEFF', '\r\n', '\t', '\u202e', ':::no-loc text="x":::', '[!VIDEO https://x]',
];

const frontMatter = fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(fc.constantFrom(...VALUES), fc.string())), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'));
const markdown = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 })), { maxLength: 25 }).map((parts) => parts.join('\n'));
const document = fc.tuple(fc.boolean(), frontMatter, fc.boolean(), markdown).map(([open, fm, close, md]) => `${open ? '---\n' : ''}${fm}${close ? '\n---\n' : '\n'}${md}`);
const sourceName = fc.constantFrom('a.md', 'docs/x/article.md', 'includes/snippet.md', 'mdx/page.mdx', 'weird name ü.md', '_under.markdown');

function check(source: string, bytes: Uint8Array) {
  let result: ReturnType<typeof ingestArticle>;
  try {
    result = ingestArticle(source, bytes, resolver);
  } catch (e) {
    throw new Error(`ingestArticle threw for ${source}: ${(e as Error).stack}`);
  }
  expect(result.source).toBe(source);
  expect(result.article !== null || result.diagnostics.length > 0).toBe(true);
  if (result.article) expect(articleSchema.safeParse(result.article).success).toBe(true);
  for (const d of result.diagnostics) {
    expect(typeof d.reason).toBe('string');
    expect(d.reason.length).toBeGreaterThan(10);
    if (d.line !== undefined) expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
  }
  // Internal failures are caught, but they mean a bug: none may happen on these inputs.
  expect(result.diagnostics.map((d) => d.code)).not.toContain('internal-error');
}

describe('ingestArticle properties', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(sourceName, fc.uint8Array({ maxLength: 2048 }), (s, b) => check(s, b)), { numRuns: 300 });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(sourceName, fc.string({ unit: 'binary', maxLength: 1024 }), (s, t) => check(s, enc.encode(t))), { numRuns: 300 });
  });

  it('never throws on generated front matter + Markdown with DocFX fragments', () => {
    fc.assert(fc.property(sourceName, document, (s, t) => check(s, enc.encode(t))), { numRuns: 500 });
  }, 120_000);
});
