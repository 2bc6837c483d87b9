import { baseName, stemOf } from '../read/fileName';
import type { Admission, SkippedFile } from '../read/fileAdmission';
import type { Decision, DecisionRef } from '../model';
import { dirName } from './paths';
import { lookupTable } from '../read/lookup';

/** Relation kinds whose other end is implied: A supersedes B means B is superseded by A. */
export const INVERSE_KIND: Readonly<Record<string, string>> = lookupTable({
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  overrides: 'overridden-by',
  'overridden-by': 'overrides',
  amends: 'amended-by',
  'amended-by': 'amends',
});

export interface ResolvedRelation {
  kind: string;
  /** The decision named, or undefined when nothing in the folder matches. */
  target: Decision | undefined;
  ref: DecisionRef;
  /** True when this end was written in the file, false when inferred from the other end. */
  declared: boolean;
}

/**
 * The decisions of one folder. Numbers are per folder: a monorepo with several decision folders
 * numbers each from 1, so duplicates, next numbers and relations are all resolved within a log.
 */
export class DecisionLog {
  private readonly byFile = new Map<string, Decision>();
  private index: LogIndex | undefined;

  constructor(readonly folder: string) {}

  upsert(decision: Decision): void {
    const previous = this.byFile.get(decision.file);
    this.byFile.set(decision.file, decision);
    // An edit that keeps the id and number (nearly every keystroke) patches the index in place:
    // rebuilding it sorts and resolves the whole folder, ~10 ms for 10k decisions.
    if (this.index && previous && previous.id === decision.id && previous.number === decision.number) replaceIn(this.index, previous, decision);
    else this.index = undefined;
  }

  remove(file: string): boolean {
    const removed = this.byFile.delete(file);
    if (removed) this.index = undefined;
    return removed;
  }

  get size(): number {
    return this.byFile.size;
  }

  get(file: string): Decision | undefined {
    return this.byFile.get(file);
  }

  /** Sorted by number, then by id for decisions without one. */
  decisions(): readonly Decision[] {
    return this.built().sorted;
  }

  byId(id: string): readonly Decision[] {
    return this.built().ids.get(id.toLowerCase()) ?? [];
  }

  withNumber(number: number): readonly Decision[] {
    return this.built().numbers.get(number) ?? [];
  }

  nextNumber(): number {
    return this.built().highest + 1;
  }

  resolve(ref: DecisionRef): Decision | undefined {
    return resolveIn(this.built(), ref);
  }

  /** What a decision's relations point at, both the ends it declares and the ends others declare about it. */
  relationsOf(decision: Decision): ResolvedRelation[] {
    const declared: ResolvedRelation[] = decision.relations.map((r) => ({ kind: r.kind, target: this.resolve(r.target), ref: r.target, declared: true }));
    // A set of what is declared, not a search per inferred end: a decision superseded by 2,000
    // others that names each of them has 2,000 of both.
    const declaredEnds = new Map<Decision | undefined, Set<string>>();
    for (const d of declared) (declaredEnds.get(d.target) ?? declaredEnds.set(d.target, new Set()).get(d.target)!).add(d.kind);
    const inferred = (this.built().incoming.get(decision.file) ?? []).filter((incoming) => !declaredEnds.get(incoming.target)?.has(incoming.kind));
    return [...declared, ...inferred];
  }

  /** The ends others declare about a decision (A supersedes it: it is superseded by A), whether or not it declares them too. */
  inferredOf(decision: Decision): readonly ResolvedRelation[] {
    return this.built().incoming.get(decision.file) ?? [];
  }

  private built(): LogIndex {
    this.index ??= buildIndex([...this.byFile.values()]);
    return this.index;
  }
}

interface LogIndex {
  sorted: Decision[];
  ids: Map<string, Decision[]>;
  numbers: Map<number, Decision[]>;
  fileNames: Map<string, Decision>;
  stems: Map<string, Decision>;
  highest: number;
  incoming: Map<string, ResolvedRelation[]>;
}

function compareDecisions(a: Decision, b: Decision): number {
  return (a.number ?? Infinity) - (b.number ?? Infinity) || a.id.localeCompare(b.id) || a.file.localeCompare(b.file);
}

function buildIndex(all: Decision[]): LogIndex {
  const sorted = all.sort(compareDecisions);
  const index: LogIndex = { sorted, ids: new Map(), numbers: new Map(), fileNames: new Map(), stems: new Map(), highest: 0, incoming: new Map() };
  for (const d of sorted) {
    pushTo(index.ids, d.id.toLowerCase(), d);
    if (d.number !== null) {
      pushTo(index.numbers, d.number, d);
      index.highest = Math.max(index.highest, d.number);
    }
    index.fileNames.set(baseName(d.file).toLowerCase(), d);
    index.stems.set(stemOf(d.file).toLowerCase(), d);
  }
  // Inverse ends need the maps above, so they are computed in a second pass.
  for (const d of sorted) for (const [file, end] of inverseEnds(index, d)) pushTo(index.incoming, file, end);
  return index;
}

/** The ends `d`'s relations imply on the decisions they name, keyed by the named decision's file. */
function inverseEnds(index: LogIndex, d: Decision): [string, ResolvedRelation][] {
  const ends: [string, ResolvedRelation][] = [];
  for (const relation of d.relations) {
    const inverse = INVERSE_KIND[relation.kind];
    const target = inverse ? resolveIn(index, relation.target) : undefined;
    if (!inverse || !target || target === d) continue;
    ends.push([target.file, { kind: inverse, target: d, ref: { raw: d.id, number: d.number, fileName: baseName(d.file), slug: null }, declared: false }]);
  }
  return ends;
}

/**
 * Swaps one decision for its new reading with the same file, id and number: every key it is found
 * by, and its place in the order, stay the same, so only its own entries and the inverse ends its
 * relations imply change. Lists are copied, never mutated: arrays handed out earlier stay as they were.
 */
function replaceIn(index: LogIndex, previous: Decision, next: Decision): void {
  const swap = (list: Decision[]): Decision[] => list.map((d) => (d === previous ? next : d));
  const at = index.sorted.indexOf(previous);
  if (at !== -1) {
    index.sorted = index.sorted.slice();
    index.sorted[at] = next;
  }
  const idKey = next.id.toLowerCase();
  const ids = index.ids.get(idKey);
  if (ids) index.ids.set(idKey, swap(ids));
  const numbered = next.number === null ? undefined : index.numbers.get(next.number);
  if (numbered && next.number !== null) index.numbers.set(next.number, swap(numbered));
  const fileName = baseName(next.file).toLowerCase();
  if (index.fileNames.get(fileName) === previous) index.fileNames.set(fileName, next);
  const stem = stemOf(next.file).toLowerCase();
  if (index.stems.get(stem) === previous) index.stems.set(stem, next);
  // Resolution is by the keys above, unchanged: previous's relations name the same decisions they did.
  for (const [file] of inverseEnds(index, previous)) {
    const ends = index.incoming.get(file);
    if (ends) index.incoming.set(file, ends.filter((e) => e.target !== previous));
  }
  for (const [file, end] of inverseEnds(index, next)) {
    // Kept in the order a rebuild gives: by the declaring decision's place in the log.
    const ends = (index.incoming.get(file) ?? []).slice();
    const position = ends.findIndex((e) => e.target !== undefined && compareDecisions(e.target, next) > 0);
    ends.splice(position === -1 ? ends.length : position, 0, end);
    index.incoming.set(file, ends);
  }
}

/** A link's file name is the surest match, then the number, then a slug for decisions without numbers. */
function resolveIn(index: LogIndex, ref: DecisionRef): Decision | undefined {
  if (ref.fileName) {
    const byName = index.fileNames.get(ref.fileName.toLowerCase());
    if (byName) return byName;
  }
  if (ref.number !== null) return index.numbers.get(ref.number)?.[0];
  if (ref.slug) return index.ids.get(ref.slug.toLowerCase())?.[0] ?? index.stems.get(ref.slug.toLowerCase());
  if (ref.fileName) return index.stems.get(stemOf(ref.fileName).toLowerCase());
  return undefined;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every decision folder of a workspace. */
export class Catalog {
  private readonly logs = new Map<string, DecisionLog>();
  /** Files in decision folders that are not read as decisions (too large, binary, unreadable). */
  private readonly skippedFiles = new Map<string, SkippedFile>();

  /** Registers a folder even while it is empty, so a first decision lands in the right log. */
  addFolder(folder: string): DecisionLog {
    let log = this.logs.get(folder);
    if (!log) {
      log = new DecisionLog(folder);
      this.logs.set(folder, log);
    }
    return log;
  }

  folders(): readonly DecisionLog[] {
    return [...this.logs.values()];
  }

  /** The log a file belongs to: its own folder's. */
  logFor(file: string): DecisionLog {
    return this.addFolder(dirName(file));
  }

  upsert(decision: Decision): void {
    this.skippedFiles.delete(decision.file);
    this.logFor(decision.file).upsert(decision);
  }

  /** A file that is no longer (or never was) readable as a decision: out of the log, kept with its reason. */
  skip(skipped: SkippedFile): void {
    this.remove(skipped.file);
    this.logFor(skipped.file);
    this.skippedFiles.set(skipped.file, skipped);
  }

  admit(admission: Admission): void {
    if ('decision' in admission) this.upsert(admission.decision);
    else this.skip(admission.skipped);
  }

  remove(file: string): boolean {
    const wasSkipped = this.skippedFiles.delete(file);
    return (this.logs.get(dirName(file))?.remove(file) ?? false) || wasSkipped;
  }

  skipped(): SkippedFile[] {
    return [...this.skippedFiles.values()];
  }

  get(file: string): Decision | undefined {
    return this.logs.get(dirName(file))?.get(file);
  }

  decisions(): Decision[] {
    return this.folders().flatMap((log) => log.decisions());
  }

  /** How many decisions the catalog holds, without sorting or resolving any log (as decisions() does, once per change). */
  decisionCount(): number {
    let count = 0;
    for (const log of this.logs.values()) count += log.size;
    return count;
  }
}
