/**
 * Dev-only: what a hybrid pair layout would cost, simulated over a build cache. A word whose pairs
 * take at most `B` bytes keeps them in its own shard (one request brings both); a word with more
 * ("spilled") has its pairs in shards of their own, which a query fetches in a second round.
 * Prints files and bytes per query (article shards only) for each B, against pairs always apart.
 *   npx tsx scripts/dev/pair-layout-sim.ts --cache <cache> --site <site> [--content <dir>]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleTermsOf } from '../../src/core/retrieval/article-terms';
import { isPair, pairWords, shardOfTerm, termHash, type ArticleManifest } from '../../src/core/retrieval/format';
import { chooseKeys, queryTerms, QUERY_RANKING } from '../../src/core/retrieval/rank-articles';
import { healHardWraps } from '../../src/core/errors/hard-wrap';
import type { Article } from '../../src/core/model/article';
import type { ContentBuild } from '../../src/build/build-record';
import { readCacheText } from '../../src/build/cache-file';
import { loadRealSets } from '../eval/real-sets';
import { rawPastes } from '../eval/raw-pastes';

const { values } = parseArgs({ options: { cache: { type: 'string' }, site: { type: 'string' }, content: { type: 'string', default: '../shared/corpus' }, eval: { type: 'string', default: '../shared/eval' } } });
const cache = values.cache!, site = values.site!;
const build = JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8')) as ContentBuild;
const m = JSON.parse(fs.readFileSync(path.join(site, '_kb/lookup/a/manifest.json'), 'utf8')) as ArticleManifest;
const common = new Set(m.common);
/** The word a pair would live with: its first word, or its second when only the first is common. */
const keyOf = (pair: string): string => {
  const [a, b] = pairWords(pair);
  return common.has(termHash(a)) && !common.has(termHash(b)) ? b : a;
};
const pairDf = new Map<string, number>();
for (const e of build.articles) {
  const t = articleTermsOf(JSON.parse(readCacheText(path.join(cache, e.modelFile))) as Article);
  const seen = new Set<string>();
  for (const f of Object.values(t.fields)) for (const term of Object.keys(f.counts)) if (isPair(term)) seen.add(term);
  for (const p of seen) pairDf.set(p, (pairDf.get(p) ?? 0) + 1);
}
const pairBytes = new Map<string, number>();
for (const [p, df] of pairDf) if (df >= 2) { const k = keyOf(p); pairBytes.set(k, (pairBytes.get(k) ?? 0) + 8 + Math.min(df, 160) * 3); }
const shardSize = (s: number) => fs.statSync(path.join(site, `_kb/lookup/a/p/${s}.bin`)).size;

const sets = loadRealSets(values.eval!);
sets.push({ name: 'raw-pastes', queries: rawPastes(values.content!, build.articles.map((a) => a.source), { count: 300, seed: 7 }) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const set of sets) {
  const rows: string[] = [];
  for (const B of [Infinity, 16384, 8192, 4096, 2048, 0]) {
    const files: number[] = [], bytes: number[] = [], second: number[] = [];
    for (const q of set.queries) {
      const qt = queryTerms(healHardWraps(q.text).text, common);
      const words = qt.keys.slice(0, QUERY_RANKING.maxKeys);
      const fetched = new Set(words);
      let round1 = new Set(words.map((k) => shardOfTerm(k, m.shards)));
      let b = [...round1].reduce((s, x) => s + shardSize(x), 0);
      const round2 = new Set<number>();
      if (B === 0) {
        // Pairs always apart: the query's best pairs, in the first round (as built now).
        const pairs = chooseKeys(qt).filter(isPair);
        for (const p of pairs) { const s = shardOfTerm(p, m.shards); if (!round1.has(s)) { round1.add(s); b += shardSize(s); } }
      } else {
        for (const k of words) { const pb = pairBytes.get(k) ?? 0; if (pb <= B) b += pb; }
        for (const p of qt.pairs) {
          const k = keyOf(p);
          if (!fetched.has(k) || (pairBytes.get(k) ?? 0) <= B) continue;
          if (round2.size >= QUERY_RANKING.maxPairs) break;
          round2.add(shardOfTerm(p, m.shards));
        }
        for (const s of round2) b += shardSize(s);
      }
      files.push(round1.size + round2.size); bytes.push(b); second.push(round2.size);
    }
    rows.push(`B ${B === Infinity ? 'all with word' : B === 0 ? 'all apart' : B}: files ${median(files)} (2nd round ${median(second)}, with one ${(second.filter((x) => x > 0).length / second.length * 100).toFixed(0)}%), KB ${(median(bytes) / 1024).toFixed(1)}`);
  }
  console.log(set.name + '\n  ' + rows.join('\n  '));
}
