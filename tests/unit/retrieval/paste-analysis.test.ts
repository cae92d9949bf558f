import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/retrieval/analyzer';
import { blankValues } from '../../../src/core/retrieval/value-blanking';
import { healHardWraps } from '../../../src/core/errors/hard-wrap';
import { normalizeErrorText } from '../../../src/core/errors/normalize';
import { QUERY_RANKING, queryTerms } from '../../../src/core/retrieval/rank-articles';
import { termHash } from '../../../src/core/retrieval/format';

const terms = (t: string) => analyze(t).map((x) => x.term);
/** The query of a paste given as its lines. */
const queryOfLines = (lines: string[]) => queryTerms(lines.join('\n'), new Set());
/** Where the first of `words` is among a query's keys. */
const firstKeyOf = (keys: string[], words: string[]) => Math.min(...words.map((k) => keys.indexOf(k)).filter((i) => i >= 0));

describe('values are blanked before words are read', () => {
  it('drops GUIDs, timestamps, addresses, host and mail names, keeping offsets', () => {
    const text = '2021-12-08 09:48:29.449Z Correlation ID: d9347991-56a4-445d-9fb6-719f5382f7d1 from 10.0.0.1 on srv01.corp.local for ana@contoso.com failed';
    const blanked = blankValues(text);
    expect(blanked.length).toBe(text.length);
    expect(terms(text)).toEqual(['correl', 'id', 'fail']);
  });
  it('keeps the words of a URL path and drops its query string', () => {
    expect(terms('see https://learn.example/troubleshoot/replication?ProdName=Server&ProdVer=14.0')).toEqual(expect.arrayContaining(['troubleshoot', 'replic']));
    expect(terms('see https://learn.example/troubleshoot/replication?ProdName=Server&ProdVer=14.0')).not.toContain('prodnam');
  });
  it('drops the domain components of an LDAP name, which are a host name spelled another way', () => {
    const paste = 'Could not sync the naming context CN=Schema,CN=Configuration,DC=northwind,DC=lan from the remote server.';
    expect(terms(paste)).toEqual(['sync', 'name', 'context', 'cn', 'schema', 'cn', 'configur', 'remot', 'server']);
    // The article's example domain and the customer's read the same to the fingerprint lookup too.
    expect(normalizeErrorText('partition CN=Configuration,DC=northwind, DC=lan failed').text)
      .toBe(normalizeErrorText('partition CN=Configuration,DC=contoso,DC=com failed').text);
  });
  it('drops JSON keys and keeps JSON values', () => {
    expect(terms('{"error":"invalid_grant","error_description":"Token expired","trace_id":"zz"}')).toEqual(['invalid', 'grant', 'token', 'expir', 'zz']);
  });
});

describe('hard wraps', () => {
  it('joins a word a console cut at its width, and maps offsets back', () => {
    const full = 'The backup operation could not complete because the shadow copy store area is full and the writer is in a failed state.';
    const wrapped = full.slice(0, 80) + '\n' + full.slice(80);
    expect(full.slice(78, 80)).toBe('fu'); // the cut falls inside "full"
    const healed = healHardWraps(wrapped);
    expect(healed.text).toBe(full);
    const at = healed.text.indexOf('writer');
    expect(wrapped.slice(healed.toInput(at), healed.toInput(at) + 6)).toBe('writer');
  });
  it('leaves text without wraps as it is', () => {
    expect(healHardWraps('short\nlines\n').text).toBe('short\nlines\n');
  });
});

describe('a paste\'s query', () => {
  const q = queryOfLines([
    'PS C:\\Users\\ana> Invoke-Thing -Name zq42',
    'The replication subscription stream reset to single connection mode.',
    'At line:1 char:12',
    '+ Invoke-Thing -Name zq42',
    '+ ~~~~~~~~~~~~',
    '    + CategoryInfo          : NotSpecified: (:) [], CommandNotFoundException',
    '    + FullyQualifiedErrorId : CommandNotFoundException',
  ]);
  it('asks for the error\'s own words before words of the prompt, the echo and the error record', () => {
    const own = ['replic', 'subscript', 'stream', 'reset', 'singl', 'connect', 'mode'];
    const firstNoise = firstKeyOf(q.keys, ['invok', 'thing', 'zq42', 'char', 'categoryinfo']);
    for (const w of own) expect(q.keys.indexOf(w)).toBeLessThan(firstNoise);
  });
  it('weighs words seen only in noise lines, and identifiers only on error-record lines, less', () => {
    expect(q.weights.get('invok')).toBe(QUERY_RANKING.noiseWeight);
    expect(q.weights.get('#commandnotfoundexception')).toBe(QUERY_RANKING.shellIdentifierWeight);
    expect(q.weights.has('replic')).toBe(false);
  });
});

describe('a shell trace in a paste', () => {
  // `set -x` output: commands at depth 1 ("+ "), 2 ("++ ") and deeper, then the error the run ended with.
  const q = queryOfLines([
    '+ touch /var/gadget/ready',
    '++ seq 1 90',
    '+++ date +%s',
    '+ for i in $(seq 1 $retries)',
    'Code: RelayHandshakeFailed',
    'Message: Unable to open a session from the gadget relay to the hub.',
  ]);
  it('reads the traced commands of every depth as noise, after the error\'s own words', () => {
    for (const w of ['seq', '90', 'date']) expect(q.weights.get(w)).toBe(QUERY_RANKING.noiseWeight);
    const firstNoise = firstKeyOf(q.keys, ['seq', '90', 'date']);
    for (const w of ['unabl', 'session', 'relay', 'hub']) expect(q.keys.indexOf(w)).toBeLessThan(firstNoise);
  });
});

describe('log prefixes in a paste', () => {
  // A klog header (level and date, time, thread, file:line), a Go log timestamp with slashes, a bracketed level.
  const q = queryOfLines([
    'I0412 07:31:09.114201       1 relay_manager.go:318] Gadget relay pool refreshed',
    'E0412 07:31:09.120044       1 relay_manager.go:402] Unable to lease a gadget slot: quota exhausted',
    '2021/04/12 07:31:10 [ERROR] handshake aborted by the hub',
  ]);
  it('reads the words and numbers of a line\'s log prefix as noise, after the message\'s own words', () => {
    const prefix = ['i0412', 'e0412', 'manag', '318', '402', '2021', '04', '12', 'error'];
    for (const w of prefix) expect(q.weights.get(w)).toBe(QUERY_RANKING.noiseWeight);
    const own = ['relai', 'gadget', 'pool', 'refresh', 'unabl', 'leas', 'slot', 'quota', 'exhaust', 'handshak', 'abort', 'hub'];
    for (const w of own) {
      expect(q.weights.has(w)).toBe(false);
      expect(q.keys.indexOf(w)).toBeLessThan(firstKeyOf(q.keys, prefix));
    }
  });
});

describe('a wrapped error in a paste', () => {
  // A tool's envelope with rare names of its own, then the error it wraps, whose words are common ones.
  const common = new Set(['version', 'label', 'begin', 'allow'].map(termHash));
  const q = queryTerms('Error: provisioning Widget Pool "zorbo" (Group "Qx-Prod7"): fleetsvc.PoolsApi#Upsert: Failure sending request: StatusCode=0 -- Original Error: Code="BadRequest" Message="For version 1.16 or later, a label must begin with an allowed prefix."', common);
  it('asks for the wrapped error\'s words, common ones too, before the envelope\'s', () => {
    const inner = ['label', 'begin', 'allow', 'prefix', 'version'];
    const envelope = ['provis', 'widget', 'zorbo', 'qx', 'prod7', 'fleetsvc', 'upsert', 'send', 'statuscod'];
    for (const w of inner) expect(q.keys.indexOf(w)).toBeLessThan(firstKeyOf(q.keys, envelope));
  });
});

describe('a word that is all of an identifier', () => {
  it('is not asked for beside the identifier, which finds the same articles', () => {
    const q = queryTerms('ServiceBrokerTimeoutException raised; the call returned 0x80070005 to the caller', new Set());
    expect(q.keys).toEqual(expect.arrayContaining(['#servicebrokertimeoutexception', '#0x80070005', 'rais', 'call', 'return', 'caller']));
    expect(q.keys).not.toContain('servicebrokertimeoutexcept');
    expect(q.keys).not.toContain('0x80070005');
  });
  it('is asked for when the text is an identifier only in its context ("status code 0000232a")', () => {
    const q = queryTerms('Status code 0000232a maps to the following error', new Set());
    expect(q.keys).toContain('#0x0000232a');
    expect(q.keys).toContain('0000232a');
  });
});
