import type { Decision, Located, Problem, Range, Relation } from '../model';

/**
 * Bump whenever Decision's shape, this encoding or the parser's reading changes: a cache written
 * by another version is dropped whole and the workspace indexed afresh, never half-trusted.
 */
export const INDEX_CACHE_VERSION = 3;

/** What identifies a file's content without reading it: unchanged size and mtime mean unchanged text. */
export interface FileStamp {
  size: number;
  mtime: number;
}

export interface CachedDecision extends FileStamp {
  decision: Decision;
}

/**
 * The persisted index: one JSON document of positional arrays, keyed by path, size and mtime.
 * Decisions as plain JSON objects cost ~1.5 KB each, mostly range keys, and JSON.parse of 10k
 * took ~100 ms; as arrays they are about a third of that.
 */
export function serializeIndex(entries: ReadonlyMap<string, CachedDecision>, producer = ''): string {
  const rows: unknown[] = [];
  // A decision's file is its key: written once, not twice.
  for (const [path, e] of entries) if (e.decision.file === path) rows.push([path, e.size, e.mtime, encodeDecision(e.decision)]);
  return JSON.stringify({ version: INDEX_CACHE_VERSION, producer, entries: rows });
}

/**
 * The cached decisions, or undefined when the text is not a readable cache of this version, or was
 * written by another `producer` (a build of the parser that may read files differently): the
 * caller then indexes in full.
 */
export function deserializeIndex(text: string, producer = ''): Map<string, CachedDecision> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isRecord(parsed) || parsed.version !== INDEX_CACHE_VERSION || parsed.producer !== producer || !Array.isArray(parsed.entries)) return undefined;
    const entries = new Map<string, CachedDecision>();
    for (const row of parsed.entries as unknown[]) {
      const [path, size, mtime, encoded] = tuple(row, 4);
      entries.set(str(path), { size: num(size), mtime: num(mtime), decision: decodeDecision(str(path), encoded) });
    }
    return entries;
  } catch (error) {
    if (error instanceof CorruptCache || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** True when the file on disk is the one the cache read. */
export function isFresh(cached: CachedDecision | undefined, stamp: FileStamp | undefined): cached is CachedDecision {
  return cached !== undefined && stamp !== undefined && cached.size === stamp.size && cached.mtime === stamp.mtime;
}

class CorruptCache extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tuple(value: unknown, length: number): unknown[] {
  if (!Array.isArray(value) || value.length !== length) throw new CorruptCache();
  return value as unknown[];
}

function num(value: unknown): number {
  if (typeof value !== 'number') throw new CorruptCache();
  return value;
}

function str(value: unknown): string {
  if (typeof value !== 'string') throw new CorruptCache();
  return value;
}

function numOrNull(value: unknown): number | null {
  return value === null ? null : num(value);
}

function strOrNull(value: unknown): string | null {
  return value === null ? null : str(value);
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) throw new CorruptCache();
  return value.map(str);
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new CorruptCache();
  return value as unknown[];
}

type RangeRow = [number, number, number, number];

function encodeRange(r: Range): RangeRow {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

function decodeRange(value: unknown): Range {
  const [a, b, c, d] = tuple(value, 4);
  return { start: { line: num(a), character: num(b) }, end: { line: num(c), character: num(d) } };
}

function encodeLocated(l: Located<string> | null): unknown {
  return l === null ? null : [l.value, encodeRange(l.range), encodeRange(l.valueRange)];
}

function decodeLocated(value: unknown): Located<string> | null {
  if (value === null) return null;
  const [v, range, valueRange] = tuple(value, 3);
  return { value: str(v), range: decodeRange(range), valueRange: decodeRange(valueRange) };
}

function encodeRelation(r: Relation): unknown {
  return [r.kind, r.target.raw, r.target.number, r.target.fileName, r.target.slug, encodeRange(r.range)];
}

function decodeRelation(value: unknown): Relation {
  const [kind, raw, number, fileName, slug, range] = tuple(value, 6);
  return { kind: str(kind), target: { raw: str(raw), number: numOrNull(number), fileName: strOrNull(fileName), slug: strOrNull(slug) }, range: decodeRange(range) };
}

function encodeProblem(p: Problem): unknown {
  return p.data === undefined ? [p.code, p.severity, p.message, encodeRange(p.range)] : [p.code, p.severity, p.message, encodeRange(p.range), p.data];
}

function decodeProblem(value: unknown): Problem {
  const row = list(value);
  if (row.length !== 4 && row.length !== 5) throw new CorruptCache();
  const severity = str(row[1]);
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info' && severity !== 'hint') throw new CorruptCache();
  const problem: Problem = { code: str(row[0]), severity, message: str(row[2]), range: decodeRange(row[3]) };
  if (row.length === 5) {
    if (!isRecord(row[4])) throw new CorruptCache();
    problem.data = row[4];
  }
  return problem;
}

const FORMATS = ['frontmatter', 'bullets', 'nygard', 'plain'] as const;

function encodeDecision(d: Decision): unknown {
  return [
    d.id,
    d.number,
    d.slug,
    d.format,
    [d.title, d.status, d.date, d.owner, d.trigger, d.triggerDetail, d.elevatedFrom, d.elevatedOn, d.reviewBy, d.revisitWhen, d.reviewedOn].map(encodeLocated),
    [d.decisionMakers, d.consulted, d.informed],
    d.relations.map(encodeRelation),
    d.frontmatter === null ? null : [d.frontmatter.language, encodeRange(d.frontmatter.range)],
    d.headerLine,
    d.statusSection === null ? null : [d.statusSection.headingLine, d.statusSection.lastLine],
    d.parseProblems.map(encodeProblem),
    d.linksSection === null ? null : [d.linksSection.headingLine, d.linksSection.lastLine],
  ];
}

function decodeDecision(file: string, value: unknown): Decision {
  const [id, number, slug, format, located, people, relations, frontmatter, headerLine, statusSection, problems, linksSection] = tuple(value, 12);
  const [title, status, date, owner, trigger, triggerDetail, elevatedFrom, elevatedOn, reviewBy, revisitWhen, reviewedOn] = tuple(located, 11).map(decodeLocated);
  const [decisionMakers, consulted, informed] = tuple(people, 3).map(strings);
  const knownFormat = FORMATS.find((f) => f === format);
  if (!knownFormat) throw new CorruptCache();
  const fm = frontmatter === null ? null : tuple(frontmatter, 2);
  const section = statusSection === null ? null : tuple(statusSection, 2);
  const links = linksSection === null ? null : tuple(linksSection, 2);
  return {
    file,
    id: str(id),
    number: numOrNull(number),
    slug: str(slug),
    format: knownFormat,
    title: title ?? null,
    status: status ?? null,
    date: date ?? null,
    owner: owner ?? null,
    decisionMakers: decisionMakers ?? [],
    consulted: consulted ?? [],
    informed: informed ?? [],
    relations: list(relations).map(decodeRelation),
    trigger: trigger ?? null,
    triggerDetail: triggerDetail ?? null,
    elevatedFrom: elevatedFrom ?? null,
    elevatedOn: elevatedOn ?? null,
    reviewBy: reviewBy ?? null,
    revisitWhen: revisitWhen ?? null,
    reviewedOn: reviewedOn ?? null,
    frontmatter: fm ? { range: decodeRange(fm[1]), language: str(fm[0]) } : null,
    headerLine: num(headerLine),
    statusSection: section ? { headingLine: num(section[0]), lastLine: num(section[1]) } : null,
    linksSection: links ? { headingLine: num(links[0]), lastLine: num(links[1]) } : null,
    parseProblems: list(problems).map(decodeProblem),
  };
}
