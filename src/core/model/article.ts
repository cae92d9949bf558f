import { z } from 'zod';

/** What a section is for. Classified from its heading through the table in `sections/heading-forms.ts`. */
export const sectionRoleSchema = z.enum(['intro', 'problem', 'cause', 'solution', 'more-information', 'other']);
export type SectionRole = z.infer<typeof sectionRoleSchema>;

export const sectionSchema = z.object({
  /** Anchor id of the heading (unique within the article); `intro` for text before the first heading. */
  anchor: z.string(),
  title: z.string(),
  /** Heading depth 2..6; 1 for the intro. */
  depth: z.number().int(),
  role: sectionRoleSchema,
  /** Anchor of the enclosing section, if any (e.g. a `### Solution 1` under `## Cause 2`). */
  parent: z.string().nullable(),
  /** Sanitized HTML of the section's own content, heading excluded. */
  html: z.string(),
  /** Plain text of the section's own content. */
  text: z.string(),
  /** Extra ids the author put in the heading (`<a id="…">`), rendered so old links still land. */
  aliases: z.array(z.string()),
});
export type Section = z.infer<typeof sectionSchema>;

export const causeSchema = z.object({
  anchor: z.string(),
  title: z.string(),
  html: z.string(),
  text: z.string(),
  /** Found by a fallback rule (bold label, catalog paragraph, procedure) rather than a heading form. */
  inferred: z.boolean(),
});
export type Cause = z.infer<typeof causeSchema>;

export const solutionSchema = z.object({
  anchor: z.string(),
  title: z.string(),
  html: z.string(),
  text: z.string(),
  /** Ordered steps: the items of the section's first ordered list (plain text). */
  steps: z.array(z.string()),
  /** Anchor of the cause this solution belongs to, when the document ties them. */
  cause: z.string().nullable(),
  /** Found by a fallback rule rather than a heading form. */
  inferred: z.boolean(),
});
export type Solution = z.infer<typeof solutionSchema>;

export const errorMessageKindSchema = z.enum(['code-block', 'blockquote', 'heading', 'details', 'table-row', 'text', 'title']);
export const errorMessageSchema = z.object({
  /** The raw error text as the article gives it. */
  text: z.string(),
  /** Anchor of the section it stands in (`intro` before the first heading). */
  anchor: z.string(),
  /** Title of that section. */
  section: z.string(),
  kind: errorMessageKindSchema,
});
export type ErrorMessage = z.infer<typeof errorMessageSchema>;

export const headingSchema = z.object({ depth: z.number().int(), text: z.string(), anchor: z.string() });

export const articleSchema = z.object({
  /** Path below the content root, forward slashes. The article's identity. */
  source: z.string(),
  /** Site-relative URL, lower-case, with trailing slash. */
  url: z.string(),
  title: z.string().min(1),
  description: z.string(),
  /** `ms.topic`, normalized (lower-case, trimmed; aliases folded). */
  topic: z.string(),
  isTroubleshooting: z.boolean(),
  products: z.array(z.string()),
  /** Each `sap:` entry as a hierarchy path, e.g. `["Sharing", "Sharing links"]`. */
  supportAreas: z.array(z.array(z.string()).min(1)),
  /** `ms.service`/`ms.prod` and `ms.technology`/`ms.subservice`: the site reads a product and area from them when the article names none. */
  taxonomyHints: z.object({ services: z.array(z.string()), technologies: z.array(z.string()) }),
  /** ISO date `YYYY-MM-DD`, or null when the article gives none we can read. */
  date: z.string().nullable(),
  authors: z.array(z.string()),
  /** Original KB number (digits only) when the article gives one. */
  kbNumber: z.string().nullable(),
  /** One-paragraph plain-text summary of the problem. */
  summary: z.string(),
  problem: sectionSchema.nullable(),
  causes: z.array(causeSchema),
  solutions: z.array(solutionSchema),
  moreInformation: sectionSchema.nullable(),
  /** Every section in document order, including those above. The page renders from this. */
  sections: z.array(sectionSchema),
  headings: z.array(headingSchema),
  errorMessages: z.array(errorMessageSchema),
  /** `.md` or `.mdx`. */
  format: z.enum(['md', 'mdx']),
});
export type Article = z.infer<typeof articleSchema>;
