/**
 * Independent feature census of Markdown articles, by plain regular expressions.
 * It does not share code with the analyzer or the generator, so comparing a source
 * corpus and a synthetic one with it is a fair check of the generator.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FEATURES = {
  symptomsHeading: /^#{2,4} +Symptoms?\b/m,
  causeHeading: /^#{2,4} +Cause/m,
  numberedCause: /^#{2,4} +Cause \d/m,
  resolutionHeading: /^#{2,4} +Resolution/m,
  stepHeading: /^#{2,4} +Step \d/m,
  summaryHeading: /^#{2,4} +Summary/m,
  moreInformation: /^#{2,4} +More information/im,
  codeBlock: /^\s*(```|~~~)/m,
  table: /^\s*\|?\s*:?-{3,}:?\s*\|/m,
  alert: /^\s*> *\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/im,
  image: /:::image|!\[[^\]]*\]\(/,
  include: /\[!INCLUDE/i,
  tabs: /\]\(#tab\//,
  details: /<details/i,
  moniker: /^\s*::: *moniker/m,
  zone: /^\s*::: *zone/m,
  hresult: /\b0x[89Cc][0-9A-Fa-f]{7}\b/,
  aadsts: /\bAADSTS\d{4,}/,
  eventId: /\bevent ?id\b/i,
  exceptionName: /\b[A-Z][A-Za-z]+Exception\b/,
  kbNumberLine: /^_Original KB number:_/m,
  appliestoFrontMatter: /^appliesto:/m,
  sapCustom: /^ms\.custom:.*sap:|^\s+- sap:/m,
  topicHowTo: /^ms\.topic: *how-to/m,
} as const;

export type FeatureName = keyof typeof FEATURES;

export function censusOfMarkdown(text: string): Record<FeatureName, boolean> {
  const out = {} as Record<FeatureName, boolean>;
  for (const name of Object.keys(FEATURES) as FeatureName[]) out[name] = FEATURES[name].test(text);
  return out;
}

export interface CorpusCensus {
  articles: number;
  bytes: number;
  /** Share (0..1) of articles with each feature. */
  shares: Record<FeatureName, number>;
  sizePercentiles: { p10: number; p50: number; p90: number; p99: number; max: number };
  meanSections: number;
  tocFiles: number;
  includeFiles: number;
}

/** Article files: .md outside "includes" folders, not the root README. */
export function listMarkdown(root: string): { articles: string[]; includes: string[]; tocs: string[] } {
  const articles: string[] = [];
  const includes: string[] = [];
  const tocs: string[] = [];
  const walk = (dir: string, depth: number, inIncludes: boolean) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, depth + 1, inIncludes || name === 'includes');
      else if (name === 'toc.yml') tocs.push(full);
      else if (name.endsWith('.md') && !(depth === 0 && /^readme\.md$/i.test(name))) (inIncludes ? includes : articles).push(full);
    }
  };
  walk(root, 0, false);
  return { articles, includes, tocs };
}

export function censusOfDir(root: string): CorpusCensus {
  const { articles, includes, tocs } = listMarkdown(root);
  const counts = Object.fromEntries(Object.keys(FEATURES).map((k) => [k, 0])) as Record<FeatureName, number>;
  const sizes: number[] = [];
  let sections = 0;
  for (const file of articles) {
    const text = readFileSync(file, 'utf8');
    sizes.push(Buffer.byteLength(text));
    sections += (text.match(/^## /gm) ?? []).length;
    const c = censusOfMarkdown(text);
    for (const k of Object.keys(c) as FeatureName[]) if (c[k]) counts[k]++;
  }
  sizes.sort((a, b) => a - b);
  const at = (q: number) => sizes[Math.min(sizes.length - 1, Math.floor(sizes.length * q))] ?? 0;
  const n = Math.max(1, articles.length);
  return {
    articles: articles.length,
    bytes: sizes.reduce((a, b) => a + b, 0),
    shares: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) as Record<FeatureName, number>,
    sizePercentiles: { p10: at(0.1), p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sizes[sizes.length - 1] ?? 0 },
    meanSections: sections / n,
    tocFiles: tocs.length,
    includeFiles: includes.length,
  };
}
