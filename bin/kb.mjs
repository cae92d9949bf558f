#!/usr/bin/env node
// kb — command line of the knowledge-base site.
//
//   kb lookup [--json] [--site dist] [--limit N] "<error text>"
//   some-command 2>&1 | kb lookup          (the error on stdin when no text is given)
//
// Exit status of `kb lookup`: 0 when at least one result is confident,
// 1 when no article fits confidently (weaker candidates may still be printed),
// 2 on a usage error or when the site has no lookup index.
import { parseArgs } from 'node:util';
import { openSiteLookup } from './site-lookup.mjs';

const USAGE = `Usage: kb lookup [--json] [--site <dir>] [--limit <n>] ["<error text>"]

Finds the article that documents an error. Without a text argument the error is read from stdin.

Options:
  --site <dir>   built site folder holding _kb/lookup.js (default: dist)
  --limit <n>    most results to return (default: 10)
  --json         print the results array as JSON
  -h, --help     show this help

Exit status: 0 a confident match, 1 no confident match, 2 usage error or no index.`;

async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

function formatHuman(results) {
  if (results.length === 0) return 'No article matches this error.';
  const lines = [];
  const multi = new Set(results.map((r) => r.errorIndex)).size > 1;
  if (!results.some((r) => r.confident)) lines.push('No confident match. Closest articles:', '');
  results.forEach((r, i) => {
    const mark = r.confident ? 'confident' : 'possible';
    const anchor = r.matched?.anchor ? `#${r.matched.anchor}` : '';
    lines.push(`${i + 1}. [${mark}] ${r.score.toFixed(3)}  ${r.title}${multi ? `  (error ${r.errorIndex + 1})` : ''}`);
    lines.push(`   ${r.url}${anchor}   (${r.source})`);
    if (r.matched) lines.push(`   matched: ${r.matched.text.replace(/\s+/g, ' ').slice(0, 200)}`);
    if (r.variables.length) lines.push(`   variables: ${r.variables.map((v) => `${v.type}=${v.value}`).join(', ').slice(0, 200)}`);
    lines.push('');
  });
  return lines.join('\n').trimEnd();
}

async function lookupCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        site: { type: 'string', default: 'dist' },
        limit: { type: 'string', default: '10' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { console.log(USAGE); return 0; }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) { console.error(`--limit must be a positive integer, got "${values.limit}".`); return 2; }
  let text = positionals.join(' ');
  if (!text.trim()) {
    if (process.stdin.isTTY) { console.error(`No error text given.\n\n${USAGE}`); return 2; }
    text = await readStdin();
  }
  if (!text.trim()) { console.error('The error text is empty.'); return 2; }
  let lk;
  try {
    lk = await openSiteLookup(values.site);
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  const results = await lk.lookup(text, { limit });
  console.log(values.json ? JSON.stringify(results, null, 2) : formatHuman(results));
  return results.some((r) => r.confident) ? 0 : 1;
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'lookup') return lookupCommand(rest);
  if (!command || command === '-h' || command === '--help' || command === 'help') { console.log(USAGE); return command ? 0 : 2; }
  console.error(`Unknown command "${command}".\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
