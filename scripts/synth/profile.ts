/**
 * Shape profiles: what one source article looks like, with its text taken out.
 * The generator samples these and fills them with fresh text, so sizes and feature
 * mixes follow the source's empirical distribution without copying any sentence.
 */

import type { ErrorKind } from './error-kinds';
import type { HeadingRole } from './heading-roles';

/** One front-matter line (or list) in source order. */
export type FrontMatterEntry =
  | { t: 'key'; key: string; form: 'scalar' | 'list' | 'empty'; items: number; trailingSpace: boolean }
  | { t: 'comment'; poolIndex: number };

export type DateForm = 'mm/dd/yyyy' | 'm/d/yyyy' | 'iso' | 'excel' | 'empty';
export type CustomForm = 'list-sap' | 'list' | 'comma-sap' | 'one-sap' | 'one' | 'empty';

export interface FrontMatterProfile {
  entries: FrontMatterEntry[];
  dateForm: DateForm;
  customForm: CustomForm | null;
  titleWords: number;
  descWords: number;
  /** Kind of error code the title carried (e.g. "Error 0x80070005 when ..."). */
  titleError: ErrorKind | null;
}

/** Lead-in meta lines such as "_Original KB number:_ &nbsp; 1234567". */
export type MetaKind = 'kb' | 'applies' | 'version';

/** Prose size and inline features; errs = error codes mentioned, of kind errKind. */
export interface InlineShape {
  words: number;
  bold: number;
  code: number;
  links: number;
  errs: number;
  errKind: ErrorKind | null;
}

export type Block =
  | { t: 'h'; level: number; role: HeadingRole; label: string | null; words: number; err: ErrorKind | null }
  | ({ t: 'p'; indent: number } & InlineShape)
  | ({ t: 'li'; indent: number; ordered: boolean } & InlineShape)
  | { t: 'code'; indent: number; fence: string; lang: string; lines: number; lineLen: number; error: ErrorKind | null }
  | { t: 'table'; indent: number; cols: number; rows: number; cellWords: number; error: ErrorKind | null }
  | { t: 'quote'; indent: number; lines: number; words: number; error: ErrorKind | null }
  | { t: 'alert'; indent: number; kind: string; words: number }
  | { t: 'image'; indent: number; docfx: boolean; words: number }
  | { t: 'include'; indent: number }
  | { t: 'meta'; kind: MetaKind }
  | { t: 'tab'; level: number; words: number }
  | { t: 'tabs-end' }
  | { t: 'details-open'; words: number }
  | { t: 'details-close' }
  | { t: 'moniker-open' }
  | { t: 'moniker-close' }
  | { t: 'zone-open' }
  | { t: 'zone-close' }
  | { t: 'video' };

export interface ArticleProfile {
  fm: FrontMatterProfile;
  topic: string | null;
  blocks: Block[];
  bytes: number;
}
