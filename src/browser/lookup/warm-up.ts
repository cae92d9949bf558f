/**
 * Warms the lookup's code before the first paste. A browser runs new code in its interpreter and
 * compiles each regex on first use, so the first lookups on a page are the slowest. So the page's
 * module runs a few lookups over a tiny in-memory index of its own, with the same normalizer,
 * fingerprint, shard decoder and ranking, before the user pastes
 * (docs/decisions/2026-12-04-error-lookup-index-and-module.md).
 */
import { buildLookupIndex } from '../../core/lookup/build-index';
import { createLookup } from '../../core/lookup/query';
import type { FetchFile, LookupArticleInput } from '../../core/lookup/types';

/** Error texts with the shapes real pastes have: codes, GUIDs, paths, URLs, times, stack frames, log records. */
export const WARM_UP_SAMPLES = [
  'Installation failed with error 0x80070643 at 2025-02-03 10:11:12. Retry the update KB5031234.',
  "AADSTS700016: Application with identifier '0c1f3a5e-8b2d-4e6f-9a1b-2c3d4e5f6a7b' was not found in the directory 'contoso.example'.\nTrace ID: 5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e",
  "Msg 4060, Level 11, State 1, Server SQLNODE2, Line 1\nCannot open database \"Sales\" requested by the login. The login failed.",
  "System.IO.IOException: The process cannot access the file 'C:\\ProgramData\\Agent\\state.db' because it is being used by another process.\n   at System.IO.FileStream.Init(String path)\n   at Contoso.Agent.Store.Open()",
  'HTTP Error 503.2 - Service Unavailable. The serverRuntime@appConcurrentRequestLimit setting is being exceeded. https://portal.contoso.example/api/v2/orders?id=42',
  "New-Mailbox : The proxy address \"SMTP:ana@contoso.example\" is already being used.\n    + CategoryInfo          : NotSpecified: (:) [New-Mailbox], ProxyAddressExistsException\n    + FullyQualifiedErrorId : 9A1B2C3D,Microsoft.Exchange.Management.RecipientTasks.NewMailbox",
  'Log Name: Application\nSource: Contoso-Service\nEvent ID: 7031\nLevel: Error\nDescription: The Contoso Sync service terminated unexpectedly. It has done this 3 time(s).',
  '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP 192.0.2.17',
];

/** Rounds of lookups of every sample: about 40 ms in all in Node here, off the paste's path. */
const ROUNDS = 8;

let warmed: Promise<number> | null = null;

/**
 * Runs once per module; later calls return the same promise. Resolves to how many samples found
 * their own article first and confidently in the last round (all of them, unless the ranking
 * changed under the samples), or 0 if anything threw: a warm-up never fails a page.
 */
export function warmUp(): Promise<number> {
  warmed ??= (async () => {
    const articles: LookupArticleInput[] = WARM_UP_SAMPLES.map((text, i) => ({
      source: `warm-up/${i}.md`, url: `/warm-up/${i}/`, title: `Sample ${i}`, summary: '',
      messages: [{ text, anchor: 'symptoms', section: 'Symptoms', kind: 'code-block' }],
    }));
    const files = new Map(buildLookupIndex(articles, { base: 'w', shardBytes: 256 }).map((f) => [f.path, f.data]));
    const fetchFile: FetchFile = async (path) => {
      const data = files.get(path);
      if (data === undefined) throw new Error(`no ${path}`);
      return data;
    };
    let found = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const lk = createLookup(fetchFile, 'w');
      found = 0;
      for (const [i, text] of WARM_UP_SAMPLES.entries()) {
        const [top] = await lk.lookup(text, { limit: 3 });
        if (top?.url === articles[i].url && top.confident) found++;
      }
      // All of them in one paste: the multi-error split.
      await lk.lookup(WARM_UP_SAMPLES.join('\n\n'), { limit: 3 });
    }
    return found;
  })().catch(() => 0);
  return warmed;
}
