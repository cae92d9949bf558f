/**
 * toc.yml writers in the source's DocFX form: leaf folders list their articles
 * (grouped under generated group names when long), product tocs nest the leaf tocs
 * by href, and a root toc nests the product tocs.
 */

import { yamlScalar } from './front-matter';
import type { Rng } from './rng';
import type { TextGenerator } from './text-generator';

export interface TocEntry {
  name: string;
  href: string;
}

function item(e: TocEntry, indent: string): string {
  return `${indent}- name: ${yamlScalar(e.name)}\n${indent}  href: ${e.href}\n`;
}

/** Leaf toc: flat when short, else groups of 5-25 entries. */
export function leafToc(entries: readonly TocEntry[], rng: Rng, g: TextGenerator): string {
  if (entries.length <= 12) return entries.map((e) => item(e, '')).join('');
  let out = '';
  for (let i = 0; i < entries.length; ) {
    const size = rng.int(5, 25);
    out += `- name: ${yamlScalar(g.phrase(rng, rng.int(2, 4)))}\n  items:\n`;
    for (const e of entries.slice(i, i + size)) out += item(e, '  ');
    i += size;
  }
  return out;
}

/** Toc that nests other tocs (and optionally some articles first). */
export function nestingToc(articles: readonly TocEntry[], children: readonly TocEntry[]): string {
  return [...articles, ...children].map((e) => item(e, '')).join('');
}

/** "abc-def" -> "Abc def", for folder entries. */
export function humanise(segment: string): string {
  const s = segment.replace(/[-_]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : segment;
}
