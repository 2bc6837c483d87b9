import { baseName, stemOf } from './fileName';
import type { Decision, DecisionRef } from './model';
import { dirName } from './paths';

/** Relation kinds whose other end is implied: A supersedes B means B is superseded by A. */
export const INVERSE_KIND: Record<string, string> = {
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  overrides: 'overridden-by',
  'overridden-by': 'overrides',
  amends: 'amended-by',
  'amended-by': 'amends',
};

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
    this.byFile.set(decision.file, decision);
    this.index = undefined;
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
    const inferred = (this.built().incoming.get(decision.file) ?? []).filter(
      (incoming) => !declared.some((d) => d.kind === incoming.kind && d.target === incoming.target),
    );
    return [...declared, ...inferred];
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

function buildIndex(all: Decision[]): LogIndex {
  const sorted = all.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
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
  for (const d of sorted) {
    for (const relation of d.relations) {
      const inverse = INVERSE_KIND[relation.kind];
      const target = inverse ? resolveIn(index, relation.target) : undefined;
      if (!inverse || !target || target === d) continue;
      pushTo(index.incoming, target.file, { kind: inverse, target: d, ref: { raw: d.id, number: d.number, fileName: baseName(d.file), slug: null }, declared: false });
    }
  }
  return index;
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
    this.logFor(decision.file).upsert(decision);
  }

  remove(file: string): boolean {
    return this.logs.get(dirName(file))?.remove(file) ?? false;
  }

  get(file: string): Decision | undefined {
    return this.logs.get(dirName(file))?.get(file);
  }

  decisions(): Decision[] {
    return this.folders().flatMap((log) => log.decisions());
  }
}
