/**
 * Generator of the bad-input content root: every mistake a repository written by hundreds of people
 * holds (issue 6), each in its own folder, next to a few good articles and a canary file placed just
 * outside the root. The suite builds the root with the real `astro build` and checks the promises.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What the build must make of a case's Markdown files. */
export type Outcome =
  /** Each Markdown file of the case is published. */
  | 'page'
  /** No Markdown file of the case is published; each has at least one diagnostic. */
  | 'no-page'
  /** Either, as long as each file is a page or has diagnostics. */
  | 'either';

export type Entry =
  | { path: string; text: string }
  | { path: string; bytes: Uint8Array }
  /** Symlink at `path` pointing at `target` (written as given: relative to the link's folder, or absolute). */
  | { path: string; symlink: string };

export interface BadCase {
  name: string;
  /** Files below the content root. Markdown files among them are the case's inputs. */
  entries: Entry[];
  outcome: Outcome;
  /** Diagnostic codes that must each be reported for one of the case's files. */
  codes?: string[];
  /** Markdown sources that must not be published although written (refused symlinks…). */
  refused?: string[];
  /** Extra check on the built site, given the case's published pages. */
  check?: (ctx: CaseContext) => void;
}

export interface CaseContext {
  /** Published pages of this case, by source. */
  pages: Map<string, { url: string; title: string }>;
  /** HTML of a published page by its URL. */
  html(url: string): string;
  /** Diagnostics of this case's files. */
  diagnostics: Array<{ file: string; code: string; line?: number; reason: string }>;
  fail(message: string): never;
}

export interface GeneratedRoot {
  root: string;
  cases: BadCase[];
  /** Sources of the good articles that must all be published. */
  good: string[];
  /** Text of the canary files outside the root: must never appear in dist/. */
  canary: string;
}

const enc = new TextEncoder();
const fm = (title: string, extra = '') => `---\ntitle: ${title}\ndescription: A test article.\nms.date: 03/14/2024\nms.topic: troubleshooting\n${extra}---\n`;
const body = (heading = 'Symptoms') => `\n## ${heading}\n\nThe thing fails with an error.\n\n## Resolution\n\n1. Do the first step.\n2. Do the second step.\n`;
const article = (title: string, extra = '', rest = body()) => fm(title, extra) + rest;

/** Latin-1 bytes for a string of code points below 256. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
}
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (endian === 'le') out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return Uint8Array.from(out);
}

/** A payload that would mark the page if it ever ran. */
const MARK = "window.__xss=1;document.body.insertAdjacentHTML('beforeend','<p id=kb-xss-injected></p>')";

/**
 * All the cases. `canaryRel(from)` gives the relative path from a case file's folder to the canary
 * Markdown file just outside the root (`<work>/canary.md`).
 */
export function badInputCases(canaryRel: (fromDir: string) => string, canaryAbs: string): BadCase[] {
  const big = 'Lorem ipsum dolor sit amet, the service fails to start because a port is taken. '.repeat(64) + '\n\n';
  const cases: BadCase[] = [
    // --- YAML and front matter ---
    { name: 'yaml-broken', outcome: 'page', codes: ['yaml-invalid'], entries: [{ path: 'yaml-broken/a.md', text: `---\ntitle: "Unterminated quote\nms.date: [1, 2\n  bad: : indent\n---\n${body()}` }] },
    { name: 'yaml-tabs', outcome: 'page', entries: [{ path: 'yaml-tabs/a.md', text: `---\ntitle: Tabs in YAML\n\tms.topic: troubleshooting\n---\n${body()}` }] },
    { name: 'frontmatter-unclosed', outcome: 'page', codes: ['frontmatter-unclosed'], entries: [{ path: 'fm-unclosed/a.md', text: `---\ntitle: Never closed\nms.date: 01/02/2023\n\n# Heading after unclosed front matter\n\nText.\n` }] },
    { name: 'frontmatter-missing', outcome: 'page', codes: ['frontmatter-missing'], entries: [{ path: 'fm-missing/a.md', text: `# Just a heading\n\nAnd a paragraph.\n` }] },
    { name: 'frontmatter-only', outcome: 'either', entries: [{ path: 'fm-only/a.md', text: `---\ntitle: Only front matter\n---\n` }] },
    { name: 'frontmatter-empty-block', outcome: 'either', entries: [{ path: 'fm-empty/a.md', text: `---\n---\n` }] },
    { name: 'frontmatter-a-list', outcome: 'page', entries: [{ path: 'fm-list/a.md', text: `---\n- title\n- date\n---\n# Heading\n\nText.\n` }] },
    { name: 'frontmatter-scalar', outcome: 'page', entries: [{ path: 'fm-scalar/a.md', text: `---\njust a string\n---\n# Heading\n\nText.\n` }] },
    { name: 'title-is-list', outcome: 'page', entries: [{ path: 'title-list/a.md', text: `---\ntitle:\n  - First\n  - Second\n---\n${body()}` }] },
    { name: 'title-is-map', outcome: 'page', entries: [{ path: 'title-map/a.md', text: `---\ntitle: { a: 1 }\n---\n${body()}` }] },
    { name: 'title-empty', outcome: 'page', entries: [{ path: 'title-empty/a.md', text: `---\ntitle: ""\n---\n# Heading as title\n\nText.\n` }] },
    { name: 'title-very-long', outcome: 'page', entries: [{ path: 'title-long/a.md', text: article('T'.repeat(10_000)) }] },
    { name: 'appliesto-string', outcome: 'page', entries: [{ path: 'appliesto-string/a.md', text: article('Applies to as string', 'appliesto: Windows Server 2019\n') }] },
    { name: 'appliesto-map', outcome: 'page', entries: [{ path: 'appliesto-map/a.md', text: article('Applies to as map', 'appliesto:\n  windows: 2019\n') }] },
    { name: 'ms-date-serial', outcome: 'page', entries: [{ path: 'date-serial/a.md', text: article('Date as number', 'ms.date: 45286\n').replace('ms.date: 03/14/2024\n', '') }] },
    { name: 'ms-date-soon', outcome: 'page', codes: ['date-invalid'], entries: [{ path: 'date-soon/a.md', text: article('Date soon', 'ms.date: soon\n').replace('ms.date: 03/14/2024\n', '') }] },
    { name: 'ms-date-impossible', outcome: 'page', entries: [{ path: 'date-impossible/a.md', text: article('Date impossible', 'ms.date: 13/45/2024\n').replace('ms.date: 03/14/2024\n', '') }] },
    { name: 'sap-number', outcome: 'page', entries: [{ path: 'sap-number/a.md', text: article('Support area number', 'ms.custom: 42\nsap: 17\nms.author: [1, 2]\n') }] },
    { name: 'yaml-alias-bomb', outcome: 'page', entries: [{ path: 'yaml-bomb/a.md', text: `---\ntitle: Alias bomb\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n${body()}` }] },
    { name: 'yaml-js-function-tag', outcome: 'page', entries: [{ path: 'yaml-js/a.md', text: `---\ntitle: !!js/function "function(){ ${MARK} }"\ndescription: !!js/undefined ''\n---\n${body()}` }] },
    { name: 'yaml-js-engine', outcome: 'either', entries: [{ path: 'yaml-js-engine/a.md', text: `---js\n{ title: (function(){ ${MARK}; return 'x' })() }\n---\n${body()}` }] },
    { name: 'title-html-injection', outcome: 'page', entries: [{ path: 'title-html/a.md', text: article(`'</title><script>${MARK}</script><img src=x onerror=alert(1)>'`, `ms.topic: '"><script>alert(1)</script>'\n`).replace('description: A test article.', 'description: \'"><svg onload=alert(1)>\'') }] },
    { name: 'heading-html-injection', outcome: 'page', entries: [{ path: 'heading-html/a.md', text: `# <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n## <svg onload=alert(1)>\n\nText.\n` }] },
    // --- Encodings and line ends ---
    { name: 'latin1', outcome: 'page', codes: ['encoding-latin1'], entries: [{ path: 'latin1/a.md', bytes: latin1(article('Caf\u00e9 cr\u00e8me \u00e9chou\u00e9', '', '\n## Sympt\u00f4mes\n\nLe service a \u00e9chou\u00e9.\n')) }] },
    { name: 'utf8-bom', outcome: 'page', entries: [{ path: 'bom/a.md', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...enc.encode(article('With a BOM'))]) }], check: ({ pages, fail }) => { if ([...pages.values()][0]?.title !== 'With a BOM') fail('BOM file lost its front matter title'); } },
    { name: 'crlf', outcome: 'page', entries: [{ path: 'crlf/a.md', text: article('Windows line ends').replace(/\n/g, '\r\n') }], check: ({ pages, fail }) => { if ([...pages.values()][0]?.title !== 'Windows line ends') fail('CRLF file lost its front matter title'); } },
    { name: 'cr-only', outcome: 'page', entries: [{ path: 'cr-only/a.md', text: article('Old Mac line ends').replace(/\n/g, '\r') }] },
    { name: 'utf16le-bom', outcome: 'page', entries: [{ path: 'utf16le/a.md', bytes: utf16(article('UTF-16 LE'), 'le', true) }] },
    { name: 'utf16be-bom', outcome: 'page', entries: [{ path: 'utf16be/a.md', bytes: utf16(article('UTF-16 BE'), 'be', true) }] },
    { name: 'utf16-no-bom', outcome: 'no-page', codes: ['binary-file'], entries: [{ path: 'utf16-nobom/a.md', bytes: utf16(article('UTF-16 without BOM'), 'le', false) }] },
    { name: 'utf16-odd-bytes', outcome: 'either', entries: [{ path: 'utf16-odd/a.md', bytes: Uint8Array.from([...utf16(article('Cut UTF-16'), 'le', true), 0x41]) }] },
    { name: 'invalid-utf8-sequences', outcome: 'page', entries: [{ path: 'bad-utf8/a.md', bytes: Uint8Array.from([...enc.encode(article('Overlong')), 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x0a]) }] },
    { name: 'binary-named-md', outcome: 'no-page', codes: ['binary-file'], entries: [{ path: 'binary/a.md', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)]) }] },
    { name: 'nul-in-middle', outcome: 'no-page', entries: [{ path: 'nul/a.md', text: article('NUL inside') + 'before\u0000after\n' }] },
    { name: 'control-characters', outcome: 'page', entries: [{ path: 'controls/a.md', text: article('Controls \u001b[31mred\u001b[0m', '', '\nText with \u000b vertical tab, \u0008 backspace and \u001b escape.\n') }] },
    { name: 'empty-file', outcome: 'no-page', codes: ['empty-file'], entries: [{ path: 'empty/a.md', text: '' }] },
    { name: 'whitespace-only', outcome: 'no-page', codes: ['empty-file'], entries: [{ path: 'whitespace/a.md', text: ' \n\t\n   \r\n\n' }] },
    { name: 'bidi-and-zero-width', outcome: 'page', entries: [{ path: 'bidi/a.md', text: article('Invisible \u200b\u200d\u202e\u2066 characters') }] },
    // --- Size ---
    { name: 'five-megabytes', outcome: 'page', entries: [{ path: 'big/five-mb.md', text: article('A five megabyte article', '', `\n## Symptoms\n\n${big.repeat(Math.ceil((5 * 1024 * 1024) / big.length))}`) }] },
    { name: 'code-block-20000-lines', outcome: 'page', entries: [{ path: 'big/long-code.md', text: article('Long code block', '', `\n## Symptoms\n\n\`\`\`console\n${Array.from({ length: 20_000 }, (_, i) => `line ${i} Error 0x${i.toString(16)}`).join('\n')}\n\`\`\`\n`) }] },
    { name: 'line-100000-chars', outcome: 'page', entries: [{ path: 'big/long-line.md', text: article('Long line', '', `\n## Symptoms\n\n${'x'.repeat(100_000)}\n`) }] },
    // 10,000 levels on one line (`- - - …`); indented nesting grows quadratically, so 1,000 levels of it.
    { name: 'nested-lists-10000', outcome: 'either', entries: [{ path: 'deep/lists.md', text: article('Deep lists', '', `\n${'- '.repeat(5_000)}${'1. '.repeat(5_000)}item\n`) }] },
    { name: 'nested-lists-indented-1000', outcome: 'either', entries: [{ path: 'deep/lists-indented.md', text: article('Deep indented lists', '', '\n' + Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') + '\n') }] },
    { name: 'nested-quote-list-mix', outcome: 'either', entries: [{ path: 'deep/mixed.md', text: article('Deep mix', '', `\n${'> - '.repeat(5_000)}deep\n`) }] },
    { name: 'nested-blockquotes-10000', outcome: 'either', entries: [{ path: 'deep/quotes.md', text: article('Deep quotes', '', `\n${'>'.repeat(10_000)} deep\n`) }] },
    { name: 'nested-html-10000', outcome: 'either', entries: [{ path: 'deep/html.md', text: article('Deep HTML', '', `\n${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}\n`) }] },
    { name: 'many-headings', outcome: 'page', entries: [{ path: 'big/headings.md', text: article('Many headings', '', Array.from({ length: 3000 }, (_, i) => `\n## Same heading\n\nText ${i}.\n`).join('')) }] },
    { name: 'deep-folder', outcome: 'page', entries: [{ path: `${Array.from({ length: 40 }, (_, i) => `d${i}`).join('/')}/a.md`, text: article('Deep folder') }] },
    // --- Markdown structure ---
    { name: 'unclosed-code-fence', outcome: 'page', entries: [{ path: 'fence/a.md', text: article('Unclosed fence', '', '\n## Symptoms\n\n```powershell\nGet-Thing\n\n## Resolution\n\nNever closed.\n') }] },
    { name: 'unclosed-html-comment', outcome: 'page', entries: [{ path: 'comment/a.md', text: article('Unclosed comment', '', '\n## Symptoms\n\nVisible.\n\n<!-- never closed <script>alert(1)</script>\n\n## Resolution\n') }] },
    { name: 'docfx-fragments', outcome: 'page', entries: [{ path: 'docfx/a.md', text: article('DocFX fragments', '', '\n:::zone pivot="x"\n\n> [!NOTE]\n\n# [Tab](#tab/one)\n\n:::image type="complex" source="javascript:alert(1)" alt-text="x":::\n\n:::image source="data:text/html,<script>alert(1)</script>" alt-text="y":::\n\n<xref:No.Such.Uid>\n\n:::moniker range=">=x"\n\n> [!div class="op_single_selector"]\n> - [x](javascript:alert(1))\n\n:::no-loc text="<script>alert(1)</script>":::\n') }] },
    { name: 'file-with-spaces-unicode', outcome: 'page', entries: [{ path: 'unicode/Fehler beim Start – Ünïcödé 日本語.md', text: article('Unicode file name') }] },
    { name: 'underscore-file', outcome: 'page', entries: [{ path: 'underscore/_underscore.md', text: article('Underscore file') }] },
    { name: 'dot-markdown-and-upper-ext', outcome: 'page', entries: [{ path: 'exts/a.markdown', text: article('Dot markdown') }, { path: 'exts/B.MD', text: article('Upper case extension') }] },
    { name: 'folder-named-md', outcome: 'page', entries: [{ path: 'dir.md/inner.md', text: article('Inside a folder named .md') }] },
    { name: 'duplicate-titles', outcome: 'page', entries: [{ path: 'dup-title/one.md', text: article('Same title') }, { path: 'dup-title/two.md', text: article('Same title') }] },
    {
      name: 'duplicate-url-case',
      outcome: 'page',
      codes: ['duplicate-url'],
      entries: [{ path: 'dup-case/A.md', text: article('Upper A') }, { path: 'dup-case/a.md', text: article('Lower a') }, { path: 'dup-case/caf\u00e9.md', text: article('Accent') }, { path: 'dup-case/cafe.md', text: article('No accent') }],
      // Path order (code units) decides: the first keeps the URL, the next get -2, -3…
      check: ({ pages, fail }) => {
        const want: Record<string, string> = { 'dup-case/A.md': '/dup-case/a/', 'dup-case/a.md': '/dup-case/a-2/', 'dup-case/cafe.md': '/dup-case/cafe/', 'dup-case/caf\u00e9.md': '/dup-case/cafe-2/' };
        for (const [s, u] of Object.entries(want)) if (pages.get(s)?.url !== u) fail(`${s} should publish at ${u}, got ${pages.get(s)?.url}`);
      },
    },
    {
      name: 'duplicate-url-index',
      outcome: 'page',
      codes: ['duplicate-url'],
      entries: [{ path: 'dup-index/x.md', text: article('x.md') }, { path: 'dup-index/x/index.md', text: article('x/index.md') }, { path: 'dup-index/x-2.md', text: article('x-2.md') }],
      check: ({ pages, fail }) => {
        const want: Record<string, string> = { 'dup-index/x-2.md': '/dup-index/x-2/', 'dup-index/x.md': '/dup-index/x/', 'dup-index/x/index.md': '/dup-index/x-3/' };
        for (const [s, u] of Object.entries(want)) if (pages.get(s)?.url !== u) fail(`${s} should publish at ${u}, got ${pages.get(s)?.url}`);
      },
    },
    // --- Includes, symlinks, containment ---
    { name: 'include-missing', outcome: 'page', codes: ['include-missing'], entries: [{ path: 'inc-missing/a.md', text: article('Include missing', '', '\n## Symptoms\n\n[!INCLUDE [nothing](../includes/does-not-exist.md)]\n') }] },
    { name: 'include-self', outcome: 'page', codes: ['include-cycle'], entries: [{ path: 'inc-self/a.md', text: article('Include self', '', '\n## Symptoms\n\n[!INCLUDE [me](a.md)]\n') }] },
    { name: 'include-cycle', outcome: 'page', codes: ['include-cycle'], entries: [{ path: 'inc-cycle/a.md', text: article('Include cycle', '', '\n## Symptoms\n\n[!INCLUDE [b](includes/b.md)]\n') }, { path: 'inc-cycle/includes/b.md', text: '[!INCLUDE [c](c.md)]\n' }, { path: 'inc-cycle/includes/c.md', text: '[!INCLUDE [b](b.md)]\n' }] },
    { name: 'include-etc-passwd', outcome: 'page', codes: ['include-outside-root'], entries: [{ path: 'inc-outside/a.md', text: article('Include outside', '', '\n## Symptoms\n\n[!INCLUDE [passwd](../../../../etc/passwd)]\n\n[!INCLUDE [abs](/etc/passwd)]\n\n[!INCLUDE [back](..\\..\\..\\..\\etc\\passwd)]\n') }] },
    { name: 'include-canary', outcome: 'page', codes: ['include-outside-root'], entries: [{ path: 'inc-canary/a.md', text: article('Include canary', '', `\n## Symptoms\n\n[!INCLUDE [canary](${canaryRel('inc-canary')})]\n\n[!INCLUDE [enc](${canaryRel('inc-canary').replace(/\.\./g, '%2e%2e')})]\n`) }] },
    { name: 'include-symlink-outside', outcome: 'page', codes: ['include-outside-root', 'path-refused'], refused: ['inc-link/includes/leak.md'], entries: [{ path: 'inc-link/includes/leak.md', symlink: canaryAbs }, { path: 'inc-link/a.md', text: article('Include through symlink', '', '\n## Symptoms\n\n[!INCLUDE [leak](includes/leak.md)]\n') }] },
    { name: 'include-with-script', outcome: 'page', codes: ['unsafe-html'], entries: [{ path: 'inc-script/a.md', text: article('Include with script', '', '\n## Symptoms\n\n[!INCLUDE [s](includes/s.md)]\n') }, { path: 'inc-script/includes/s.md', text: `<script>${MARK}</script>\n\n<img src=x onerror="${MARK}">\n` }] },
    { name: 'include-topic-outside-includes', outcome: 'no-page', entries: [{ path: 'inc-topic/snippet.md', text: '---\nms.topic: include\n---\nSnippet text.\n' }] },
    { name: 'symlink-leaving-root', outcome: 'no-page', codes: ['path-refused'], refused: ['symlinks/leak.md'], entries: [{ path: 'symlinks/leak.md', symlink: canaryAbs }] },
    { name: 'symlink-dangling', outcome: 'no-page', codes: ['path-refused'], refused: ['symlinks/dangling.md'], entries: [{ path: 'symlinks/dangling.md', symlink: 'no-such-target.md' }] },
    { name: 'symlink-folder-outside', outcome: 'no-page', codes: ['path-refused'], entries: [{ path: 'symlinks/etc', symlink: '/etc' }] },
    { name: 'symlink-inside', outcome: 'page', entries: [{ path: 'symlinks/target.md', text: article('Symlink target') }, { path: 'symlinks/alias.md', symlink: 'target.md' }] },
    { name: 'image-outside-root', outcome: 'page', codes: ['image-outside-root'], entries: [{ path: 'img-outside/a.md', text: article('Image outside', '', `\n## Symptoms\n\n![passwd](../../../../etc/passwd)\n\n![canary](${canaryRel('img-outside').replace(/\.md$/, '.png')})\n\n:::image source="../../../../../etc/hostname" alt-text="x":::\n`) }] },
    { name: 'image-symlink-outside', outcome: 'page', entries: [{ path: 'img-link/leak.png', symlink: canaryAbs.replace(/\.md$/, '.png') }, { path: 'img-link/a.md', text: article('Image symlink', '', '\n## Symptoms\n\n![leak](leak.png)\n\n[download](leak.png)\n') }] },
    { name: 'link-outside-root', outcome: 'page', codes: ['link-outside-root'], entries: [{ path: 'link-outside/a.md', text: article('Link outside', '', `\n## Symptoms\n\n[passwd](../../../../etc/passwd) and [canary](${canaryRel('link-outside').replace(/\.md$/, '.txt')})\n`) }] },
    { name: 'html-document-asset', outcome: 'page', codes: ['asset-refused'], entries: [{ path: 'html-asset/page.html', text: `<script>${MARK}</script><img src=x onerror="${MARK}">` }, { path: 'html-asset/a.md', text: article('Links an HTML file', '', '\n## Symptoms\n\n[open the page](page.html)\n') }] },
    { name: 'svg-with-script-asset', outcome: 'page', codes: ['asset-refused'], entries: [{ path: 'svg/evil.svg', text: `<svg xmlns="http://www.w3.org/2000/svg" onload="${MARK}"><script>${MARK}</script></svg>` }, { path: 'svg/a.md', text: article('SVG image', '', '\n## Symptoms\n\n![evil](evil.svg)\n') }] },
    // --- Links ---
    { name: 'broken-links', outcome: 'page', codes: ['link-broken', 'anchor-broken'], entries: [{ path: 'links/a.md', text: article('Broken links', '', '\n## Symptoms\n\n[missing](missing-article.md) and [bad anchor](#no-such-anchor) and [other](b.md#nope) and [good](b.md#resolution).\n') }, { path: 'links/b.md', text: article('Link target') }] },
    // --- HTML and scripts ---
    { name: 'raw-html-allowed', outcome: 'page', entries: [{ path: 'html-ok/a.md', text: article('Allowed HTML', '', '\n## Symptoms\n\n<details><summary>More</summary>\n\nHidden text.\n\n</details>\n\n<table><tr><td>cell<br>two</td></tr></table>\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>. x<sup>2</sup>\n\n<a id="custom-anchor"></a>\n') }], check: ({ pages, html, fail }) => { const h = html([...pages.values()][0].url); for (const t of ['<details', '<summary', '<kbd', '<sup', '<table', 'id="custom-anchor"']) if (!h.includes(t)) fail(`allowed HTML ${t} was lost`); } },
    { name: 'script-tag', outcome: 'page', codes: ['unsafe-html'], entries: [{ path: 'html-script/a.md', text: article('Script tag', '', `\n## Symptoms\n\n<script>${MARK}</script>\n\n<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n\n<scr<script>ipt>alert(1)</script>\n\nText <script type="module">import('//evil')</script> inline.\n`) }] },
    { name: 'event-handlers', outcome: 'page', codes: ['unsafe-html'], entries: [{ path: 'html-on/a.md', text: article('Event handlers', '', `\n## Symptoms\n\n<img src="x" onerror="${MARK}">\n\n<div onclick="alert(1)" onmouseover='alert(1)'>hover</div>\n\n<p ONLOAD=alert(1)>x</p>\n\n<details open ontoggle=alert(1)><summary>t</summary></details>\n\n<body onload=alert(1)>\n`) }] },
    { name: 'javascript-links', outcome: 'page', entries: [{ path: 'html-js/a.md', text: article('javascript links', '', '\n## Symptoms\n\n[click](javascript:alert(1)) [upper](JaVaScRiPt:alert(1)) [tab](java\tscript:alert(1)) [ent](java&#x09;script:alert(1)) [ref][r] <javascript:alert(1)>\n\n<a href="javascript:alert(1)">a</a> <a href=" javascript:alert(1)">b</a> <a href="&#106;avascript:alert(1)">c</a> <a href="vbscript:msgbox(1)">d</a>\n\n[r]: javascript:alert(1)\n') }] },
    { name: 'data-links', outcome: 'page', entries: [{ path: 'html-data/a.md', text: article('data links', '', '\n## Symptoms\n\n[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href="data:text/html,<script>alert(1)</script>">x</a>\n\n![i](data:image/svg+xml,<svg onload=alert(1)>)\n') }] },
    { name: 'iframe-object-embed', outcome: 'page', codes: ['unsafe-html'], entries: [{ path: 'html-frames/a.md', text: article('Frames', '', '\n## Symptoms\n\n<iframe src="https://evil.example"></iframe>\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>\n\n<object data="x.swf"></object>\n\n<embed src="x.swf">\n\n<frameset><frame src="x"></frameset>\n') }] },
    { name: 'style-and-meta', outcome: 'page', codes: ['unsafe-html'], entries: [{ path: 'html-style/a.md', text: article('Style', '', '\n## Symptoms\n\n<style>body{display:none}</style>\n\n<div style="background:url(javascript:alert(1))">x</div>\n\n<meta http-equiv="refresh" content="0;url=javascript:alert(1)">\n\n<base href="https://evil.example/">\n\n<link rel="stylesheet" href="https://evil.example/x.css">\n') }] },
    { name: 'svg-math-form', outcome: 'page', entries: [{ path: 'html-svg/a.md', text: article('SVG math form', '', '\n## Symptoms\n\n<svg onload=alert(1)><script>alert(1)</script></svg>\n\n<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n\n<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>\n\n<textarea></textarea><script>alert(1)</script>\n\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n\n<template><script>alert(1)</script></template>\n') }] },
    { name: 'html-in-code', outcome: 'page', entries: [{ path: 'html-code/a.md', text: article('HTML in code', '', '\n## Symptoms\n\n```html\n<script>alert(1)</script>\n```\n\n`<img src=x onerror=alert(1)>`\n') }], check: ({ pages, html, fail }) => { if (!html([...pages.values()][0].url).includes('&#x3C;script>alert(1)&#x3C;/script>') && !html([...pages.values()][0].url).includes('&lt;script&gt;alert(1)')) fail('code sample with <script> should be shown as text'); } },
    // --- MDX ---
    { name: 'mdx-invalid', outcome: 'page', codes: ['mdx-invalid'], entries: [{ path: 'mdx/invalid.mdx', text: article('Invalid MDX', '', '\n## Symptoms\n\n<Foo bar={>\n\nText { unclosed\n') }] },
    { name: 'mdx-esm-and-expressions', outcome: 'page', entries: [{ path: 'mdx/esm.mdx', text: article('MDX ESM', '', `\nimport x from './evil.js'\nexport const y = (() => { ${MARK} })()\n\n## Symptoms\n\nValue {window.__xss = 1} and {alert(1)}.\n\n<Alert onClick={() => alert(1)}>x</Alert>\n\n<div dangerouslySetInnerHTML={{__html: '<img src=x onerror=alert(1)>'}} />\n`) }] },
    { name: 'mdx-html-comment', outcome: 'either', entries: [{ path: 'mdx/comment.mdx', text: article('MDX comment', '', '\n## Symptoms\n\n<!-- an HTML comment is invalid MDX -->\n\nText.\n') }] },
    // --- toc.yml ---
    { name: 'toc-broken', outcome: 'page', entries: [{ path: 'toc-broken/toc.yml', text: '- name: Broken\n  href: a.md\n  items: [ unclosed\n\t- tab' }, { path: 'toc-broken/a.md', text: article('Under a broken toc') }] },
    { name: 'toc-hostile', outcome: 'page', entries: [{ path: 'toc-hostile/toc.yml', text: '- name: "<script>alert(1)</script>"\n  href: ../../../../etc/passwd\n- name: JS\n  href: "javascript:alert(1)"\n- name: Missing\n  href: nowhere.md\n- name: Self\n  href: toc.yml\n- name: Loop\n  items:\n    - name: again\n      href: ./toc.yml\n- name: Page\n  href: a.md\n' }, { path: 'toc-hostile/a.md', text: article('Under a hostile toc') }] },
    { name: 'toc-not-a-list', outcome: 'page', entries: [{ path: 'toc-scalar/toc.yml', text: 'just a string\n' }, { path: 'toc-scalar/TOC.yml', text: '' }, { path: 'toc-scalar/a.md', text: article('Under a scalar toc') }] },
  ];
  return cases;
}

/** The good articles written beside the bad ones: all must be published. */
function goodArticles(): Entry[] {
  return [
    { path: 'good/service-fails-to-start.md', text: article('Service fails to start with error 1053', 'ms.custom: sap:Services\\Startup\n') },
    { path: 'good/printer-offline.md', text: article('Printer shows offline after update') + '\nSee [the service article](service-fails-to-start.md#resolution).\n' },
    { path: 'good/vpn-error-809.md', text: article('VPN connection fails with error 809', 'appliesto:\n  - Windows 11\n') },
    { path: 'good/nested/disk-full.mdx', text: article('Disk is full error 112') },
  ];
}

/** Write the whole root under `work` (a fresh temp folder): `<work>/root` plus canary files beside it. */
export function writeBadInputRoot(work: string): GeneratedRoot {
  const root = path.join(work, 'root');
  const canary = `KB-CANARY-${process.pid}-${Date.now().toString(36)}-do-not-publish`;
  const canaryAbs = path.join(work, 'canary.md');
  for (const ext of ['.md', '.png', '.txt']) fs.writeFileSync(canaryAbs.replace(/\.md$/, ext), `${canary}\n\nIf you can read this, the build read a file outside the content root.\n`);
  const canaryRel = (fromDir: string) => path.posix.join(...Array(fromDir.split('/').length + 1).fill('..'), 'canary.md');
  const cases = badInputCases(canaryRel, canaryAbs);
  const good = goodArticles();
  fs.mkdirSync(root, { recursive: true });
  for (const e of [...good, ...cases.flatMap((c) => c.entries)]) {
    const abs = path.join(root, e.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if ('symlink' in e) fs.symlinkSync(e.symlink, abs);
    else fs.writeFileSync(abs, 'bytes' in e ? e.bytes : e.text);
  }
  return { root, cases, good: good.map((g) => g.path), canary };
}

export const isMarkdown = (p: string) => /\.(md|mdx|markdown)$/i.test(p);
