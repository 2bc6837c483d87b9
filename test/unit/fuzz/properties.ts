// The fuzzed properties of the pure core, shared by the unit run (a fixed small count and seed)
// and `npm run fuzz` (the full count). Each property throws a FuzzFailure describing what broke.
import { isFolderFormat } from '../../../src/core/workspace/folderFormat';
import fc from 'fast-check';
import { Catalog } from '../../../src/core/workspace/catalog';
import { mergeConfig, readConfig, type AdrRolesConfig } from '../../../src/core/workspace/config';
import { quickFixesFor as fixesFor, type QuickFix as Fix } from '../../../src/core/views/quickFixes';
import { planOverride, planSupersede } from '../../../src/core/edit/lifecycle';
import { lintDecision } from '../../../src/core/rules/lint';
import type { Decision, Problem, Trigger } from '../../../src/core/model';
import { parseDecision } from '../../../src/core/read/parse';
import { planRenumber } from '../../../src/core/edit/renumber';
import { BUILT_IN_TEMPLATES } from '../../../src/core/edit/scaffold';
import { applyEdits } from '../../../src/core/edit/textEdit';
import { applyMutation, configChoice, type ConfigChoice, configText, decisionLog, decisionText, decisionFile, listedFile, soup, type Doc } from './arbitraries';
import { brokenFrontmatter, checkDecision, checkEdits, checkProblems, checkRange, fail, Lines, damage } from './invariants';
import { findReferences } from '../../../src/core/workspace/references';
import { allNodes, chainsOf } from '../../../src/core/views/chains';
import { buildReport } from '../../../src/core/views/report';
import { HOSTILE_SHAPES } from '../hostileShapes';

const TODAY = '2026-11-26';
type Mode = 'scan' | 'tree';

export interface FuzzProperty {
  name: string;
  property: fc.IProperty<unknown[]>;
  /** Inputs at most, for a property whose inputs are large. */
  maxRuns?: number;
}

// ---------------------------------------------------------------------------------------------
// parse

function parseChecked(file: string, text: string, mode: Mode): Decision {
  const decision = parseDecision(file, text, { markdown: mode });
  checkDecision(text, decision);
  return decision;
}

const parseProperty = (mode: Mode): FuzzProperty => ({
  name: `parse-${mode}`,
  property: fc.property(decisionFile, decisionText, (file: string, text: string) => {
    parseChecked(file, text, mode);
  }),
});

// ---------------------------------------------------------------------------------------------
// catalog + every rule

function lintAll(catalog: Catalog, docs: readonly Doc[], config: AdrRolesConfig): Map<string, Problem[]> {
  const found = new Map<string, Problem[]>();
  for (const doc of docs) {
    const decision = catalog.get(doc.file);
    if (!decision) fail(`${doc.file} is not in the catalog`);
    const problems = lintDecision(decision, catalog.logFor(doc.file), config);
    checkProblems(new Lines(doc.text), problems, `lint ${doc.file}`);
    found.set(doc.file, problems);
  }
  return found;
}

/**
 * Lints a generated folder twice: once after incremental updates (an edit re-upserted, a removal
 * and re-add), once from a fresh catalog of the final texts. Both must give the same problems.
 */
const catalogProperty: FuzzProperty = {
  name: 'catalog-lint',
  property: fc.property(
    decisionLog,
    configChoice,
    fc.nat(),
    fc.array(fc.nat(), { maxLength: 2 }),
    (docs: Doc[], choice: ConfigChoice, pick: number, editSeeds: number[]) => {
      const incremental = new Catalog();
      for (const doc of docs) incremental.upsert(parseDecision(doc.file, doc.text));
      const edited = docs.slice();
      const at = pick % docs.length;
      const doc = docs[at]!;
      // An edit that keeps the file: most keep the id and number, so the log patches its index in place.
      const text = editSeeds.reduce((t, seed) => applyMutation(t, { kind: 'inject', at: seed, text: seed % 2 ? '\nstatus: accepted' : 'x' }), doc.text);
      lintAll(incremental, docs, choice.config); // builds the index, so the next upsert patches it
      incremental.upsert(parseDecision(doc.file, text));
      edited[at] = { file: doc.file, text };
      const other = edited[(pick >> 3) % edited.length]!;
      if (!incremental.remove(other.file)) fail(`remove(${other.file}) found nothing`);
      if (incremental.get(other.file)) fail(`${other.file} still there after remove`);
      lintAll(incremental, edited.filter((d) => d !== other), choice.config);
      incremental.upsert(parseDecision(other.file, other.text));
      const fresh = new Catalog();
      for (const d of edited) fresh.upsert(parseDecision(d.file, d.text));
      const a = lintAll(incremental, edited, choice.config);
      const b = lintAll(fresh, edited, choice.config);
      for (const d of edited) {
        const x = JSON.stringify(a.get(d.file));
        const y = JSON.stringify(b.get(d.file));
        if (x !== y) fail(`${d.file}: incremental catalog lints\n${x}\nbut a fresh one\n${y}`);
      }
      for (const log of fresh.folders()) {
        const highest = Math.max(0, ...log.decisions().map((d) => d.number ?? 0));
        if (log.nextNumber() !== highest + 1) fail(`nextNumber ${log.nextNumber()} but the highest number is ${highest}`);
      }
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// quick fixes

/** Which instance of a code a problem is: the fix of one must not be judged by another's. */
function identity(p: Problem): string {
  const data = p.data ?? {};
  switch (p.code) {
    case 'invalid-date':
      // One key can be written twice (frontmatter and a bullet); the fix rewrites one line in place.
      return `${p.code}|${String(data.key)}|${p.range.start.line}`;
    case 'relation-not-reciprocated': {
      const target = data.target as { id?: string; fileName?: string } | undefined;
      return `${p.code}|${String(data.kind)}|${target?.id}|${target?.fileName}`;
    }
    default:
      return p.code;
  }
}

/** Fixes that make their problem go away (duplicate-number's renumber runs a command instead). */
const REMOVES_PROBLEM = new Set(['missing-owner', 'unknown-owner', 'invalid-date', 'override-missing-trigger', 'relation-not-reciprocated', 'status-out-of-sync', 'execution-overrides-strategy']);

/**
 * Relation fixes name the other decision by its id. While two decisions of a folder share an id
 * (a duplicate number, reported as duplicate-number with its Renumber fix) or a file name up to
 * case, no written reference can tell them apart, so such a fix cannot be expected to resolve.
 */
const NAMES_ANOTHER = new Set(['relation-not-reciprocated', 'status-out-of-sync']);

function ambiguousNames(decisions: readonly Decision[]): boolean {
  const seen = new Set<string>();
  for (const d of decisions) {
    const folder = d.file.slice(0, d.file.lastIndexOf('/') + 1);
    for (const key of [`id:${folder}${d.id.toLowerCase()}`, `file:${d.file.toLowerCase()}`]) {
      if (seen.has(key)) return true;
      seen.add(key);
    }
  }
  return false;
}

/** Fixes that set frontmatter fields: applying one again to its own result must change nothing, whatever the problems then. */
const SETS_FIELDS = new Set(['missing-owner', 'override-missing-trigger', 'execution-overrides-strategy']);

interface FixCase {
  doc: Doc;
  decision: Decision;
  others: Decision[];
  problem: Problem;
  fix: Fix;
  config: AdrRolesConfig;
  mode: Mode;
  ambiguous: boolean;
}

function checkFix({ doc, decision, others, problem, fix, config, mode, ambiguous }: FixCase): void {
  const where = `fix "${fix.title}" for ${problem.code} in ${doc.file}`;
  checkEdits(doc.text, fix.edits, where);
  if (fix.command) {
    if (fix.edits.length > 0) fail(`${where}: runs a command and also edits`);
    return;
  }
  if (fix.edits.length === 0) fail(`${where}: no edits and no command`);
  const after = applyEdits(doc.text, fix.edits);
  const fixed = parseDecision(doc.file, after, { markdown: mode });
  checkDecision(after, fixed);
  const broken = damage(decision, fixed);
  if (broken.length > 0) fail(`${where}: the result reads worse: ${broken.join('; ')}\n--- result ---\n${after}`);

  const catalog = new Catalog();
  for (const other of others) catalog.upsert(other);
  catalog.upsert(fixed);
  const problems = lintDecision(fixed, catalog.logFor(doc.file), config);
  checkProblems(new Lines(after), problems, `${where}, after`);
  const context = { text: after, decision: fixed, config, today: TODAY };
  const same = problems.filter((p) => identity(p) === identity(problem));
  // From a block YAML cannot read, only unindented plain `key: value` lines are recovered, best
  // effort: a fix there must not break more or repeat itself, but need not take effect.
  const brokenBlock = brokenFrontmatter(decision);
  const mustResolve = REMOVES_PROBLEM.has(problem.code) && !brokenBlock && !(ambiguous && NAMES_ANOTHER.has(problem.code));
  if (mustResolve && same.length > 0) fail(`${where}: the problem is still there: ${same[0]?.message}\n--- result ---\n${after}`);
  // Offered again, the same fix changes nothing. Not judged where ids are shared (the reader cannot
  // tell the written relation from the one it names; duplicate-number's Renumber is the way out),
  // nor in a block YAML cannot read (what its error recovery salvages moves with every edit).
  const judged = brokenBlock || (ambiguous && NAMES_ANOTHER.has(problem.code)) ? [] : same;
  for (const again of judged) {
    for (const repeat of fixesFor(again, context).filter((f) => f.title === fix.title)) {
      checkEdits(after, repeat.edits, `${where}, offered again`);
      if (applyEdits(after, repeat.edits) !== after) fail(`${where}: applying it again changes the text again\n--- result ---\n${after}`);
    }
  }
  if (SETS_FIELDS.has(problem.code)) {
    const repeat = fixesFor(problem, context).find((f) => f.title === fix.title);
    if (!repeat) fail(`${where}: not offered on its own result`);
    checkEdits(after, repeat.edits, `${where}, recomputed`);
    const twice = applyEdits(after, repeat.edits);
    if (twice !== after) fail(`${where}: not idempotent\n--- once ---\n${after}\n--- twice ---\n${twice}`);
  }
}

const fixesProperty: FuzzProperty = {
  name: 'fixes',
  property: fc.property(decisionLog, configChoice, fc.constantFrom<Mode>('scan', 'scan', 'tree'), (docs: Doc[], choice: ConfigChoice, mode: Mode) => {
    const catalog = new Catalog();
    // The tree reads only open documents, whose line ends VS Code has made one kind: no lone `\r`.
    const modes = docs.map((doc): Mode => (/\r(?!\n)/.test(doc.text) ? 'scan' : mode));
    const decisions = docs.map((doc, i) => parseChecked(doc.file, doc.text, modes[i] ?? 'scan'));
    for (const d of decisions) catalog.upsert(d);
    const ambiguous = ambiguousNames(decisions);
    docs.forEach((doc, i) => {
      const decision = decisions[i]!;
      const others = decisions.filter((d) => d !== decision);
      const problems = lintDecision(decision, catalog.logFor(doc.file), choice.config);
      checkProblems(new Lines(doc.text), problems, `lint ${doc.file}`);
      for (const problem of problems) {
        for (const fix of fixesFor(problem, { text: doc.text, decision, config: choice.config, today: TODAY })) {
          checkFix({ doc, decision, others, problem, fix, config: choice.config, mode: modes[i] ?? 'scan', ambiguous });
        }
      }
    });
  }),
};

// ---------------------------------------------------------------------------------------------
// .adr-roles.yml

const overrides = fc.record(
  {
    roles: fc.array(fc.record({ id: soup(4), label: soup(4), kind: fc.constantFrom('strategy', 'execution', 'other', '', 'boss') }), { maxLength: 3 }),
    severities: fc.dictionary(fc.constantFrom('missing-owner', 'unknown-owner', 'x', '__proto__', 'constructor'), fc.constantFrom('off', 'error', 'loud', '')),
    template: soup(4),
  },
  { requiredKeys: [] },
);

const configProperty: FuzzProperty = {
  name: 'config',
  property: fc.property(configText, overrides, (text: string, settings: Parameters<typeof mergeConfig>[1]) => {
    const reading = readConfig(text);
    const lines = new Lines(text);
    checkProblems(lines, reading.problems, 'config problems');
    reading.folderEntries.forEach((f, i) => checkRange(lines, f.range, `folderEntries[${i}]`));
    if (reading.templateRange) checkRange(lines, reading.templateRange, 'templateRange');
    const { config } = reading;
    if (config.roles.length === 0) fail('no roles');
    for (const role of config.roles) if (typeof role.id !== 'string' || !role.id || typeof role.label !== 'string') fail(`role ${JSON.stringify(role)}`);
    for (const [code, level] of Object.entries(config.severities)) if (!['off', 'hint', 'info', 'warning', 'error'].includes(level)) fail(`severity ${code}: ${String(level)}`);
    if (config.folders.some((f) => typeof f !== 'string' || !f)) fail(`folders ${JSON.stringify(config.folders)}`);
    if (typeof config.template !== 'string') fail(`template ${JSON.stringify(config.template)}`);
    if (config.format !== null && !isFolderFormat(config.format)) fail(`format ${JSON.stringify(config.format)}`);
    const merged = mergeConfig(config, settings);
    if (merged.roles.length === 0) fail('no roles after merging settings');
  }),
};

// ---------------------------------------------------------------------------------------------
// lifecycle plans and renumbering

const title = soup(10)
  .map((t) => t.replace(/[\r\n\u2028\u2029\u0085]/g, ' ').trim())
  .filter((t) => t.length > 0);

const lifecycleInput = fc.record({
  old: fc.record({ file: listedFile, text: decisionText }),
  kind: fc.constantFrom('override', 'supersede'),
  number: fc.integer({ min: 1, max: 99_999 }),
  title,
  owner: fc.constantFrom('cto', 'hoe', 'founder'),
  template: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(BUILT_IN_TEMPLATES.madr, BUILT_IN_TEMPLATES.nygard) }, { weight: 1, arbitrary: decisionText.map((t) => `${t}\n{{title}} {{cursor}} {{number}} {{id}} {{owner}}`) }),
  trigger: fc.constantFrom<Trigger>('new-resource', 'new-requirement'),
  triggerDetail: fc.oneof(soup(10), fc.string({ unit: 'binary', maxLength: 30 })).map((t) => t.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')),
});

type LifecycleInput = typeof lifecycleInput extends fc.Arbitrary<infer T> ? T : never;

const lifecycleProperty: FuzzProperty = {
  name: 'lifecycle',
  property: fc.property(lifecycleInput, (input: LifecycleInput) => {
    const old = parseChecked(input.old.file, input.old.text, 'scan');
    const base = { old, oldText: input.old.text, number: input.number, title: input.title, owner: input.owner, date: TODAY, template: input.template };
    const plan = input.kind === 'override' ? planOverride({ ...base, trigger: input.trigger, triggerDetail: input.triggerDetail }) : planSupersede(base);
    checkEdits(input.old.text, plan.oldEdits, 'old decision edits');
    const oldAfter = applyEdits(input.old.text, plan.oldEdits);
    const marked = parseChecked(input.old.file, oldAfter, 'scan');
    const broken = damage(old, marked);
    if (broken.length > 0) fail(`marking the old decision breaks it: ${broken.join('; ')}\n--- result ---\n${oldAfter}`);
    if (plan.cursorOffset < 0 || plan.cursorOffset > plan.text.length) fail(`cursor ${plan.cursorOffset} outside the new text of ${plan.text.length}`);
    const created = parseChecked(`d/${plan.fileName}`, plan.text, 'scan');
    if (input.template === BUILT_IN_TEMPLATES.madr || input.template === BUILT_IN_TEMPLATES.nygard) {
      // A title such as `{}` is rightly reported as a placeholder: only the frontmatter must read.
      const errors = created.parseProblems.filter((p) => p.code === 'invalid-frontmatter');
      if (errors.length > 0) fail(`the new decision has ${errors.map((p) => p.message).join('; ')}\n--- new ---\n${plan.text}`);
      if (created.owner?.value !== input.owner) fail(`the new decision's owner is ${created.owner?.value}\n--- new ---\n${plan.text}`);
      const kind = input.kind === 'override' ? 'overrides' : 'supersedes';
      if (!created.relations.some((r) => r.kind === kind)) fail(`the new decision does not say ${kind}\n--- new ---\n${plan.text}`);
      const detail = input.triggerDetail.trim();
      // Text that looks like a template placeholder (`{ x }`, `[a | b]`) is reported as one when read.
      const placeholder = /^\{.*\}$/s.test(detail) || /^\[[^\]]*\|[^\]]*\]$/.test(detail);
      if (input.kind === 'override' && detail && !placeholder && created.triggerDetail?.value !== detail) {
        fail(`trigger-detail ${JSON.stringify(detail)} reads back as ${JSON.stringify(created.triggerDetail?.value)}\n--- new ---\n${plan.text}`);
      }
    }
  }),
};

const renumberInput = fc.record({
  docs: decisionLog,
  notes: fc.array(fc.oneof(soup(40), fc.constantFrom('See ADR-0001, ADR 2 and [B](../d/0002-b.md).', 'Links [A](d/0001-a.md) and `ADR-0003`.')), { maxLength: 2 }),
  pick: fc.nat(),
  newNumber: fc.integer({ min: 1, max: 99_999 }),
});

type RenumberInput = typeof renumberInput extends fc.Arbitrary<infer T> ? T : never;

const renumberProperty: FuzzProperty = {
  name: 'renumber',
  property: fc.property(renumberInput, ({ docs, notes, pick, newNumber }: RenumberInput) => {
    const catalog = new Catalog();
    const decisions = docs.map((d) => parseDecision(d.file, d.text));
    for (const d of decisions) catalog.upsert(d);
    const decision = decisions[pick % decisions.length]!;
    const files = [...docs, ...notes.map((text, i) => ({ file: `notes/n${i}.md`, text }))].map((d) => ({ path: d.file, text: d.text }));
    const plan = planRenumber({ log: catalog.logFor(decision.file), decision, newNumber, files });
    for (const [path, edits] of plan.edits) {
      const file = files.find((f) => f.path === path);
      if (!file) fail(`edits for ${path}, which was not given`);
      checkEdits(file.text, edits, `renumber edits of ${path}`);
      const after = applyEdits(file.text, edits);
      const before = parseDecision(path, file.text);
      const reread = parseChecked(path, after, 'scan');
      const broken = damage(before, reread);
      if (broken.length > 0) fail(`renumbering breaks ${path}: ${broken.join('; ')}`);
    }
    if (decision.number !== null && !plan.newFileName) fail('no new file name');
  }),
};

// ---------------------------------------------------------------------------------------------
// hostile shapes at size

/** The most decisions a generated log holds, and the most characters a generated text. */
const MAX_LOG = 10_000;
const MAX_TEXT = 1000 * 1024;

/**
 * Time a linear pass may take: generous, so a loaded machine does not fail it, yet far below what
 * the shapes took when they were super-linear (minutes for 240 KB, a crash for 10,000 decisions).
 */
function withinBudget(what: string, size: number, perUnitMs: number, run: () => void): void {
  const started = performance.now();
  run();
  const took = performance.now() - started;
  const budget = 1000 + perUnitMs * size;
  if (took > budget) fail(`${what} took ${took.toFixed(0)} ms, over the ${budget.toFixed(0)} ms a linear pass gets`);
}

/**
 * The shapes that once made work super-linear (test/unit/hostileShapes.ts), at sizes up to
 * `scale` × the complexity tests' n, with a little generated text after: read, scanned for
 * references and linted within a linear time budget, every range still inside the text.
 */
export function hostileProperty(scale: number, maxRuns: number): FuzzProperty {
  const input = fc.record({ shape: fc.constantFrom(...HOSTILE_SHAPES), factor: fc.integer({ min: 1, max: scale }), tail: soup(10), mode: fc.constantFrom<Mode>('scan', 'tree') });
  return {
    name: 'hostile',
    maxRuns,
    property: fc.property(input, ({ shape, factor, tail, mode }) => {
      if (shape.kind === 'log') {
        const files = shape.files(Math.min(shape.n * factor, MAX_LOG));
        const catalog = new Catalog();
        const decisions = Object.entries(files).map(([file, text]) => parseDecision(file, text));
        for (const d of decisions) catalog.upsert(d);
        const log = catalog.logFor(decisions[0]!.file);
        const config = readConfig('').config;
        withinBudget(`${shape.name} × ${decisions.length}: lint, chains and report`, decisions.length, 1, () => {
          for (const d of log.decisions()) checkProblems(new Lines(files[d.file] ?? ''), lintDecision(d, log, config), `lint ${d.file}`);
          if (allNodes(chainsOf(log)).filter((n) => !n.reference).length !== log.size) fail(`${shape.name}: chains do not hold each decision once`);
          buildReport([log], config.roles);
        });
        return;
      }
      let n = shape.n * factor;
      while (n > 1 && shape.text(n).length > MAX_TEXT) n = Math.floor(n / 2);
      const text = shape.text(n) + tail;
      withinBudget(`${shape.name} at ${text.length} characters (${mode})`, text.length, 0.01, () => {
        if (shape.kind === 'references') findReferences(text);
        else parseChecked('d/0001-hostile.md', text, mode);
      });
    }),
  };
}

/** Every property, in the order they run: the unit run's sizes. */
export const FUZZ_PROPERTIES: readonly FuzzProperty[] = [parseProperty('scan'), parseProperty('tree'), catalogProperty, fixesProperty, configProperty, lifecycleProperty, renumberProperty, hostileProperty(2, 24)];

/** What `npm run fuzz` runs: the hostile shapes up to 64 times the unit run's sizes. */
export const FULL_FUZZ_PROPERTIES: readonly FuzzProperty[] = [...FUZZ_PROPERTIES.filter((p) => p.name !== 'hostile'), hostileProperty(64, 120)];

/** Inputs per property and the seed: FUZZ_RUNS and FUZZ_SEED, else the given defaults. */
export function fuzzSettings(defaults: { runs: number; seed: number }): { runs: number; seed: number } {
  const runs = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10);
  const seed = Number.parseInt(process.env.FUZZ_SEED ?? '', 10);
  return { runs: Number.isFinite(runs) && runs > 0 ? runs : defaults.runs, seed: Number.isFinite(seed) ? seed : defaults.seed };
}

