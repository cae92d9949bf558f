/**
 * The query set, built from the corpus under test: every article's own error
 * messages (from the build's model cache), perturbed by `perturb.ts`, plus pastes
 * no article documents. Reproducible from the seed; nothing is tuned per query.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tokenizeErrorText } from '../../src/core/errors/normalize';
import type { Article, ErrorMessage } from '../../src/core/model/article';
import type { ContentBuild } from '../../src/build/build-record';
import { createRng, negativePaste, perturbPaste, twoErrors } from './perturb';
import { readCacheText } from '../../src/build/cache-file';

export interface CorpusArticle { source: string; url: string; messages: ErrorMessage[] }

export interface Query {
  paste: string;
  /** One target per error in the paste; each is the set of URLs that document it (same template). */
  targets: Array<{ truth: string[]; source: string; kind: string }>;
  applied: string[];
}

/** Messages a person could paste: at least two tokens after normalization. */
const pastable = (m: ErrorMessage): boolean => tokenizeErrorText(m.text).tokens.length >= 2;
const templateOf = (text: string): string => tokenizeErrorText(text).text.toLowerCase();

/** Reads the articles of a build from its cache (`manifest.json` + model files), keeping only those the site published. */
export function loadCorpus(cacheDir: string, siteUrls: Set<string> | null): CorpusArticle[] {
  const manifestFile = path.join(cacheDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`No build manifest at ${manifestFile}; pass --cache <dir> (the KB_CACHE_DIR of the build).`);
  const build = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as ContentBuild;
  const out: CorpusArticle[] = [];
  for (const e of build.articles) {
    if (!e.errorMessages || (siteUrls && !siteUrls.has(e.url))) continue;
    try {
      const a = JSON.parse(readCacheText(path.join(cacheDir, e.modelFile))) as Article;
      out.push({ source: a.source, url: a.url, messages: a.errorMessages });
    } catch { /* unreadable model: not part of the query set */ }
  }
  return out.sort((a, b) => (a.source < b.source ? -1 : 1));
}

export function buildQueries(corpus: CorpusArticle[], opts: { queries: number; negatives: number; seed: number; twoErrorShare?: number }): { positives: Query[]; negatives: string[] } {
  const r = createRng(opts.seed);
  const byTemplate = new Map<string, Set<string>>();
  for (const a of corpus) for (const m of a.messages) {
    const t = templateOf(m.text);
    if (!byTemplate.has(t)) byTemplate.set(t, new Set());
    byTemplate.get(t)!.add(a.url);
  }
  const usable = corpus.map((a) => ({ a, msgs: a.messages.filter(pastable) })).filter((x) => x.msgs.length > 0);
  if (!usable.length) throw new Error('The corpus has no error messages to build queries from.');
  const draw = () => {
    const { a, msgs } = r.pick(usable);
    const m = r.pick(msgs);
    return { a, m, truth: [...(byTemplate.get(templateOf(m.text)) ?? [a.url])].sort() };
  };
  const positives: Query[] = [];
  const share = opts.twoErrorShare ?? 0.1;
  for (let i = 0; i < opts.queries; i++) {
    const first = draw();
    const p1 = perturbPaste(first.m.text, r);
    if (r.next() < share && usable.length > 1) {
      let second = draw();
      for (let k = 0; k < 5 && second.a.url === first.a.url; k++) second = draw();
      const p2 = perturbPaste(second.m.text, r);
      positives.push({
        paste: twoErrors(p1.paste, p2.paste, r),
        targets: [{ truth: first.truth, source: first.a.source, kind: first.m.kind }, { truth: second.truth, source: second.a.source, kind: second.m.kind }],
        applied: [...new Set([...p1.applied, ...p2.applied, 'two-errors'])],
      });
    } else {
      positives.push({ paste: p1.paste, targets: [{ truth: first.truth, source: first.a.source, kind: first.m.kind }], applied: p1.applied });
    }
  }
  const negatives = Array.from({ length: opts.negatives }, () => negativePaste(r));
  return { positives, negatives };
}

/**
 * Rank (0-based, -1 when absent) of each target in a result list. For a paste
 * with two errors, the other error's correct articles are skipped: they are right
 * answers too, just not for this target.
 */
export function targetRanks(q: Query, urls: string[]): number[] {
  return q.targets.map((t, i) => {
    const others = new Set(q.targets.filter((_, j) => j !== i).flatMap((o) => o.truth));
    const own = new Set(t.truth);
    const list = urls.filter((u) => own.has(u) || !others.has(u));
    return list.findIndex((u) => own.has(u));
  });
}
