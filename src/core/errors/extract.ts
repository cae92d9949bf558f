/**
 * Finds the error messages an article documents, with the section they stand in.
 * Kinds: code blocks of error output (not commands), blockquotes, quoted headings,
 * `<details>` summaries, error-code table rows, and identifiers in title and text.
 */
import type { RootContent, Table, Code, Blockquote, Paragraph, Html, List } from 'mdast';
import { lineText } from '../markdown/plain-text';
import type { ErrorMessage } from '../model/article';
import { tokenizeErrorText } from './normalize';
import { IDENTIFIER_FORMS, mayMatch } from './identifiers';

export interface ExtractSection { anchor: string; title: string; nodes: RootContent[] }

/** Block languages that hold commands or source rather than output. */
const COMMAND_LANGS = new Set([
  'powershell', 'ps', 'ps1', 'pwsh', 'azurepowershell', 'azurepowershell-interactive', 'bash', 'sh', 'shell', 'zsh', 'cmd', 'bat', 'batch', 'dos',
  'sql', 'tsql', 'plsql', 'mysql', 'kusto', 'kql', 'json', 'jsonc', 'xml', 'yaml', 'yml', 'ini', 'reg', 'csharp', 'cs', 'c#', 'vb', 'vbnet', 'vbs', 'vbscript',
  'javascript', 'js', 'typescript', 'ts', 'python', 'py', 'java', 'c', 'cpp', 'c++', 'html', 'aspx', 'aspx-csharp', 'aspx-vb', 'css', 'azurecli',
  'azurecli-interactive', 'http', 'configuration', 'config', 'dockerfile', 'makefile', 'go', 'rust', 'php', 'ruby', 'perl', 'csv', 'markdown', 'md',
]);
/** Blocks with these (or no) language are output candidates. */
const OUTPUT_LANGS = new Set(['', 'console', 'output', 'error', 'text', 'txt', 'plaintext', 'log', 'adoc', 'asciidoc', 'none', 'terminal']);
/** A lead-in that announces an error message: one of these words in its last sentence, which ends in a colon. */
const LEAD_IN_WORD = /\b(?:error|message|exception|fails?|failed|failure|warning|event|entry|entries|logged|output|returns?|returned|receive[sd]?|see|displayed|shows?|following|prompt)\b/i;
const LEAD_IN_ERROR = /\b(?:error|exception|fail|warning|event|message)/i;
/** A sentence that announces what follows without a colon: "…the following error is logged in the Event Viewer." */
const ANNOUNCES_FOLLOWING = /\bfollowing (?:[\w-]+ ){0,2}(?:errors?|messages?|exceptions?|warnings?|events?|entry|entries)\b/i;
/** Text that reads like an error rather than instructions. */
const ERRORISH = /\b(?:error|fail(?:ed|ure|s)?|denied|exception|unable|cannot|can't|couldn't|could not|invalid|not found|isn't|doesn't|wasn't|unexpected|timed? ?out|refused|forbidden|unauthorized|problem|0x[0-9a-f]{8}|stopped|crash|missing|not (?:be )?(?:supported|allowed|available|valid))\b/i;
const COMMANDISH = /^\s*(?:PS [A-Z]:|[A-Z]:\\>|\$ |Get-|Set-|New-|Remove-|Add-|Import-|Install-|Invoke-|Enable-|Disable-|Start-|Stop-|Test-|sudo |az |kubectl |SELECT |EXEC |USE |GO$|net |reg |sc |dism |netsh |\w+\.exe )/im;
const ALERT = /^\s*\[!(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]/i;
const QUOTED = /["“]([^"“”]{12,300})["”]/g;
/** A paragraph that speaks of a message it shows in bold or italics: "…you receive **The gadget cannot be reached**." */
const SPEAKS_OF_MESSAGE = /\b(?:error|message|warning|receive[sd]?|see|get|following|displays?|shows?|prompt)\b/i;

const MAX_TEXT = 2000;
const MAX_PROSE = 300;
const MAX_ROWS = 5000;
const MAX_OTHER = 200;

const clean = (s: string): string => s.replace(/\r\n?/g, '\n').trim();

/** What follows the last of the `stops` characters in `t`, not counting its final character. Linear. */
function tailAfter(t: string, stops: string): string {
  let i = t.length - 2;
  while (i >= 0 && !stops.includes(t[i])) i--;
  return t.slice(i + 1);
}

/**
 * Whether a paragraph announces the block after it: it ends in a colon after a lead-in word of its
 * last sentence, or its last clause says "the following error…" without one. Each word is looked for
 * in the tail only, where one pattern scanning to the end from every word was quadratic.
 */
function announcesBlock(text: string): boolean {
  const t = text.trimEnd();
  if (t.endsWith(':')) return LEAD_IN_WORD.test(tailAfter(t, '.')) && LEAD_IN_ERROR.test(text);
  return ANNOUNCES_FOLLOWING.test(tailAfter(t, '.!?:'));
}

function codeColumns(header: string[]): { code: number; msg: number } | null {
  const code = header.findIndex((h) => /\b(?:code|error|hresult|id|value|number|status|hex|decimal|constant|name|symbol)\b/i.test(h));
  let msg = header.findIndex((h, i) => i !== code && /\b(?:message|description|text|meaning|string|explanation|error)\b/i.test(h));
  if (code < 0) return null;
  if (msg < 0) msg = header.findIndex((_, i) => i !== code);
  return msg < 0 ? null : { code, msg };
}

/**
 * Cheap pre-check before running the full normalizer: each form with its own flags. (One
 * case-insensitive alternation would let the CamelCase and SYMBOL forms match nearly any word.)
 */
const MAYBE_IDENT = IDENTIFIER_FORMS.map((f) => ({ form: f, re: new RegExp(f.re.source, f.re.flags.replace('g', '')) }));

function hasIdentifier(text: string): boolean {
  return MAYBE_IDENT.some(({ form, re }) => mayMatch(form, text) && re.test(text)) && tokenizeErrorText(text).identifiers.length > 0;
}

export function extractErrorMessages(sections: ExtractSection[], articleTitle: string): ErrorMessage[] {
  const out: ErrorMessage[] = [];
  const seen = new Set<string>();
  let other = 0;
  const add = (text: string, anchor: string, section: string, kind: ErrorMessage['kind']): void => {
    const t = clean(text);
    if (t.length < 4) return;
    if (kind !== 'table-row' && ++other > MAX_OTHER) return;
    const key = tokenizeErrorText(t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t).text.toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ text: t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t, anchor, section, kind });
  };

  // Title: quoted messages and identifiers.
  const introAnchor = sections[0]?.anchor ?? 'intro';
  const introTitle = sections[0]?.title ?? articleTitle;
  for (const m of articleTitle.matchAll(QUOTED)) add(m[1], introAnchor, introTitle, 'title');
  if (hasIdentifier(articleTitle)) add(articleTitle, introAnchor, introTitle, 'title');

  for (const sec of sections) {
    if (sec.title && (QUOTED.test(sec.title) || hasIdentifier(sec.title))) {
      QUOTED.lastIndex = 0;
      const quoted = [...sec.title.matchAll(QUOTED)].map((m) => m[1]);
      for (const q of quoted) add(q, sec.anchor, sec.title, 'heading');
      if (!quoted.length) add(sec.title, sec.anchor, sec.title, 'heading');
    }
    QUOTED.lastIndex = 0;
    let rows = 0;
    /** `announced`: the nodes are an item of a list that a lead-in announced, so an item's own "In the log:" leads in too. */
    const visit = (nodes: RootContent[], announced = false): void => {
      let leadIn = false;
      for (const node of nodes) {
        switch (node.type) {
          case 'code': {
            const c = node as Code;
            const lang = (c.lang ?? '').toLowerCase();
            const body = c.value;
            const output = OUTPUT_LANGS.has(lang) && (leadIn || (ERRORISH.test(body) && !COMMANDISH.test(body)));
            const announced = COMMAND_LANGS.has(lang) && leadIn && ERRORISH.test(body) && !COMMANDISH.test(body);
            if (output || announced) add(body, sec.anchor, sec.title, 'code-block');
            break;
          }
          case 'blockquote': {
            const b = node as Blockquote;
            const text = lineText(b.children);
            if (ALERT.test(text)) { visit(b.children as RootContent[]); break; }
            if (leadIn || ERRORISH.test(text)) add(text, sec.anchor, sec.title, 'blockquote');
            break;
          }
          case 'list': {
            const l = node as List;
            // An announced item is one message, unless it holds its messages in quotes or blocks of its own.
            for (const item of l.children) {
              const t = leadIn && !item.children.some((c) => c.type === 'blockquote' || c.type === 'code') ? lineText(item) : '';
              if (t && t.length <= MAX_PROSE) add(t, sec.anchor, sec.title, 'text');
              else visit(item.children as RootContent[], leadIn);
            }
            break;
          }
          case 'table': {
            const t = node as Table;
            const [head, ...body] = t.children;
            if (!head) break;
            const cols = codeColumns(head.children.map((c) => lineText(c)));
            if (!cols) break;
            for (const row of body) {
              if (rows >= MAX_ROWS) break;
              const code = lineText(row.children[cols.code] ?? { type: 'text', value: '' }).trim();
              const msg = lineText(row.children[cols.msg] ?? { type: 'text', value: '' }).trim();
              if (!msg && !code) continue;
              const text = /^-?\d+$/.test(code) ? `Error ${code}: ${msg}` : code && msg ? `${code}: ${msg}` : code || msg;
              if (msg.length >= 4 || hasIdentifier(code)) { rows++; add(text, sec.anchor, sec.title, 'table-row'); }
            }
            break;
          }
          case 'html': {
            const h = (node as Html).value;
            for (const m of h.matchAll(/<summary[^>]*>([\s\S]*?)<\/summary>/gi)) add(m[1].replace(/<[^>]+>/g, ''), sec.anchor, sec.title, 'details');
            break;
          }
          case 'paragraph': {
            const text = lineText(node as Paragraph);
            const isLead = announcesBlock(text) || (announced && /:\s*$/.test(text));
            if (!isLead) {
              for (const m of text.matchAll(QUOTED)) if (ERRORISH.test(text)) add(m[1], sec.anchor, sec.title, 'text');
              if (SPEAKS_OF_MESSAGE.test(text)) {
                for (const c of (node as Paragraph).children) {
                  if (c.type !== 'strong' && c.type !== 'emphasis') continue;
                  const shown = lineText(c).trim();
                  if (shown.length >= 20 && shown.length <= MAX_PROSE && shown.length < text.length && ERRORISH.test(shown) && !/[?:]$/.test(shown)) add(shown, sec.anchor, sec.title, 'text');
                }
              }
              if (text.length <= MAX_PROSE && hasIdentifier(text)) add(text, sec.anchor, sec.title, 'text');
              else if (text.length > MAX_PROSE) {
                for (const sentence of text.split(/(?<=[.!?])\s+/)) if (sentence.length <= MAX_PROSE && hasIdentifier(sentence)) add(sentence, sec.anchor, sec.title, 'text');
              }
            }
            leadIn = isLead;
            continue;
          }
          default:
            if ('children' in node && Array.isArray((node as { children?: unknown }).children)) visit((node as { children: RootContent[] }).children);
        }
        leadIn = false;
      }
    };
    visit(sec.nodes);
  }
  return out;
}
