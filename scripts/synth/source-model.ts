/**
 * Reads a source corpus once and distils it into what the generator samples from:
 * shape profiles, text models, front-matter value pools and the folder layout.
 */

import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { analyzeArticle, type SourceSink } from './analyze-article';
import { withoutCodeMentions } from './error-kinds';
import { listMarkdown } from './feature-census';
import type { ArticleProfile, MetaKind } from './profile';
import { Lexicon, MarkovBuilder, SentenceGuard, splitSentences, tokenize } from './vocabulary';
import type { TextModels } from './text-generator';

/** Pool of distinct values, capped so memory stays bounded; kept in first-seen order. */
export class ValuePool {
  readonly values: string[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly cap = 400) {}
  add(v: string): void {
    if (!v || this.seen.has(v) || this.values.length >= this.cap) return;
    this.seen.add(v);
    this.values.push(v);
  }
}

export interface SourceFolder {
  /** Path relative to the source root, with "/" separators. */
  path: string;
  articles: number;
}

export interface SourceModel {
  root: string;
  profiles: ArticleProfile[];
  text: TextModels;
  /** Front-matter scalar values per key; list values are stored as JSON arrays. */
  fmScalars: Map<string, ValuePool>;
  fmLists: Map<string, ValuePool>;
  fmComments: ValuePool;
  meta: Record<MetaKind, ValuePool>;
  folders: SourceFolder[];
  includeFiles: number;
  tocFiles: number;
  /** Distinct support areas (`sap:` tags) the source's articles name. */
  supportAreas: number;
  bytes: number;
  sentences: number;
  skipped: string[];
}

/** A support-area tag in front matter: `- sap:…` or `ms.custom: sap:…, …`. */
const SAP_TAG = /^\s*(?:-\s*|ms\.custom:\s*)["']?sap:([^,"'\n]+)/gim;

export function loadSourceModel(root: string, log: (msg: string) => void = () => {}): SourceModel {
  const { articles, includes, tocs } = listMarkdown(root);
  const lexicon = new Lexicon();
  const prose = new MarkovBuilder(lexicon);
  const title = new MarkovBuilder(lexicon);
  const error = new MarkovBuilder(lexicon);
  const guard = new SentenceGuard(lexicon);
  const fmScalars = new Map<string, ValuePool>();
  const fmLists = new Map<string, ValuePool>();
  const fmComments = new ValuePool(200);
  const meta: Record<MetaKind, ValuePool> = { kb: new ValuePool(1), applies: new ValuePool(), version: new ValuePool() };
  let sentences = 0;

  const feed = (builder: MarkovBuilder | null, text: string) => {
    for (const s of splitSentences(text)) {
      const ids = lexicon.internAll(tokenize(s));
      if (!ids.length) continue;
      guard.addSource(ids);
      builder?.addIds(ids);
      sentences++;
    }
  };
  const pool = (map: Map<string, ValuePool>, key: string) => {
    let p = map.get(key);
    if (!p) map.set(key, (p = new ValuePool()));
    return p;
  };
  const sink: SourceSink = {
    prose: (t) => feed(prose, withoutCodeMentions(t)),
    title: (t) => {
      // Titles train the title model and are guarded as whole sentences.
      const ids = lexicon.internAll(tokenize(withoutCodeMentions(t)));
      if (!ids.length) return;
      guard.addSource(ids);
      title.addIds(ids);
      sentences++;
    },
    error: (t) => feed(error, t),
    fmComment: (line) => {
      fmComments.add(line);
      return Math.max(0, fmComments.values.indexOf(line));
    },
    fmValue: (key, value) => {
      if (Array.isArray(value)) pool(fmLists, key).add(JSON.stringify(value));
      else if (value.length <= 120) pool(fmScalars, key).add(value);
    },
    meta: (kind, value) => meta[kind].add(value),
  };

  const profiles: ArticleProfile[] = [];
  const folderCounts = new Map<string, number>();
  const skipped: string[] = [];
  const areas = new Set<string>();
  let bytes = 0;
  for (const file of articles) {
    const raw = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(raw);
    const profile = analyzeArticle(raw, sink);
    if (!profile || profile.blocks.length === 0) {
      skipped.push(relative(root, file));
      continue;
    }
    profiles.push(profile);
    for (const m of raw.slice(0, 4000).matchAll(SAP_TAG)) areas.add(m[1].trim().toLowerCase());
    const folder = relative(root, dirname(file)).split(sep).join('/') || '.';
    folderCounts.set(folder, (folderCounts.get(folder) ?? 0) + 1);
  }
  // Include files are source text too: guard them so they are not reproduced.
  const noop: SourceSink = { ...sink, fmComment: () => 0, fmValue: () => {}, meta: () => {} };
  for (const file of includes) analyzeArticle(readFileSync(file, 'utf8'), { ...noop, prose: (t) => feed(null, t), title: (t) => feed(null, t), error: (t) => feed(null, t) });
  log(`analyzed ${profiles.length} articles, ${includes.length} includes, ${sentences} sentences, ${lexicon.words.length} words`);

  return {
    root,
    profiles,
    text: { lexicon, prose: prose.compile(), title: title.compile(), error: error.compile(), guard },
    fmScalars,
    fmLists,
    fmComments,
    meta,
    folders: [...folderCounts].map(([path, n]) => ({ path, articles: n })),
    includeFiles: includes.length,
    tocFiles: tocs.length,
    supportAreas: areas.size,
    bytes,
    sentences,
    skipped,
  };
}

