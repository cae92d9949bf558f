import { describe, expect, it } from 'vitest';
import { buildLookupIndex } from '../../../src/core/lookup/build-index';
import { QUERY_TUNING, chooseShards, createLookup, featuresIn, shardPriority } from '../../../src/core/lookup/query';
import { featuresOf, fnv1a } from '../../../src/core/lookup/fingerprint';
import type { Manifest } from '../../../src/core/lookup/format';
import { tokenizeErrorText } from '../../../src/core/errors/normalize';
import type { LookupIndexFile } from '../../../src/core/lookup/types';
import { IndexUnavailableError } from '../../../src/core/lookup/index-error';
import { MINI_CORPUS } from '../../fixtures/errors/mini-corpus';
import { ByteWriter, varintSize } from '../../../src/core/lookup/varint';

function lookupOver(files: LookupIndexFile[]) {
  const store = new Map(files.map((f) => [f.path, f.data]));
  return createLookup(async (p) => { const d = store.get(p); if (d === undefined) throw new Error('404 ' + p); return d; });
}
const files = buildLookupIndex(MINI_CORPUS);

describe('index build', () => {
  it('is deterministic and independent of input order', () => {
    const again = buildLookupIndex(MINI_CORPUS.slice().reverse());
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    again.forEach((f, i) => expect(f.data).toEqual(files[i].data));
  });
  it('writes a manifest, posting shards and document chunks under _kb/lookup', () => {
    expect(files.some((f) => f.path === '_kb/lookup/manifest.json')).toBe(true);
    expect(files.some((f) => /^_kb\/lookup\/p\/\d+\.bin$/.test(f.path))).toBe(true);
    expect(files.filter((f) => /^_kb\/lookup\/d\/\d+-0\.json$/.test(f.path))).toHaveLength(MINI_CORPUS.length);
  });
  it('grows the shard count, not the shard size, with the corpus', () => {
    const big = Array.from({ length: 400 }, (_, i) => ({
      source: `gen/${String(i).padStart(4, '0')}.md`, url: `/gen/${i}/`, title: `T${i}`, summary: '',
      messages: [{ text: `Widget${i} engine ${i % 7 ? 'stalled' : 'halted'} while loading module alpha${i} beta${i * 3} gamma${i * 7}`, anchor: 'a', section: 'S', kind: 'blockquote' as const }],
    }));
    const small = buildLookupIndex(big.slice(0, 100), { shardBytes: 1024 });
    const large = buildLookupIndex(big, { shardBytes: 1024 });
    const shards = (fs: LookupIndexFile[]) => fs.filter((f) => f.path.includes('/p/'));
    expect(shards(large).length).toBeGreaterThan(shards(small).length * 2);
    const max = (fs: LookupIndexFile[]) => Math.max(...shards(fs).map((f) => (f.data as Uint8Array).byteLength));
    expect(max(large)).toBeLessThan(1024 * 4);
  });

  it('keeps every reference when there are more than its first buffer holds (65,536)', async () => {
    const word = (i: number, k: number) => `w${((i * 31 + k * 7919) % 100_003).toString(36)}x${k}`;
    const many = Array.from({ length: 4000 }, (_, i) => ({
      source: `gen/${String(i).padStart(5, '0')}.md`, url: `/gen/${i}/`, title: `T${i}`, summary: '',
      messages: [{ text: `Code${i}: ${Array.from({ length: 10 }, (_, k) => word(i, k)).join(' ')}`, anchor: 'a', section: 'S', kind: 'blockquote' as const }],
    }));
    const refs = many.reduce((n, a) => n + featuresOf(tokenizeErrorText(a.messages[0].text).tokens).length, 0);
    expect(refs).toBeGreaterThan(65_536);
    const lk = lookupOver(buildLookupIndex(many));
    for (const i of [0, 1, 2000, 3999]) expect((await lk.lookup(many[i].messages[0].text))[0]?.url).toBe(`/gen/${i}/`);
  });
});

describe('posting caps', () => {
  // One common word in every article, spread over a wide id range: its list is the one to cap.
  const wide = Array.from({ length: 3000 }, (_, i) => ({
    source: `w/${String(i).padStart(5, '0')}.md`, url: `/w/${i}/`, title: `W${i}`, summary: '',
    messages: [{ text: `Quuxbar failure in unit${i}${' padding'.repeat(i % 13)}`, anchor: 'a', section: 'S', kind: 'blockquote' as const }],
  }));
  const shardBytes = (fs: LookupIndexFile[]) => fs.filter((f) => f.path.includes('/p/')).reduce((n, f) => n + (f.data as Uint8Array).byteLength, 0);

  it('bounds a common feature by encoded bytes, not only by count', () => {
    const byCount = buildLookupIndex(wide, { maxPostings: 400, maxEntryBytes: 1e9 });
    const byBytes = buildLookupIndex(wide, { maxPostings: 400, maxEntryBytes: 600 });
    // "quuxbar" and "failure" (and their bigram) are capped: each entry loses more than half its 400 postings.
    expect(shardBytes(byCount) - shardBytes(byBytes)).toBeGreaterThan(3 * 600);
  });

  it('keeps the shortest messages, where the common word weighs most', async () => {
    const res = await lookupOver(buildLookupIndex(wide, { maxEntryBytes: 600 })).lookup('Quuxbar failure in unit26', { limit: 3 });
    expect(res[0].url).toBe('/w/26/');
  });
});

describe('ranking', () => {
  it('the specific message beats the generic one it contains', async () => {
    const res = await lookupOver(files).lookup('Backup Manager cannot browse SRV-APP07 because access is denied.');
    expect(res[0].url).toBe('/a/backup-denied/');
    expect(res[0].confident).toBe(true);
    expect(res.findIndex((r) => r.url === '/a/generic-denied/')).toBeGreaterThan(0);
  });

  it('finds the article through noise, masks, curly quotes and a hard wrap', async () => {
    const paste = [
      'Hello,',
      "2024-05-02T08:11:22.313Z [19] ERROR {\"error\":\"invalid_client\",\"error_description\":\"AADSTS50011: The reply URL specified in the request does not match the reply URLs configured for the application ‘4f2c9a1e-0b7d-4c55-9a0e-1d2f3a4b5c6d’.\"}",
      'Thanks',
    ].join('\n');
    const res = await lookupOver(files).lookup(paste);
    expect(res[0].url).toBe('/b/sso/');
    expect(res[0].matched.anchor).toBe('symptoms');
    expect(res[0].variables.map((v) => v.type)).toContain('quoted');
  });

  it('matches one line of a multi-line message', async () => {
    const res = await lookupOver(files).lookup("Login failed for user 'FABRIKAM\\anna'.");
    expect(res[0].url).toBe('/c/sql-login/');
  });

  it('ranks by identifier alone', async () => {
    const res = await lookupOver(files).lookup('we got 0x80070005 again');
    expect(res[0].url).toBe('/c/update/');
  });

  it('is not confident about a bare identifier that several articles document', async () => {
    const shared = [
      ...MINI_CORPUS,
      { source: 'c/other.md', url: '/c/other/', title: 'Store app fails', summary: 'Apps fail.', messages: [{ text: 'Error 0x80070005', anchor: 'symptoms', section: 'Symptoms', kind: 'code-block' as const }] },
    ];
    const res = await lookupOver(buildLookupIndex(shared)).lookup('0x80070005');
    expect(res.map((r) => r.url)).toEqual(expect.arrayContaining(['/c/update/', '/c/other/']));
    expect(res[0].score - res[1].score).toBeGreaterThan(0.08); // a margin that alone would pass as confident
    expect(res.some((r) => r.confident)).toBe(false);
  });

  it('reports paste offsets that matched', async () => {
    const paste = 'xx HTTP Error 500.19 - Internal Server Error';
    const res = await lookupOver(files).lookup(paste);
    expect(res[0].url).toBe('/d/iis/');
    const covered = res[0].pasteMatches.map((m) => paste.slice(m.start, m.end)).join(' ');
    expect(covered).toContain('500.19');
    expect(covered).not.toContain('xx');
  });

  it('finds the article about the error a message wraps, above one that quotes the wrapper around another error', async () => {
    const kb = [
      { source: 'w/spooler-denied.md', url: '/w/spooler-denied/', title: 'Print Spooler does not start: access denied', summary: '', messages: [{ text: 'The Print Spooler service failed to start due to the following error: Access is denied.', anchor: 'symptoms', section: 'Symptoms', kind: 'code-block' as const }] },
      { source: 'w/file-missing.md', url: '/w/file-missing/', title: 'A service does not start: a file is missing', summary: '', messages: [{ text: 'The system cannot find the file specified.', anchor: 'symptoms', section: 'Symptoms', kind: 'code-block' as const }] },
      { source: 'w/disk.md', url: '/w/disk/', title: 'Disk full', summary: '', messages: [{ text: 'There is not enough space on the disk.', anchor: 'symptoms', section: 'Symptoms', kind: 'code-block' as const }] },
    ];
    const paste = 'The Print Spooler service failed to start due to the following error:\nThe system cannot find the file specified.';
    const res = await lookupOver(buildLookupIndex(kb)).lookup(paste);
    expect(res[0].url).toBe('/w/file-missing/');
    expect(res[0].errorIndex).toBe(0);
    const covered = res[0].pasteMatches.map((m) => paste.slice(m.start, m.end)).join(' ');
    expect(covered).toContain('find');
    expect(covered).toContain('specified');
    expect(covered).not.toContain('Spooler');
    expect(res.map((r) => r.url)).toContain('/w/spooler-denied/');
  });

  it('answers each error of a multi-error paste', async () => {
    const paste = "Remote Server returned '550 5.7.1 Unable to relay for anna@fabrikam.com'\n\nHTTP Error 500.19 - Internal Server Error. The requested page cannot be accessed because the related configuration data for the page is invalid.";
    const res = await lookupOver(files).lookup(paste);
    const byError = new Map(res.map((r) => [r.errorIndex, r.url]));
    expect(res.find((r) => r.errorIndex === 0)?.url).toBe('/b/relay/');
    expect(res.find((r) => r.errorIndex === 1)?.url).toBe('/d/iis/');
    expect(byError.size).toBe(2);
    expect(new Set(res.map((r) => r.url)).size).toBe(res.length);
  });

  it('takes no message for a match when it shares one plain word with the paste', async () => {
    const kb = [
      { source: 'n/log-files.md', url: '/n/log-files/', title: 'Gadget log settings', summary: '', messages: [{ text: 'MaxGadgetLogFiles Note', anchor: 'symptoms', section: 'Symptoms', kind: 'table-row' as const }] },
      { source: 'n/relay.md', url: '/n/relay/', title: 'Relay refused', summary: '', messages: [{ text: 'The gadget relay refused the session token.', anchor: 'symptoms', section: 'Symptoms', kind: 'blockquote' as const }] },
    ];
    // Each paragraph of the paste is read as an error of its own; the first shares only "note" with any message.
    const paste = 'Note: this information is intended for an operator.\n\nThe gadget relay refused the session token.';
    const res = await lookupOver(buildLookupIndex(kb)).lookup(paste);
    expect(res.map((r) => r.url)).toEqual(['/n/relay/']);
    // An identifier alone is still a match.
    const ident = await lookupOver(files).lookup('0x80070005');
    expect(ident[0]?.url).toBe('/c/update/');
  });

  it('is not confident when no article fits', async () => {
    const lk = lookupOver(files);
    for (const paste of [
      'Quorvane Sync Agent failed to reconcile the shard manifest because the quorum token expired.',
      'Pellucid Mesh Router refused to quiesce partition group 17. Access is denied.',
      'The flux capacitor overheated.',
    ]) {
      const res = await lk.lookup(paste);
      expect(res.some((r) => r.confident)).toBe(false);
    }
  });

  it('caches fetched files; a failed fetch is an error the caller sees, not remembered, so a retry succeeds', async () => {
    const lk = lookupOver(files);
    await lk.lookup('Access is denied.');
    const first = lk.stats().files;
    await lk.lookup('Access is denied.');
    expect(lk.stats().files).toBe(first);
    const broken = createLookup(async () => { throw new Error('offline'); });
    await expect(broken.lookup('Access is denied.')).rejects.toBeInstanceOf(IndexUnavailableError);
    let offline = true;
    const store = new Map(files.map((f) => [f.path, f.data]));
    const flaky = createLookup(async (p) => { if (offline) throw new Error('offline'); return store.get(p)!; });
    await expect(flaky.lookup('Access is denied.')).rejects.toThrow(/could not be loaded/);
    offline = false;
    expect((await flaky.lookup('Access is denied.')).length).toBeGreaterThan(0);
    expect(await lk.lookup('   ')).toEqual([]);
  });
});

describe('request budget', () => {
  const paths = (fetched: string[], kind: string) => fetched.filter((p) => p.includes(`/${kind}/`));
  function recording(files: LookupIndexFile[], manifest?: Manifest) {
    const store = new Map(files.map((f) => [f.path, f.data]));
    const fetched: string[] = [];
    const lk = createLookup(async (p) => { fetched.push(p); const d = store.get(p); if (d === undefined) throw new Error('404 ' + p); return d; }, '_kb/lookup', manifest);
    return { lk, fetched };
  }
  const manifestOf = (files: LookupIndexFile[]) => JSON.parse(String(files.find((f) => f.path.endsWith('manifest.json'))!.data)) as Manifest;

  it('anchors a bigram on its first unmasked word, a word on itself', () => {
    const f = featuresOf(tokenizeErrorText('Backup Manager cannot browse 10.1.2.3 now').tokens);
    const word = (w: string) => f.find((x) => x.h === fnv1a(w))!;
    expect(word('backup').a).toBe(fnv1a('backup'));
    expect(f.find((x) => x.h === fnv1a('backup manager'))!.a).toBe(fnv1a('backup'));
    // The masked address never anchors: "browse ~" belongs to "browse", "~ now" to "now".
    expect(f.find((x) => x.h === fnv1a('browse ~'))!.a).toBe(fnv1a('browse'));
    expect(f.find((x) => x.h === fnv1a('~ now'))!.a).toBe(fnv1a('now'));
  });

  it('fetches at most maxShards posting shards, and every paste feature in them is used', () => {
    const feats = featuresOf(tokenizeErrorText(MINI_CORPUS.map((a) => a.messages.map((m) => m.text).join(' ')).join(' ')).tokens);
    const layout = { shards: 97, heavy: new Set<number>() };
    const chosen = chooseShards([shardPriority(feats, layout)], 4);
    const shards = [...chosen];
    const sample = featuresIn(feats, layout, chosen);
    expect(shards.length).toBe(4);
    const inChosen = feats.filter((f) => shards.includes(f.a % 97));
    expect(sample).toEqual(inChosen);
    // A word's unigram and bigrams come together.
    const anchors = new Set(sample.map((f) => f.a));
    expect(sample.length).toBeGreaterThan(anchors.size);
  });

  it("wants a common word's bigrams before the word alone, and after the light words", () => {
    const feats = featuresOf(tokenizeErrorText('server timeout while server restarts the cluster node').tokens);
    const server = fnv1a('server');
    const layout = { shards: 1_000_003, heavy: new Set([server]) };
    const order = shardPriority(feats, layout);
    const at = (key: string) => order.indexOf(fnv1a(key) % layout.shards);
    const bigrams = feats.filter((f) => f.a === server && f.h !== server);
    expect(bigrams.length).toBeGreaterThanOrEqual(2);
    for (const b of bigrams) expect(order.indexOf(b.h % layout.shards)).toBeLessThan(at('server'));
    // Light words keep their family order ahead of every heavy feature.
    expect(Math.max(at('timeout'), at('cluster'), at('node'))).toBeLessThan(Math.min(...bigrams.map((b) => order.indexOf(b.h % layout.shards))));
    expect(at('server')).toBe(order.length - 1);
  });

  it('takes the manifest from the module when given, and one document file per result', async () => {
    const { lk, fetched } = recording(files, manifestOf(files));
    const res = await lk.lookup('Backup Manager cannot browse SRV-APP07 because access is denied.');
    expect(res.length).toBeGreaterThan(0);
    expect(fetched.some((p) => p.endsWith('manifest.json'))).toBe(false);
    expect(paths(fetched, 'd')).toHaveLength(res.length);
    expect(paths(fetched, 'p').length).toBeLessThanOrEqual(QUERY_TUNING.maxShards);
  });

  it('finds a message past the first document chunk with one document file', async () => {
    const many = [{
      source: 'm/many.md', url: '/m/many/', title: 'Many codes', summary: 'A catalogue.',
      messages: Array.from({ length: 40 }, (_, i) => ({
        text: `Zentrix relay ${['amber', 'cobalt', 'ochre', 'sienna', 'teal'][i % 5]} fault ${i}: the ${['spool', 'ledger', 'beacon', 'lattice'][i % 4]} handshake ${i}x${i * 7} was rejected`,
        anchor: `code-${i}`, section: 'Codes', kind: 'table-row' as const,
      })),
    }, ...MINI_CORPUS];
    const built = buildLookupIndex(many);
    const { lk, fetched } = recording(built, manifestOf(built));
    const res = await lk.lookup('Zentrix relay teal fault 34: the ochre... no, the beacon handshake 34x238 was rejected', { limit: 1 });
    expect(res[0].url).toBe('/m/many/');
    expect(Number(res[0].matched.anchor.slice(5))).toBeGreaterThanOrEqual(12);
    expect(res[0].title).toBe('Many codes');
    expect(paths(fetched, 'd')).toHaveLength(1);
  });

  it('shards the features of common words by their own hash, and still finds them', async () => {
    const big = buildLookupIndex(MINI_CORPUS, { shardBytes: 64 });
    const m = manifestOf(big);
    expect(m.heavy.length).toBeGreaterThan(0);
    const res = await recording(big, m).lk.lookup('Backup Manager cannot browse SRV-APP07 because access is denied.');
    expect(res[0].url).toBe('/a/backup-denied/');
  });

  it('shares the shard budget among the errors of one paste', async () => {
    const { lk, fetched } = recording(files, manifestOf(files));
    await lk.lookup(['Backup Manager cannot browse SRV-APP07 because access is denied.', '', "Login failed for user 'FABRIKAM\\anna'."].join('\n'));
    expect(paths(fetched, 'p').length).toBeLessThanOrEqual(QUERY_TUNING.maxShards);
  });
});

describe('varint sizes', () => {
  it('predicts exactly the bytes the writer emits', () => {
    for (const v of [0, 1, 127, 128, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 28, 2 ** 32 - 1]) {
      const w = new ByteWriter();
      w.varint(v);
      expect(varintSize(v), String(v)).toBe(w.length);
    }
  });
});
