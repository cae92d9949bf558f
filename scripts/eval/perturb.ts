/**
 * How real pastes differ from the message an article documents. Each
 * perturbation is a named entry of one table; a query applies a seeded random
 * subset, so the query set is reproducible from the seed and never tuned per query.
 */
import { tokenizeErrorText } from '../../src/core/errors/normalize';

export interface Rng { next(): number; pick<T>(xs: readonly T[]): T; int(n: number): number; hex(n: number): string }

/** mulberry32: small, fast, reproducible. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], hex: (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('') };
}

/** A fresh value of the same kind as a masked one: the customer's own names, IDs and times. */
export function freshValue(type: string, value: string, r: Rng): string {
  switch (type) {
    case 'guid': return `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`;
    case 'ipv4': return `10.${r.int(255)}.${r.int(255)}.${r.int(255)}`;
    case 'ipv6': return `fd00:${r.hex(4)}:${r.hex(4)}::${r.hex(3)}`;
    case 'host': return `${r.pick(['srv', 'dc', 'app', 'sql', 'web'])}${r.int(99)}.${r.pick(['fabrikam.com', 'corp.local', 'woodgrove.net', 'litware.org'])}`;
    case 'email': return `${r.pick(['jdoe', 'anna', 'svc_app', 'm.garcia'])}@${r.pick(['fabrikam.com', 'woodgrove.net'])}`;
    case 'url': return `https://${r.pick(['portal', 'api', 'login', 'intranet'])}.fabrikam.com/${r.hex(6)}`;
    case 'windows-path': return `D:\\Data\\${r.pick(['Logs', 'App', 'Backup'])}\\${r.hex(5)}.log`;
    case 'unc-path': return `\\\\fs${r.int(9)}\\share\\${r.hex(4)}`;
    case 'unix-path': return `/opt/${r.pick(['app', 'svc', 'data'])}/${r.hex(4)}.conf`;
    case 'number': return String(r.int(5000));
    case 'time': return `${r.int(12) + 1}:${String(r.int(60)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')} PM`;
    case 'date': return `${r.int(12) + 1}/${r.int(28) + 1}/2024`;
    case 'timestamp': return `2024-0${r.int(9) + 1}-1${r.int(9)} 1${r.int(9)}:2${r.int(9)}:0${r.int(9)}`;
    case 'hex': return r.hex(value.replace(/^0x/i, '').length);
    case 'quoted': return `'${r.pick(['CONTOSO\\jsmith', 'SRV-APP07', 'FinanceDB', 'svc-backup', 'HR-Share'])}'`;
    case 'placeholder': return r.pick(['SRV-APP07', 'FABRIKAM', 'jsmith', 'FinanceDB', 'fs01.fabrikam.com', '4f2c9a1e-0b7d-4c55-9a0e-1d2f3a4b5c6d']);
    default: return value;
  }
}

/** Every value the normalizer would mask, replaced by a fresh one of its kind. */
export function swapVariables(text: string, r: Rng): string {
  const n = tokenizeErrorText(text);
  let s = '';
  let cur = 0;
  for (const m of n.masked) { s += text.slice(cur, m.start) + freshValue(m.type, m.value, r); cur = m.end; }
  return s + text.slice(cur);
}

const wrapAt = (s: string, w: number): string => s.split('\n').map((l) => l.match(new RegExp(`.{1,${w}}`, 'g'))?.join('\n') ?? l).join('\n');
const GREETINGS = ['Hi team,', 'Hello,', 'Hi all', 'Good morning,', 'Hey, customer reports this:'];
const SIGN_OFFS = ['Thanks', 'Thanks in advance!', 'Regards,\nDana', 'Any idea?'];
const LEVELS = ['ERROR', 'Error', 'ERR', 'FATAL', 'WARN'];

export interface Perturbation { name: string; p: number; apply(s: string, r: Rng): string }

/** The table. Order matters: line picking before decoration, wraps after prefixes. */
export const PERTURBATIONS: Perturbation[] = [
  { name: 'one-line-of-many', p: 0.35, apply: (s, r) => {
    const lines = s.split('\n').filter((l) => l.trim().split(/\s+/).length >= 5);
    return lines.length > 2 ? r.pick(lines) : s;
  } },
  { name: 'curly-quotes', p: 0.4, apply: (s) => s.replace(/'([^'\n]*)'/g, '‘$1’').replace(/"([^"\n]*)"/g, '“$1”') },
  { name: 'json-envelope', p: 0.12, apply: (s, r) => JSON.stringify({ error: r.pick(['invalid_request', 'server_error', 'Failed']), error_description: s.replace(/\s*\n\s*/g, ' '), trace_id: `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`, timestamp: '2024-06-11 09:41:07Z' }) },
  { name: 'log-prefix', p: 0.35, apply: (s, r) => s.split('\n').map((l, i) => (i === 0 || r.next() < 0.5 ? `2024-05-0${r.int(9) + 1}T0${r.int(9)}:1${r.int(9)}:22.${r.int(999)}Z [${r.int(40)}] ${r.pick(LEVELS)} ${l}` : l)).join('\n') },
  { name: 'powershell', p: 0.15, apply: (s, r) => `PS C:\\Users\\${r.pick(['admin', 'jdoe'])}> ${r.pick(['Get-Thing', 'Invoke-Job', 'Set-Config'])} -Name ${r.hex(4)}\n${s}\nAt line:1 char:${r.int(40) + 1}\n+ ${r.pick(['Get-Thing', 'Invoke-Job'])} -Name ${r.hex(4)}\n+ ~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : ${r.pick(['NotSpecified', 'InvalidOperation', 'ObjectNotFound'])}: (:) [], ${r.pick(['RemoteException', 'CmdletInvocationException'])}\n    + FullyQualifiedErrorId : ${r.pick(['RuntimeException', 'CommandNotFoundException'])}` },
  { name: 'dotnet-stack', p: 0.25, apply: (s, r) => `${s}\n   at Fabrikam.${r.pick(['Sync', 'Billing', 'Portal'])}.Worker.Run(Context ctx) in D:\\build\\src\\Worker.cs:line ${r.int(400)}\n   at System.Threading.Tasks.Task.InnerInvoke()\n   at Fabrikam.Host.Program.Main(String[] args)` },
  { name: 'wrap-80', p: 0.3, apply: (s) => wrapAt(s, 80) },
  { name: 'wrap-120', p: 0.2, apply: (s) => wrapAt(s, 120) },
  { name: 'greeting', p: 0.3, apply: (s, r) => `${r.pick(GREETINGS)}\n\n${s}${r.next() < 0.6 ? `\n\n${r.pick(SIGN_OFFS)}` : ''}` },
];

/** Variables always swapped (a real paste never has the article's example values), then a seeded subset of the table. */
export function perturbPaste(text: string, r: Rng): { paste: string; applied: string[] } {
  let s = swapVariables(text, r);
  const applied = ['variables'];
  let wrapped = false;
  for (const p of PERTURBATIONS) {
    if (r.next() >= p.p) continue;
    if (p.name.startsWith('wrap-') && wrapped) continue;
    if (p.name.startsWith('wrap-')) wrapped = true;
    s = p.apply(s, r);
    applied.push(p.name);
  }
  return { paste: s, applied };
}

/** Two errors in one paste, separated as a console would show them. */
export function twoErrors(a: string, b: string, r: Rng): string {
  return r.next() < 0.5 ? `${a}\n\n${b}` : `${a}\n\nand then:\n\n${b}`;
}

// Realistic errors of products no article covers: invented names and codes, real-looking shapes.
const PRODUCTS = ['Zylofax Relay', 'Quorvane Sync Agent', 'Brisket Cloud Gateway', 'Tandemly Vault', 'Orbiquo Scheduler', 'Pellucid Mesh Router', 'Vantrix Ledger', 'Kelpie Backup Daemon', 'Marrowind Edge Cache', 'Fennick Print Spooler Plus'];
const VERBS = ['failed to reconcile', 'could not hydrate', 'rejected the lease for', 'timed out while rebalancing', 'refused to quiesce', 'aborted the replay of', 'lost the heartbeat of', 'could not rotate'];
const OBJS = ['the shard manifest', 'partition group', 'the tenant spool', 'the ledger snapshot', 'cold-tier bucket', 'the cache ring', 'the license beacon', 'the relay cursor'];
const WHY = ['because the quorum token expired', 'since the spool watermark is stale', 'due to a checksum drift in segment', 'as the broker lease is held by another node', 'because the vault seal is engaged', 'after the keyring epoch advanced'];
const GENERIC = ['Access is denied.', 'The operation timed out.', 'An unexpected error occurred.', 'The system cannot find the file specified.', 'Please try again later.', 'Contact your administrator.'];
const EXC = ['Quorvane.Runtime.LeaseConflictException', 'Zylofax.Core.SpoolCorruptedException', 'Tandemly.Vault.SealEngagedException', 'Orbiquo.Jobs.CursorDriftException'];

export function negativePaste(r: Rng): string {
  const shape = r.int(3);
  let core: string;
  if (shape === 0) core = `${r.pick(PRODUCTS)} ${r.pick(VERBS)} ${r.pick(OBJS)} ${r.int(90)} ${r.pick(WHY)}.`;
  else if (shape === 1) core = `Unhandled exception. ${r.pick(EXC)}: ${r.pick(OBJS)} ${r.pick(VERBS).split(' ').slice(-2).join(' ')} ${r.pick(WHY)}.`;
  else core = `[${r.pick(PRODUCTS)}] code QX-${r.int(9000) + 1000}: ${r.pick(OBJS)} ${r.pick(WHY)}.`;
  if (r.next() < 0.5) core += ` Code: QX-${r.int(9000) + 1000}.`;
  if (r.next() < 0.5) core += ' ' + r.pick(GENERIC);
  return perturbPaste(core, r).paste;
}
