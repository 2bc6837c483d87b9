/** Zero-based line and UTF-16 character, as editors count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A finding about one decision file, located in that file. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Machine-readable details a quick fix or a report can use. */
  data?: Record<string, unknown>;
}

/** Statuses the product understands; anything else is kept as written. */
export const KNOWN_STATUSES = [
  'draft',
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
  'overridden',
] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

/** Where a decision's status (and so its relations) is written. */
export type DecisionFormat =
  | 'frontmatter' // MADR 3/4 and custom YAML frontmatter
  | 'bullets' // MADR 2 and log4brains: `* Status: …` lines under the title
  | 'nygard' // adr-tools: `Date:` line and a `## Status` section
  | 'plain'; // nothing recognised beyond a title

/** A value read from the file, with where it was written. */
export interface Located<T> {
  value: T;
  /** The whole `key: value` line or bullet. */
  range: Range;
  /** Just the value, for precise squiggles and minimal edits. */
  valueRange: Range;
}

/**
 * A reference to another decision as written: `ADR-0003`, `3`, `0003-use-x.md`,
 * `[3. Use X](0003-use-x.md)`. The catalog resolves it to an id.
 */
export interface DecisionRef {
  raw: string;
  number: number | null;
  /** File name of a link target, without folders. */
  fileName: string | null;
  /** Explicit textual id such as a log4brains slug, when no number is known. */
  slug: string | null;
}

/** Relation kinds are open: adr-tools lets teams invent link verbs. These are the ones with meaning. */
export type RelationKind =
  | 'supersedes'
  | 'superseded-by'
  | 'overrides'
  | 'overridden-by'
  | 'amends'
  | 'amended-by'
  | (string & {});

export interface Relation {
  kind: RelationKind;
  target: DecisionRef;
  range: Range;
}

export type Trigger = 'new-resource' | 'new-requirement';
export const TRIGGERS: readonly Trigger[] = ['new-resource', 'new-requirement'];

/** One decision file, read without any configuration. */
export interface Decision {
  /** The path the file was read from, as the caller gave it (posix separators). */
  file: string;
  /** `ADR-0009`, or the slug for files whose name carries no number (log4brains date-slug files). */
  id: string;
  number: number | null;
  /** The file name without extension and without its number. */
  slug: string;
  format: DecisionFormat;
  title: Located<string> | null;
  /** Normalised lower-case for known statuses; other values as written. */
  status: Located<string> | null;
  /** ISO `YYYY-MM-DD`. */
  date: Located<string> | null;
  /** The owner as written; resolving it against roles needs configuration. */
  owner: Located<string> | null;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  relations: Relation[];
  trigger: Located<string> | null;
  triggerDetail: Located<string> | null;
  elevatedFrom: Located<string> | null;
  elevatedOn: Located<string> | null;
  /** ISO `YYYY-MM-DD`: when the decision comes back for review. */
  reviewBy: Located<string> | null;
  /** The resource or requirement that would reopen the decision, as written. */
  revisitWhen: Located<string> | null;
  /** ISO `YYYY-MM-DD`: when it was last reviewed. */
  reviewedOn: Located<string> | null;
  /** The frontmatter block including its delimiters, when the file has one. */
  frontmatter: { range: Range; language: string } | null;
  /** Line of the first `#` heading, where a file without frontmatter gets its squiggle. */
  headerLine: number;
  /** adr-tools' `## Status` section: its heading line and its last non-empty line. */
  statusSection: { headingLine: number; lastLine: number } | null;
  /** A `## Links` section (MADR 2, log4brains): its heading line and its last non-empty line. */
  linksSection: { headingLine: number; lastLine: number } | null;
  /** Problems found while reading: YAML errors, unparseable dates, unfilled placeholders. */
  parseProblems: Problem[];
}
