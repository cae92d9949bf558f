import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildSections, type BuildSectionsOptions, type SectionModel } from '../../../src/core/sections/build-sections';
import { createSlugger } from '../../../src/core/slug';

const parser = unified().use(remarkParse).use(remarkGfm);

export function parse(md: string): Root {
  return parser.parse(md);
}

export function sectionsOf(md: string, opts?: BuildSectionsOptions): SectionModel {
  return buildSections(parse(md), createSlugger().slug, opts);
}

/** The top-level nodes of a Markdown snippet, for the rules that read blocks. */
export function nodes(md: string): RootContent[] {
  return parse(md).children;
}
