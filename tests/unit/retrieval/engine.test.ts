import { describe, expect, it } from 'vitest';
import { buildLookupIndex } from '../../../src/core/lookup/build-index';
import { compactTerms } from '../../../src/core/retrieval/article-terms';
import { buildArticleIndex } from '../../../src/core/retrieval/build-article-index';
import { createRetrieval } from '../../../src/core/retrieval/engine';
import { IndexUnavailableError } from '../../../src/core/lookup/index-error';
import type { LookupIndexFile } from '../../../src/core/lookup/types';
import { KB, termsOf } from '../../fixtures/retrieval/kb';
import { QUERY_RANKING, chooseKeys, decodeArticleShard, placePairs, queryTerms } from '../../../src/core/retrieval/rank-articles';
import { shardOfTerm } from '../../../src/core/retrieval/format';

const BASE = '_kb/lookup';
const built = buildArticleIndex(KB.map(termsOf).map(compactTerms), { base: BASE, shardBytes: 256 });
/** The fingerprint index of the same articles' messages, as a build writes beside the article index. */
const errorIndex = buildLookupIndex(KB.filter((a) => a.messages).map((a) => {
  const t = termsOf(a);
  return { source: t.source, url: t.url, title: t.title, summary: t.summary, messages: [{ text: a.messages!, anchor: 'symptoms', section: 'Symptoms', kind: 'blockquote' as const }], doc: built.docs.get(t.url) };
}), { base: BASE });

function over(files: LookupIndexFile[], failFirst = 0) {
  const store = new Map([...errorIndex, ...files].map((f) => [f.path, f.data]));
  let failures = failFirst;
  return createRetrieval(async (p) => {
    if (failures > 0) { failures--; throw new Error('network down'); }
    const d = store.get(p);
    if (d === undefined) throw new Error('404 ' + p);
    return d;
  }, BASE, undefined, built.manifest);
}
const urls = async (text: string, limit = 5) => (await over(built.files).lookup(text, { limit })).map((r) => r.url);
/** A retrieval over its own small KB, with each article's messages in the fingerprint index. */
function over2(kb: typeof KB) {
  const idx = buildArticleIndex(kb.map(termsOf).map(compactTerms), { base: BASE, shardBytes: 256 });
  const errors = buildLookupIndex(kb.filter((a) => a.messages).map((a) => {
    const t = termsOf(a);
    return { source: t.source, url: t.url, title: t.title, summary: t.summary, messages: [{ text: a.messages!, anchor: 'symptoms', section: 'Symptoms', kind: 'blockquote' as const }], doc: idx.docs.get(t.url) };
  }), { base: BASE });
  const store = new Map([...errors, ...idx.files].map((f) => [f.path, f.data]));
  return createRetrieval(async (p) => store.get(p)!, BASE, undefined, idx.manifest);
}

describe('whole-article ranking', () => {
  it('never requires every word (OR semantics)', async () => {
    expect((await urls('rdp cant connect to vm after update'))[0]).toBe('/remote/desktop-cannot-connect/');
    expect((await urls('outlook keeps asking for password'))[0]).toBe('/mail/prompt-for-credentials/');
  });
  it('finds an article by an identifier in any of its forms', async () => {
    expect((await urls('copy fails -2147024891'))[0]).toBe('/files/access-denied-share/');
    expect((await urls('sql server login failed error: 18456, severity: 14'))[0]).toBe('/db/login-failed-18456/');
  });
  it('ranks the article that quotes a long paste\'s distinctive message above those sharing a generic line', async () => {
    const paste = [
      'VERBOSE: Performing the operation',
      'The operation timed out.',
      'failed to upload: ===== RESPONSE ERROR (ServiceCode=InvalidBlockList) =====',
      'Description=The specified block list is invalid.',
      'The parameter is incorrect.',
    ].join('\n');
    expect((await urls(paste))[0]).toBe('/store/block-list-invalid/');
  });
  it('reads an event\'s XML by its values and text, not by the schema\'s element and attribute names', async () => {
    const schema = (id: number, text: string) => `<Event xmlns="http://schemas.example.com/win/2004/08/events/event"><System><Provider Name="Service Control" EventSourceName="Service Control" /><EventID Qualifiers="16384">${id}</EventID><Version>0</Version><Level>2</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80</Keywords><TimeCreated SystemTime="now" /><EventRecordID>1</EventRecordID><Correlation /><Execution ProcessID="4" ThreadID="8" /><Channel>System</Channel><Computer>host</Computer><Security /></System><EventData><Data Name="param1">${text}</Data></EventData></Event>`;
    const kb = [
      { source: 'events/quota.md', title: 'Spooler stops: the print queue quota is exhausted', messages: 'The print queue quota is exhausted.', body: 'Raise the queue quota on the print server.' },
      // Articles that quote other events in full: they share every schema word with the paste.
      { source: 'events/timeout.md', title: 'Event 7009: a service timed out', body: schema(7009, 'A timeout was reached while waiting for the service to connect.') },
      { source: 'events/logon.md', title: 'Event 7038: a service could not log on', body: schema(7038, 'The service was unable to log on with the currently configured password.') },
    ];
    const res = await over2(kb).lookup(schema(7031, 'The print queue quota is exhausted.'), { limit: 3 });
    expect(res[0].url).toBe('/events/quota/');
  });
  it('answers for an article published in two folders once, with the other copy listed', async () => {
    const res = await over(built.files).lookup('guest agent not ready in portal', { limit: 5 });
    const copies = res.filter((r) => r.url.includes('agent-not-ready'));
    expect(copies).toHaveLength(1);
    expect(copies[0].url).toBe('/portal-current/agents/agent-not-ready/');
    expect(copies[0].also).toEqual(['/portal-2023/agents/agent-not-ready/']);
  });
  it('answers once for a copy whose title was edited in one folder, with the terms of both copies', async () => {
    const kb = [
      { source: 'vm-2023/guest-agent-crash.md', title: 'Guest agent crashes at startup', date: '2021-03-01', body: 'The agent crashes when the extension handler times out.' },
      { source: 'vm-current/guest-agent-crash.md', title: 'The guest agent crashes at startup', date: '2024-05-01', body: 'Update the agent to the latest version.' },
      // One file name, two different articles.
      { source: 'vb/create-database.md', title: 'Create a database with Visual Basic', body: 'Use the connection object from Visual Basic.' },
      { source: 'cs/create-database.md', title: 'Create a database with C#', body: 'Use the connection object from C#.' },
    ];
    // Words only the older copy says find the answer, which the newest copy stands for.
    const res = await over2(kb).lookup('extension handler times out', { limit: 5 });
    expect(res.map((r) => [r.url, r.also])).toEqual([['/vm-current/guest-agent-crash/', ['/vm-2023/guest-agent-crash/']]]);
    const db = await over2(kb).lookup('create a database connection object', { limit: 5 });
    expect(db.map((r) => r.url).sort()).toEqual(['/cs/create-database/', '/vb/create-database/']);
  });
  it('takes two words side by side as a phrase in either order ("office update", "updating Office")', async () => {
    expect((await urls('client closes, office update'))[0]).toBe('/mail/b-client-closes/');
  });
  describe('what an article\'s title says of the query\'s error', () => {
    const kb = [
      { source: 'upgrade/error-574.md', title: 'Upgrade script fails with error 574', body: 'The upgrade step encountered a problem in msdb.' },
      { source: 'upgrade/error-2714.md', title: 'Upgrade script fails with error 2714', body: 'The upgrade step encountered a problem in the model database.' },
      { source: 'upgrade/script-failures.md', title: 'Troubleshoot upgrade script failures', body: 'The upgrade script step encountered a failure: read the error log for its number.' },
      { source: 'web/403-or-404.md', title: 'HTTP Error 403 or 404 when you open the portal', body: 'The portal returns an error page.' },
      { source: 'web/portal-error.md', title: 'Portal shows an error when you open it', body: 'When you open the portal, it returns an HTTP error page.' },
      { source: 'print/kb5000802.md', title: 'Printing stops after update KB5000802', body: 'After the update printing stops with APC_INDEX_MISMATCH. Printing to a printer fails.' },
      { source: 'web/pool-identity.md', title: 'ApplicationPoolIdentity cannot write to the data folder', body: 'Writing to the data folder fails with 0x80070005 access denied.' },
      { source: 'web/data-folder.md', title: 'The data folder cannot be written', body: 'Writing to the data folder fails.' },
      { source: 'print/printing-stops.md', title: 'Printing stops after an update', body: 'After the update, printing stops. Printing to a printer fails.' },
    ];
    it('ranks below one about the error family when the query names its own error', async () => {
      const res = await over2(kb).lookup('upgrade script step encountered error 1105', { limit: 5 });
      expect(res[0].url).toBe('/upgrade/script-failures/');
      // Without an error named, the words decide.
      expect((await over2(kb).lookup('upgrade script step encountered an error', { limit: 5 }))[0].url).not.toBe('/upgrade/script-failures/');
    });
    it('ranks first when the title names the query\'s error, above a reference list whose row matched the paste', async () => {
      const sites = [
        { source: 'web/error-404-13.md', title: 'HTTP Error 404.13 when you upload a large file', body: 'Uploads over the limit fail. Raise maxAllowedContentLength in the filtering module.' },
        { source: 'web/status-codes.md', title: 'HTTP status codes of the web server', messages: '404.13 - Content length too large.', body: 'The request filtering module returns these HTTP codes: 404.13 - Content length too large. 404.14 - Request URL too long.' },
      ];
      const res = await over2(sites).lookup('HTTP Error 404.13 - Not Found The request filtering module is configured to deny a request that exceeds the request content length.', { limit: 5 });
      expect(res[0].url).toBe('/web/error-404-13/');
    });
    it('keeps its place when the title writes the query\'s code some other way ("403 or 404")', async () => {
      expect((await over2(kb).lookup('HTTP Error 404 when you open the portal', { limit: 5 }))[0].url).toBe('/web/403-or-404/');
    });
    it('keeps its place when the title\'s CamelCase name is a feature\'s (`ApplicationPoolIdentity`), not a failure\'s', async () => {
      expect((await over2(kb).lookup('writing to the data folder fails with 0x80070005', { limit: 5 }))[0].url).toBe('/web/pool-identity/');
    });
    it('keeps its place when the title names an update (a KB number), not an error', async () => {
      expect((await over2(kb).lookup('printing stops after update with APC_INDEX_MISMATCH', { limit: 5 }))[0].url).toBe('/print/kb5000802/');
    });
  });
  it('gives nothing for text no article shares a word with', async () => {
    expect(await urls('zzqx wvvq')).toEqual([]);
  });
});

describe('joining the two indexes', () => {
  it('lists an article found by both its words and its message once, with the message', async () => {
    const res = await over(built.files).lookup('Error 0x80070005: Access is denied. copying to the file share');
    expect(res.filter((r) => r.url === '/files/access-denied-share/')).toHaveLength(1);
    expect(res[0].url).toBe('/files/access-denied-share/');
    expect(res[0].matched?.text).toContain('Access is denied');
  });
  it('keeps the word evidence of an article the fingerprint lookup finds below the word ranking\'s head', async () => {
    // The how-to shares more words with the paste; the article that documents the message ranks second on words alone.
    const paste = 'The specified block list is invalid. block size uploads configure blobs written blocks committed';
    const all = await over(built.files).lookup(paste, { limit: 10 });
    expect(all.slice(0, 2).map((r) => r.url)).toEqual(['/store/block-list-invalid/', '/howto/configure-uploads/']);
    const one = await over(built.files).lookup(paste, { limit: 1 });
    expect(one.map((r) => [r.url, r.score])).toEqual([[all[0].url, all[0].score]]);
  });
  it('joins by URL when the fingerprint index has no article numbers', async () => {
    const bare = buildLookupIndex(KB.filter((a) => a.messages).map((a) => {
      const t = termsOf(a);
      return { source: t.source, url: t.url, title: t.title, summary: t.summary, messages: [{ text: a.messages!, anchor: 'symptoms', section: 'Symptoms', kind: 'blockquote' as const }] };
    }), { base: BASE });
    const store = new Map([...bare, ...built.files].map((f) => [f.path, f.data]));
    const lk = createRetrieval(async (p) => store.get(p)!, BASE, undefined, built.manifest);
    const res = await lk.lookup('Error 0x80070005: Access is denied. copying to the file share');
    expect(res.filter((r) => r.url === '/files/access-denied-share/')).toHaveLength(1);
  });
});

describe('confidence', () => {
  const message = 'The replica agent stopped because the journal quota was exceeded.';
  const quoting = { source: 'sync/replica-agent-stops.md', title: 'Replication pauses on busy servers', messages: message, body: 'Raise the quota.' };
  const others = [
    { source: 'mail/one.md', title: 'Mail client closes', body: 'Reinstall the client.' },
    { source: 'mail/two.md', title: 'Mail rules do not run', body: 'Rebuild the rules.' },
  ];
  it('says confident when the paste holds the article\'s message and its words rank it first', async () => {
    const res = await over2([quoting, ...others]).lookup(message);
    expect(res[0]).toMatchObject({ url: '/sync/replica-agent-stops/', confident: true });
  });
  it('does not when another article\'s words fit the paste better', async () => {
    // A how-to whose title and text say every word of the message, without quoting it as an error.
    const howTo = { source: 'sync/journal-quota.md', title: 'Replica agent journal quota exceeded: why the agent stopped', body: 'The replica agent stopped because the journal quota was exceeded. The journal quota is exceeded when the replica agent writes more than the journal holds.' };
    const res = await over2([quoting, howTo, ...others]).lookup(message);
    expect(res.find((r) => r.url === '/sync/replica-agent-stops/')?.confident).toBe(false);
  });
});

describe('requests', () => {
  it('asks for the word ranking\'s display data while the fingerprint lookup is still answering', async () => {
    const store = new Map([...errorIndex, ...built.files].map((f) => [f.path, f.data]));
    let fingerprintDone = false;
    const displayAsked: boolean[] = [];
    const lk = createRetrieval(async (p) => {
      if (p.startsWith(`${BASE}/a/d/`)) displayAsked.push(fingerprintDone);
      else if (!p.startsWith(`${BASE}/a/`)) {
        // The fingerprint index's files arrive late, as over a slow link.
        await new Promise((r) => setTimeout(r, 30));
        fingerprintDone = true;
      }
      return store.get(p)!;
    }, BASE, undefined, built.manifest);
    const res = await lk.lookup('rdp cant connect to vm after update');
    expect(res[0].url).toBe('/remote/desktop-cannot-connect/');
    expect(displayAsked.length).toBeGreaterThan(0);
    expect(displayAsked[0]).toBe(false);
  });
});

describe('inputs and failures', () => {
  it('reads a huge paste up to its limit and says so', async () => {
    const huge = 'The specified block list is invalid.\n' + 'noise line\n'.repeat(20_000);
    const answer = await over(built.files).search(huge);
    expect(answer.truncated).toBe(true);
    expect(answer.results[0]?.url).toBe('/store/block-list-invalid/');
    for (const r of answer.results) for (const m of r.pasteMatches) expect(m.end).toBeLessThanOrEqual(huge.length);
  });
  it('caps match ranges however often the paste repeats a line', async () => {
    const res = await over(built.files).lookup('Access is denied.\n'.repeat(5000));
    expect(res[0].pasteMatches.length).toBeLessThanOrEqual(200);
  });
  it('reports a failed index fetch as an error, and a retry succeeds', async () => {
    const lk = over(built.files, 1);
    await expect(lk.lookup('outlook keeps asking for password')).rejects.toBeInstanceOf(IndexUnavailableError);
    expect((await lk.lookup('outlook keeps asking for password'))[0]?.url).toBe('/mail/prompt-for-credentials/');
  });
});

describe('index build', () => {
  it('is deterministic and independent of input order', () => {
    const again = buildArticleIndex(KB.map(termsOf).reverse().map(compactTerms), { base: BASE, shardBytes: 256 });
    expect(again.files.map((f) => f.path)).toEqual(built.files.map((f) => f.path));
    again.files.forEach((f, i) => expect(f.data).toEqual(built.files[i].data));
  });
  /** The article shards a query fetches, in its two rounds, decoded; and where its pairs are. */
  const fetchFor = (idx: ReturnType<typeof buildArticleIndex>, text: string) => {
    const file = (s: number) => idx.files.find((f) => f.path === `${BASE}/a/p/${s}.bin`)!.data as Uint8Array;
    const q = queryTerms(text, new Set(idx.manifest.common));
    const keys = new Set(chooseKeys(q));
    const shards = new Map([...keys].map((k) => shardOfTerm(k, idx.manifest.shards)).map((s) => [s, decodeArticleShard(file(s))] as const));
    const first = [...shards.keys()];
    const pairs = placePairs(q, keys, idx.manifest, shards);
    for (const s of pairs.second) shards.set(s, decodeArticleShard(file(s)));
    const bytes = [...first, ...pairs.second].reduce((sum, s) => sum + file(s).length, 0);
    return { keys, first, ...pairs, bytes };
  };
  /** Articles in which "widget" starts `pairs` pairs (widget_zeta0 …), each pair in 30 articles. */
  const widgets = (pairs: number) => Array.from({ length: 30 }, (_, i) => termsOf({ source: `w/${String(i).padStart(3, '0')}.md`, title: `note ${i}`, body: Array.from({ length: pairs }, (_, k) => `widget zeta${k}.`).join(' ') }));
  it('fetches no more bytes for a word however many pairs it starts', () => {
    const SHARD_BYTES = 512, HOME = 1024;
    for (const pairs of [5, 40, 400, 2000]) {
      const idx = buildArticleIndex(widgets(pairs).map(compactTerms), { base: BASE, shardBytes: SHARD_BYTES, homePairBytes: HOME });
      const f = fetchFor(idx, 'widget zeta3');
      expect(f.place.has('widget_zeta3'), `${pairs} pairs`).toBe(true);
      // Two words and a pair, each in a shard of about SHARD_BYTES, and at most HOME bytes of pairs kept with a word.
      expect(f.bytes, `${pairs} pairs`).toBeLessThan(3 * 3 * SHARD_BYTES + HOME);
    }
  });
  it('keeps a word\'s few pairs in its own shard, so one request brings both', () => {
    const idx = buildArticleIndex(widgets(5).map(compactTerms), { base: BASE, shardBytes: 512 });
    const f = fetchFor(idx, 'widget zeta3');
    expect(f.second).toEqual([]);
    expect(f.place.get('widget_zeta3')).toBe(shardOfTerm('widget', idx.manifest.shards));
  });
  it('looks for a spilled word\'s pairs in shards of their own, the pairs of the first words first, a bounded number of them', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'omicron', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'];
    const text = words.join(' ');
    const arts = Array.from({ length: 4 }, (_, i) => termsOf({ source: `g/${i}.md`, title: `greek ${i}`, body: text }));
    const idx = buildArticleIndex(arts.map(compactTerms), { base: BASE, shardBytes: 256, homePairBytes: 0 });
    const f = fetchFor(idx, text);
    expect(f.place.size).toBeLessThanOrEqual(QUERY_RANKING.maxPairs);
    expect(f.place.has('alpha_beta')).toBe(true);
    expect(f.place.has('omega_psi')).toBe(false);
    expect(f.place.get('alpha_beta')).toBe(shardOfTerm('alpha_beta', idx.manifest.shards));
    // A cap of three keeps the pairs of the three first words.
    const q = queryTerms(text, new Set(idx.manifest.common));
    const shards = new Map([...f.keys].map((k) => shardOfTerm(k, idx.manifest.shards)).map((s) => [s, decodeArticleShard(idx.files.find((x) => x.path === `${BASE}/a/p/${s}.bin`)!.data as Uint8Array)] as const));
    expect([...placePairs(q, f.keys, idx.manifest, shards, 3).place.keys()]).toEqual(['alpha_beta', 'beta_gamma', 'delta_gamma']);
    // The same answer as with every pair kept beside its word.
    const home = buildArticleIndex(arts.map(compactTerms), { base: BASE, shardBytes: 256 });
    expect(fetchFor(home, text).second).toEqual([]);
    expect(fetchFor(home, text).place.get('alpha_beta')).toBe(shardOfTerm('alpha', home.manifest.shards));
  });
  it('still fetches the pair of a common word that a long paste leaves out, with the pair\'s rarer word', async () => {
    // "access" is among the commonest words (in every article); "replication" is not.
    const arts = [
      ...Array.from({ length: 60 }, (_, i) => termsOf({ source: `c/${String(i).padStart(3, '0')}.md`, title: `note ${i}`, body: 'Access the console.' })),
      termsOf({ source: 'r/a-replication-apart.md', title: 'Replication fails', body: 'Replication stops. Access it.' }),
      termsOf({ source: 'r/b-replication-access.md', title: 'Replication fails', body: 'Replication access was denied for the service account on the remote site.' }),
      termsOf({ source: 'r/c-replication-access-guide.md', title: 'Guide', body: 'About replication access rights.' }),
    ];
    for (const homePairBytes of [8192, 0]) {
      const idx = buildArticleIndex(arts.map(compactTerms), { base: BASE, homePairBytes });
      const lk = createRetrieval(async (p) => [...idx.files, ...buildLookupIndex([], { base: BASE })].find((f) => f.path === p)?.data ?? '', BASE, undefined, idx.manifest);
      // Fifteen rarer words come first and fill the words a query fetches; "access" is left out.
      const filler = Array.from({ length: 15 }, (_, k) => `quux${k}.`).join(' ');
      const paste = `${filler} replication fails: replication access was denied`;
      const f = fetchFor(idx, paste);
      expect(f.keys.has('access')).toBe(false);
      expect(f.place.has('access_replic')).toBe(true);
      const res = await lk.lookup(paste, { limit: 3 });
      expect(res[0].url, `home pair bytes ${homePairBytes}`).toBe('/r/b-replication-access/');
    }
  });
  it('keeps at most `cap` postings per term, the highest-impact ones', async () => {
    const many = Array.from({ length: 50 }, (_, i) => termsOf({ source: `g/${String(i).padStart(3, '0')}.md`, title: i === 7 ? 'widget widget failure' : `note ${i}`, body: 'widget' }));
    const capped = buildArticleIndex(many.map(compactTerms), { base: BASE, cap: 5 });
    const lk = createRetrieval(async (p) => [...capped.files, ...buildLookupIndex([], { base: BASE })].find((f) => f.path === p)!.data, BASE, undefined, capped.manifest);
    const res = await lk.lookup('widget', { limit: 50 });
    expect(res.length).toBe(5);
    expect(res[0].url).toBe('/g/007/');
  });
});

describe('synonyms', () => {
  it('finds an article written in other words than the query (shorthand and symptom wording)', async () => {
    expect((await urls('pc hangs after login'))[0]).toBe('/desktop/stops-responding-after-sign-in/');
  });
  it('never takes a term the query says itself for a synonym (a pair inside a longer phrase of the row)', () => {
    const q = queryTerms('aks kubernetes service', new Set());
    expect(q.terms.has('kubernet_servic')).toBe(true);
    const alternatives = q.synonyms.flatMap((g) => g.alternatives.flat());
    expect(alternatives).toContain('azur_kubernet');
    expect(alternatives).not.toContain('kubernet_servic');
  });
  it('counts a concept once: an article saying both the query\'s word and its synonym gains nothing for the second', async () => {
    const kb = [
      { source: 'vm/backup-fails.md', title: 'VM fails', body: 'Check the backup job.' },
      { source: 'vm/start-fails.md', title: 'VM fails', body: 'Check the virtual machine job.' },
      { source: 'vm/disk.md', title: 'Add a disk to a VM', body: 'Attach the disk.' },
      { source: 'db/backup-size.md', title: 'Database backup size grows', body: 'Shrink the log.' },
      { source: 'db/backup-restore.md', title: 'Restore a backup', body: 'Pick the file.' },
      { source: 'db/schedule.md', title: 'Schedule jobs', body: 'Run them at night.' },
    ];
    const res = await over2(kb).lookup('vm backup fails', { limit: 3 });
    expect(res[0].url).toBe('/vm/backup-fails/');
    // Where the query's own word is missing, the synonym still finds the article.
    expect((await over2(kb).lookup('virtual machine fails', { limit: 1 }))[0].url).toBe('/vm/start-fails/');
  });
});

describe('terms named like object properties', () => {
  it('indexes "constructor" with real impacts after a JSON round trip (as terms files are read)', async () => {
    const a = JSON.parse(JSON.stringify(termsOf({ source: 'dev/ctor.md', title: 'Class constructor throws', body: 'The constructor calls toString on a null value.' })));
    const b = JSON.parse(JSON.stringify(termsOf({ source: 'dev/other.md', title: 'Unrelated page', body: 'constructor' })));
    const idx = buildArticleIndex([a, b].map(compactTerms), { base: BASE });
    const lk = createRetrieval(async (p) => [...idx.files, ...buildLookupIndex([], { base: BASE })].find((f) => f.path === p)!.data, BASE, undefined, idx.manifest);
    const res = await lk.lookup('constructor', { limit: 2 });
    expect(res.map((r) => r.url)).toEqual(['/dev/ctor/', '/dev/other/']);
    expect(res[1].score).toBeGreaterThan(0);
  });
});
