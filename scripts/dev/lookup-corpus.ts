/**
 * Dev harness for the error lookup (until the real pipeline lands):
 *   npx tsx scripts/dev/lookup-corpus.ts [corpusDir] [--queries 500] [--negatives 200]
 * Parses every .md crudely, extracts messages, builds the index in memory, and
 * measures recall@1/@3, MRR, bytes fetched and the false-confident rate.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { extractErrorMessages, type ExtractSection } from '../../src/core/errors/extract';
import { tokenizeErrorText } from '../../src/core/errors/normalize';
import { buildLookupIndex } from '../../src/core/lookup/build-index';
import { createLookup } from '../../src/core/lookup/query';
import type { LookupArticleInput } from '../../src/core/lookup/types';
import { createSlugger, urlForSource } from '../../src/core/slug';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus';
const opt = (name: string, d: number): number => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const NQ = opt('--queries', 500), NN = opt('--negatives', 200);

function walk(d: string, out: string[] = []): string[] {
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p, out); else if (/\.mdx?$/.test(e)) out.push(p);
  }
  return out;
}

// Deterministic PRNG.
let seed = 12345;
const rnd = (): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return ((seed >>> 8) & 0xffffff) / 0x1000000; };
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');

const t0 = Date.now();
const files = walk(dir).sort();
const parser = unified().use(remarkParse).use(remarkGfm);
const articles: LookupArticleInput[] = [];
for (const f of files) {
  try {
    const src = readFileSync(f, 'utf8');
    const fm = matter(src);
    const tree = parser.parse(fm.content) as Root;
    const slug = createSlugger();
    const sections: ExtractSection[] = [{ anchor: 'intro', title: '', nodes: [] }];
    let title = String(fm.data.title ?? '');
    for (const node of tree.children) {
      if (node.type === 'heading') {
        const text = toString(node);
        if (node.depth === 1) { if (!title) title = text; continue; }
        sections.push({ anchor: slug.slug(text), title: text, nodes: [] });
      } else sections[sections.length - 1].nodes.push(node as RootContent);
    }
    const source = relative(dir, f).split('\\').join('/');
    const messages = extractErrorMessages(sections, title || source);
    articles.push({ source, url: urlForSource(source), title: title || source, summary: String(fm.data.description ?? ''), messages });
  } catch (e) { console.error('skip', f, (e as Error).message); }
}
const tParse = Date.now();
const nMsgs = articles.reduce((s, a) => s + a.messages.length, 0);
const kinds: Record<string, number> = {};
for (const a of articles) for (const m of a.messages) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
console.log(`articles ${articles.length}, with messages ${articles.filter((a) => a.messages.length).length}, messages ${nMsgs}`, kinds);
console.log(`parse+extract ${((tParse - t0) / 1000).toFixed(1)} s`);

const tb = Date.now();
const files2 = buildLookupIndex(articles);
const buildS = (Date.now() - tb) / 1000;
const store = new Map(files2.map((f) => [f.path, f.data]));
const size = (d: string | Uint8Array): number => (typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength);
const total = files2.reduce((s, f) => s + size(f.data), 0);
const post = files2.filter((f) => f.path.includes('/p/'));
const postBytes = post.reduce((s, f) => s + size(f.data), 0);
console.log(`index: ${files2.length} files, ${(total / 1e6).toFixed(2)} MB (postings ${(postBytes / 1e6).toFixed(2)} MB in ${post.length} shards, max shard ${Math.max(...post.map((f) => size(f.data)))} B), build ${buildS.toFixed(2)} s`);
const again = buildLookupIndex(articles);
console.log('deterministic:', again.length === files2.length && again.every((f, i) => f.path === files2[i].path && Buffer.compare(Buffer.from(f.data as never), Buffer.from(files2[i].data as never)) === 0));

// Ground truth: template → articles holding it.
const sorted = articles.slice().sort((a, b) => (a.source < b.source ? -1 : 1));
const byTemplate = new Map<string, Set<string>>();
for (const a of sorted) for (const m of a.messages) {
  const t = tokenizeErrorText(m.text).text.toLowerCase();
  if (!byTemplate.has(t)) byTemplate.set(t, new Set());
  byTemplate.get(t)!.add(a.url);
}

const FIRST = ['Hi team,', 'Hello,', 'Hi all', 'Good morning,'];
const LAST = ['Thanks', 'Thanks in advance!', 'Regards,'];
function newValue(type: string, value: string): string {
  switch (type) {
    case 'guid': return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    case 'ipv4': return `10.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}`;
    case 'host': return `${pick(['srv', 'dc', 'app', 'sql'])}${Math.floor(rnd() * 99)}.${pick(['fabrikam.com', 'corp.local', 'woodgrove.net'])}`;
    case 'email': return `${pick(['jdoe', 'anna', 'svc_app'])}@${pick(['fabrikam.com', 'woodgrove.net'])}`;
    case 'url': return `https://${pick(['portal', 'api', 'login'])}.fabrikam.com/${hex(6)}`;
    case 'windows-path': return `D:\\Data\\${pick(['Logs', 'App', 'Backup'])}\\${hex(5)}.log`;
    case 'unc-path': return `\\\\fs${Math.floor(rnd() * 9)}\\share\\${hex(4)}`;
    case 'unix-path': return `/opt/${pick(['app', 'svc'])}/${hex(4)}.conf`;
    case 'number': return String(Math.floor(rnd() * 5000));
    case 'time': return `${Math.floor(rnd() * 12) + 1}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')} PM`;
    case 'date': return `${Math.floor(rnd() * 12) + 1}/${Math.floor(rnd() * 28) + 1}/2024`;
    case 'timestamp': return `2024-0${Math.floor(rnd() * 9) + 1}-1${Math.floor(rnd() * 9)} 1${Math.floor(rnd() * 9)}:2${Math.floor(rnd() * 9)}:0${Math.floor(rnd() * 9)}`;
    case 'hex': return hex(value.length);
    case 'quoted': return `'${pick(['CONTOSO\\jsmith', 'SRV-APP07', 'FinanceDB', 'svc-backup'])}'`;
    case 'placeholder': return pick(['SRV-APP07', 'FABRIKAM', 'jsmith', 'FinanceDB', 'fs01.fabrikam.com', '4f2c9a1e-0b7d-4c55-9a0e-1d2f3a4b5c6d']);
    default: return value;
  }
}
function perturb(text: string): string {
  const n = tokenizeErrorText(text);
  let s = '';
  let cur = 0;
  for (const m of n.masked) { s += text.slice(cur, m.start) + newValue(m.type, m.value); cur = m.end; }
  s += text.slice(cur);
  const lines = s.split('\n').filter((l) => l.trim());
  if (lines.length > 2 && rnd() < 0.4) {
    const good = lines.filter((l) => l.split(/\s+/).length >= 5);
    s = good.length ? pick(good) : lines.join('\n');
  }
  if (rnd() < 0.5) s = s.replace(/'([^']*)'/g, '‘$1’').replace(/"([^"]*)"/g, '“$1”');
  if (rnd() < 0.5) s = `2024-05-0${Math.floor(rnd() * 9) + 1}T0${Math.floor(rnd() * 9)}:1${Math.floor(rnd() * 9)}:22.${Math.floor(rnd() * 999)}Z [${Math.floor(rnd() * 40)}] ERROR ` + s;
  if (rnd() < 0.6) s = s.split('\n').map((l) => l.match(/.{1,80}/g)?.join('\n') ?? l).join('\n');
  if (rnd() < 0.4) s += `\n   at Fabrikam.Sync.Worker.Run(Context ctx) in D:\\build\\src\\Worker.cs:line ${Math.floor(rnd() * 400)}`;
  if (rnd() < 0.3) s = pick(FIRST) + '\n\n' + s;
  if (rnd() < 0.3) s = s + '\n\n' + pick(LAST);
  return s;
}

const PRODUCTS = ['Zylofax Relay', 'Quorvane Sync Agent', 'Brisket Cloud Gateway', 'Tandemly Vault', 'Orbiquo Scheduler', 'Pellucid Mesh Router', 'Vantrix Ledger', 'Kelpie Backup Daemon'];
const VERBS = ['failed to reconcile', 'could not hydrate', 'rejected the lease for', 'timed out while rebalancing', 'refused to quiesce', 'aborted the replay of'];
const OBJS = ['the shard manifest', 'partition group', 'the tenant spool', 'the ledger snapshot', 'cold-tier bucket', 'the cache ring'];
const WHY = ['because the quorum token expired', 'since the spool watermark is stale', 'due to a checksum drift in segment', 'as the broker lease is held by another node', 'because the vault seal is engaged'];
const GENERIC = ['Access is denied.', 'The operation timed out.', 'An unexpected error occurred.', 'The system cannot find the file specified.', 'Please try again later.'];
function negative(): string {
  const core = `${pick(PRODUCTS)} ${pick(VERBS)} ${pick(OBJS)} ${Math.floor(rnd() * 90)} ${pick(WHY)}.`;
  const code = rnd() < 0.5 ? ` Code: QX-${Math.floor(rnd() * 9000) + 1000}.` : '';
  const gen = rnd() < 0.5 ? ' ' + pick(GENERIC) : '';
  return perturb(core + code + gen);
}

async function main(): Promise<void> {
  const withMsgs = sorted.filter((a) => a.messages.some((m) => tokenizeErrorText(m.text).tokens.length >= 2));
  let r1 = 0, r3 = 0, mrr = 0, confidentRight = 0;
  const bytes: number[] = [];
  const times: number[] = [];
  const misses: string[] = [];
  for (let q = 0; q < NQ; q++) {
    const art = pick(withMsgs);
    const msgs = art.messages.filter((m) => tokenizeErrorText(m.text).tokens.length >= 2);
    const msg = pick(msgs);
    const truth = byTemplate.get(tokenizeErrorText(msg.text).text.toLowerCase()) ?? new Set([art.url]);
    const paste = perturb(msg.text);
    const lk = createLookup(async (p) => store.get(p) ?? Promise.reject(new Error('404 ' + p)));
    const ts = performance.now();
    const res = await lk.lookup(paste, { limit: 10 });
    times.push(performance.now() - ts);
    bytes.push(lk.stats().bytes);
    const rank = res.findIndex((r) => truth.has(r.url));
    if (rank === 0) { r1++; if (res[0].confident) confidentRight++; }
    if (rank >= 0 && rank < 3) r3++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (rank !== 0 && misses.length < 12) misses.push(`[${msg.kind}] ${art.source} rank=${rank}\n   msg: ${msg.text.slice(0, 160).replace(/\n/g, ' ⏎ ')}\n   got: ${res[0]?.source} ${res[0]?.score} «${res[0]?.matched.text.slice(0, 100).replace(/\n/g, ' ')}»`);
  }
  let falseConf = 0;
  const fcs: string[] = [];
  for (let q = 0; q < NN; q++) {
    const paste = negative();
    const lk = createLookup(async (p) => store.get(p) ?? Promise.reject(new Error('404')));
    const res = await lk.lookup(paste);
    if (res.some((r) => r.confident)) { falseConf++; if (fcs.length < 5) fcs.push(paste.replace(/\n/g, ' ⏎ ').slice(0, 160) + '  →  ' + res.find((r) => r.confident)!.matched.text.slice(0, 80)); }
  }
  bytes.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  console.log(`\nqueries ${NQ}: recall@1 ${(r1 / NQ).toFixed(3)}  recall@3 ${(r3 / NQ).toFixed(3)}  MRR ${(mrr / NQ).toFixed(3)}  confident@hit ${(confidentRight / Math.max(1, r1)).toFixed(3)}`);
  console.log(`bytes fetched: median ${bytes[bytes.length >> 1]}  p90 ${bytes[Math.floor(bytes.length * 0.9)]}  mean ${Math.round(bytes.reduce((s, b) => s + b, 0) / bytes.length)}`);
  console.log(`node lookup time: median ${times[times.length >> 1].toFixed(1)} ms  p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms`);
  console.log(`negatives ${NN}: false-confident ${(falseConf / NN).toFixed(3)}`);
  if (args.includes('--verbose')) { console.log('\nmisses:\n' + misses.join('\n')); console.log('\nfalse confident:\n' + fcs.join('\n')); }
}
await main();
