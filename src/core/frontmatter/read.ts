import { load, YAMLException } from 'js-yaml';
import type { DiagnosticSink } from '../diagnostics';
import { isRecord } from './values';
import { salvageFrontMatter } from './salvage';

export interface FrontMatter {
  /** The front matter as a mapping; `{}` when there is none or nothing could be read. */
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** 1-based file line of each top-level key, for diagnostics about a field. */
  keyLines: Record<string, number>;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
/** Aliases multiply work for every reader downstream; real front matter has none. */
const MAX_ALIASES = 20;

/**
 * Split a file into front matter and body and parse the YAML. Never throws: broken YAML becomes a
 * `yaml-invalid` error with its file line and a line-by-line salvage of simple `key: value` pairs.
 *
 * js-yaml is used directly (its default YAML 1.2 core schema keeps `2023-12-26` a string) rather than
 * gray-matter: gray-matter needs Node's `fs`/`Buffer`, caches results by content, and evaluates
 * `---js` front matter as code.
 */
export function readFrontMatter(text: string, sink: DiagnosticSink): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  // Blank lines before the opening fence are tolerated; anything else means there is no front matter.
  let open = 0;
  while (open < lines.length && lines[open].trim() === '') open++;
  if (open >= lines.length || !OPENING.test(lines[open])) {
    sink.warn('frontmatter-missing', 'The file has no front matter (no `---` block at the top); title and metadata come from the body.');
    return { data: {}, body: lines.join('\n'), bodyLine: 1, keyLines: {} };
  }
  if (open > 0) {
    sink.warn('frontmatter-offset', 'The front matter does not start on the first line; blank lines before it were ignored.', open + 1);
  }

  const first = open + 1; // index of the first YAML line
  let close = lines.findIndex((l, i) => i >= first && CLOSING.test(l));
  let bodyStart: number;
  if (close < 0) {
    close = unclosedBlockEnd(lines, first);
    bodyStart = close;
    sink.warn(
      'frontmatter-unclosed',
      `The front matter opened on line ${open + 1} is never closed with \`---\`; it was taken to end at line ${close}.`,
      open + 1,
    );
  } else {
    bodyStart = close + 1;
  }

  const yamlLines = lines.slice(first, close);
  const firstYamlLine = first + 1; // 1-based
  const keyLines = topLevelKeyLines(yamlLines, firstYamlLine);
  const data = parseBlock(yamlLines.join('\n'), firstYamlLine, sink);
  return { data, body: lines.slice(bodyStart).join('\n'), bodyLine: bodyStart + 1, keyLines };
}

function parseBlock(yaml: string, firstLine: number, sink: DiagnosticSink): Record<string, unknown> {
  if (yaml.trim() === '' || yaml.split('\n').every((l) => /^\s*(#.*)?$/.test(l))) {
    sink.warn('frontmatter-empty', 'The front matter block is empty.', firstLine - 1);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = load(yaml, { maxAliases: MAX_ALIASES });
  } catch (e) {
    return recoverFromError(yaml, e, firstLine, sink);
  }
  if (parsed === null || parsed === undefined) return {};
  if (isRecord(parsed)) return parsed;
  const what = Array.isArray(parsed) ? 'a list' : 'a single value';
  const salvaged = salvageFrontMatter(yaml);
  const kept = Object.keys(salvaged).length;
  sink.warn(
    'frontmatter-not-mapping',
    `The front matter is ${what}, not a set of \`key: value\` fields; ${kept ? `${kept} field(s) were read line by line` : 'it was ignored'}.`,
    firstLine,
  );
  return salvaged;
}

function recoverFromError(yaml: string, error: unknown, firstLine: number, sink: DiagnosticSink): Record<string, unknown> {
  const mark = error instanceof YAMLException ? error.mark : undefined;
  const line = mark && Number.isInteger(mark.line) ? firstLine + mark.line : undefined;
  const reason = error instanceof YAMLException ? error.reason : error instanceof Error ? error.message : 'unreadable YAML';

  // A repeated key is the one error with an obvious reading: the later value wins, as in most tools.
  if (/duplicat/i.test(reason)) {
    try {
      const lenient = load(yaml, { json: true, maxAliases: MAX_ALIASES });
      if (isRecord(lenient)) {
        sink.warn('yaml-duplicate-key', `The front matter repeats a key (${reason}); the last value was used.`, line);
        return lenient;
      }
    } catch {
      // Fall through to the line-by-line salvage.
    }
  }
  const salvaged = salvageFrontMatter(yaml);
  const kept = Object.keys(salvaged);
  sink.error(
    'yaml-invalid',
    `The front matter is not valid YAML (${reason}); ${kept.length ? `read line by line instead: ${kept.join(', ')}` : 'no field could be read'}.`,
    line,
  );
  return salvaged;
}

/** A line that can belong to YAML front matter: blank, indented, comment, list item or `key:`. */
const YAMLISH = /^(?:\s*$|\s+\S|#|-(?:\s|$)|[^\s:#][^:]*:(?:\s|$))/;
const MARKDOWN_HEADING = /^#{1,6}\s+\S/;

/**
 * For an unclosed block: the YAML runs while lines look like YAML. A Markdown heading after at least
 * one key also ends it (before any key, `# text` is a YAML comment). Trailing blank lines go to the body.
 * Returns the index of the first body line.
 */
function unclosedBlockEnd(lines: string[], first: number): number {
  let sawKey = false;
  let end = first;
  while (end < lines.length) {
    const l = lines[end];
    if (!YAMLISH.test(l) || (sawKey && MARKDOWN_HEADING.test(l))) break;
    if (/^[^\s#-]/.test(l)) sawKey = true;
    end++;
  }
  while (end > first && lines[end - 1].trim() === '') end--;
  return end;
}

const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"-][^:]*?|-[^\s:][^:]*?))\s*:(?:\s|$)/;

function topLevelKeyLines(yamlLines: string[], firstLine: number): Record<string, number> {
  const found = new Map<string, number>();
  yamlLines.forEach((l, i) => {
    const m = TOP_LEVEL_KEY.exec(l);
    if (!m) return;
    const key = (m[1] ?? m[2] ?? m[3]).trim();
    if (!found.has(key)) found.set(key, firstLine + i);
  });
  return Object.fromEntries(found);
}
