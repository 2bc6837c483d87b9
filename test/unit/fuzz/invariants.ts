// What must hold for every input, checked against a line model written here rather than the
// core's LineIndex, so a bug there cannot hide itself.
import type { Decision, Position, Problem, Range } from '../../../src/core/model';
import type { TextEdit } from '../../../src/core/edit/textEdit';

export class FuzzFailure extends Error {}

export function fail(message: string): never {
  throw new FuzzFailure(message);
}

/** Lines as the core counts them: split at `\n`; a `\r` before the `\n` is the line break, not content. */
export class Lines {
  private readonly lengths: number[];
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.lengths = [];
    this.starts = [];
    let start = 0;
    for (;;) {
      const at = text.indexOf('\n', start);
      const end = at === -1 ? text.length : at;
      this.starts.push(start);
      this.lengths.push(end > start && text.charCodeAt(end - 1) === 13 && at !== -1 ? end - start - 1 : end - start);
      if (at === -1) break;
      start = at + 1;
    }
  }

  get count(): number {
    return this.lengths.length;
  }

  lineLength(line: number): number {
    return this.lengths[line] ?? -1;
  }

  offset(p: Position): number {
    return (this.starts[p.line] ?? 0) + p.character;
  }
}

function shown(p: Position): string {
  return `${p?.line}:${p?.character}`;
}

export function checkPosition(lines: Lines, p: Position, where: string): void {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) fail(`${where}: position ${JSON.stringify(p)} is not two integers`);
  if (p.line < 0 || p.line >= lines.count) fail(`${where}: line ${p.line} outside the document's ${lines.count} lines`);
  if (p.character < 0 || p.character > lines.lineLength(p.line)) fail(`${where}: character ${p.character} outside line ${p.line} of length ${lines.lineLength(p.line)}`);
}

export function checkRange(lines: Lines, r: Range, where: string): void {
  if (!r) fail(`${where}: no range`);
  checkPosition(lines, r.start, `${where} start`);
  checkPosition(lines, r.end, `${where} end`);
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) fail(`${where}: start ${shown(r.start)} after end ${shown(r.end)}`);
}

export function checkLine(lines: Lines, line: number, where: string): void {
  if (!Number.isInteger(line) || line < 0 || line >= lines.count) fail(`${where}: line ${line} outside the document's ${lines.count} lines`);
}

export function checkProblems(lines: Lines, problems: readonly Problem[], where: string): void {
  for (const p of problems) {
    if (typeof p.code !== 'string' || typeof p.message !== 'string') fail(`${where}: a problem without code or message: ${JSON.stringify(p)}`);
    if (!['error', 'warning', 'info', 'hint'].includes(p.severity)) fail(`${where}: ${p.code} has severity ${String(p.severity)}`);
    checkRange(lines, p.range, `${where} ${p.code}`);
  }
}

/** Every position a Decision holds lies inside the text it was read from. */
export function checkDecision(text: string, d: Decision, lines = new Lines(text)): void {
  const located = { title: d.title, status: d.status, date: d.date, owner: d.owner, trigger: d.trigger, triggerDetail: d.triggerDetail, elevatedFrom: d.elevatedFrom, elevatedOn: d.elevatedOn, reviewBy: d.reviewBy, revisitWhen: d.revisitWhen, reviewedOn: d.reviewedOn };
  for (const [name, field] of Object.entries(located)) {
    if (!field) continue;
    if (typeof field.value !== 'string') fail(`${name}: value ${String(field.value)} is not a string`);
    checkRange(lines, field.range, `${name}.range`);
    checkRange(lines, field.valueRange, `${name}.valueRange`);
  }
  d.relations.forEach((r, i) => checkRange(lines, r.range, `relations[${i}] (${r.kind})`));
  checkProblems(lines, d.parseProblems, 'parseProblems');
  if (d.frontmatter) checkRange(lines, d.frontmatter.range, 'frontmatter.range');
  checkLine(lines, d.headerLine, 'headerLine');
  if (d.statusSection) {
    checkLine(lines, d.statusSection.headingLine, 'statusSection.headingLine');
    checkLine(lines, d.statusSection.lastLine, 'statusSection.lastLine');
    if (d.statusSection.lastLine < d.statusSection.headingLine) fail(`statusSection ends (${d.statusSection.lastLine}) before its heading (${d.statusSection.headingLine})`);
  }
  if (typeof d.id !== 'string') fail(`id ${JSON.stringify(d.id)} is not a string`);
}

/** Edits lie inside the document and do not overlap (two insertions at one point are allowed). */
export function checkEdits(text: string, edits: readonly TextEdit[], where: string, lines = new Lines(text)): void {
  const spans = edits.map((e, i) => {
    checkRange(lines, e.range, `${where} edit ${i}`);
    if (typeof e.newText !== 'string') fail(`${where} edit ${i}: newText is not a string`);
    return { start: lines.offset(e.range.start), end: lines.offset(e.range.end), i };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1]!;
    const next = spans[k]!;
    if (next.start < prev.end) fail(`${where}: edits ${prev.i} [${prev.start}, ${prev.end}) and ${next.i} [${next.start}, ${next.end}) overlap`);
  }
}

/**
 * What an edit broke in a decision that read without `invalid-frontmatter`: a frontmatter error,
 * or a field read before and no longer read. An edit inside an already broken block is not judged
 * so: which errors YAML reports, how many and where, and which values its error recovery salvages,
 * all shift with any line added there.
 */
export function damage(before: Decision, after: Decision): string[] {
  const found: string[] = [];
  if (brokenFrontmatter(before)) return found;
  for (const p of after.parseProblems) if (p.code === 'invalid-frontmatter') found.push(`${p.message} at ${shown(p.range.start)}`);
  const fields = ['title', 'status', 'date', 'owner', 'trigger', 'triggerDetail', 'elevatedFrom', 'elevatedOn', 'reviewBy', 'revisitWhen', 'reviewedOn'] as const;
  for (const field of fields) if (before[field] !== null && after[field] === null) found.push(`'${field}' (${JSON.stringify(before[field]?.value)}) is no longer read`);
  return found;
}

/**
 * A frontmatter YAML does not read as a whole. An unfilled template placeholder
 * (`status: {proposed | accepted}`) often derails YAML too; its errors are reported once, as the
 * placeholder, so such a block counts as broken as well.
 */
export function brokenFrontmatter(d: Decision): boolean {
  return d.parseProblems.some((p) => p.code === 'invalid-frontmatter' || (p.code === 'unfilled-placeholder' && inFrontmatter(d, p)));
}

function inFrontmatter(d: Decision, p: Problem): boolean {
  return d.frontmatter !== null && p.range.start.line <= d.frontmatter.range.end.line;
}
