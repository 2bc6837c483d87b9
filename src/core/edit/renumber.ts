import type { DecisionLog } from '../workspace/catalog';
import { frontmatterFieldLine } from './decisionEdits';
import { baseName } from '../read/fileName';
import { LineIndex } from '../read/lineIndex';
import type { Decision } from '../model';
import { parseDecision } from '../read/parse';
import { findReferences, renumberMention } from '../workspace/references';
import type { TextEdit } from './textEdit';

export interface RenumberInput {
  log: DecisionLog;
  decision: Decision;
  newNumber: number;
  /** The workspace's markdown files that may mention the decision (its own included), as they read now. */
  files: readonly { path: string; text: string }[];
}

export interface RenumberPlan {
  newFileName: string;
  /** Edits by file path, against the texts given; the renamed file's are keyed by its old path. */
  edits: Map<string, TextEdit[]>;
  /** `ADR-0012` mentions that may mean either of two decisions numbered 12, left as written. */
  ambiguous: number;
  /** What the edits rewrite, per file path: markdown links, `ADR-NNNN` mentions, and numbers in fields and headings. */
  rewrites: Map<string, RenumberRewrites>;
}

export interface RenumberRewrites {
  links: number;
  mentions: number;
  /** The decision's own heading number and `id:`, and bare numbers in other decisions' relation fields. */
  numbers: number;
}

/** `0012-use-x.md` → `0013-use-x.md`, `adr-012.md` → `adr-013.md`: the first number, same width. */
export function renumberedFileName(fileName: string, number: number): string {
  return fileName.replace(/\d+/, (digits) => String(number).padStart(digits.length, '0'));
}

/**
 * Gives a decision a new number: its file name, its own heading and id, every markdown link to it,
 * every `ADR-NNNN` mention and numeric relation. Where the old number is shared (a duplicate),
 * a bare mention elsewhere could mean either decision, so it is counted and left alone.
 */
export function planRenumber(input: RenumberInput): RenumberPlan {
  const { decision, newNumber } = input;
  const oldNumber = decision.number;
  const oldName = baseName(decision.file);
  const newFileName = renumberedFileName(oldName, newNumber);
  const plan: RenumberPlan = { newFileName, edits: new Map(), ambiguous: 0, rewrites: new Map() };
  if (oldNumber === null) return plan;
  const shared = input.log.withNumber(oldNumber).length > 1;
  for (const file of input.files) {
    const own = file.path === decision.file;
    const lines = new LineIndex(file.text);
    const edits: TextEdit[] = [];
    const rewrites: RenumberRewrites = { links: 0, mentions: 0, numbers: 0 };
    const edit = (start: number, end: number, newText: string, kind: keyof RenumberRewrites = 'numbers'): void => {
      if (edits.some((e) => rangesOverlap(lines, e, start, end))) return;
      edits.push({ range: lines.range(start, end), newText });
      rewrites[kind]++;
    };
    for (const ref of findReferences(file.text)) {
      if (ref.kind === 'link' && ref.fileName === oldName) edit(ref.end - oldName.length, ref.end, newFileName, 'links');
      else if (ref.kind === 'mention' && ref.number === oldNumber) {
        if (own || !shared) edit(ref.start, ref.end, renumberMention(ref.raw, newNumber), 'mentions');
        else plan.ambiguous++;
      }
    }
    if (own) renumberOwnHeadingAndId(lines, decision, oldNumber, newNumber, edit);
    else if (!shared) renumberBareRelations(file, lines, input.log, decision, newNumber, edit);
    if (edits.length > 0) {
      plan.edits.set(file.path, edits);
      plan.rewrites.set(file.path, rewrites);
    }
  }
  return plan;
}

function rangesOverlap(lines: LineIndex, e: TextEdit, start: number, end: number): boolean {
  const s = lines.offsetAt(e.range.start);
  const t = lines.offsetAt(e.range.end);
  return start < t && s < end;
}

/** `# 12. Title` and `id: 12` in the decision's own file. */
function renumberOwnHeadingAndId(
  lines: LineIndex,
  decision: Decision,
  oldNumber: number,
  newNumber: number,
  edit: (start: number, end: number, newText: string) => void,
): void {
  const headingLine = decision.headerLine;
  // `\d+`, not `0*\d+`: the two split a long run of zeros every way before the lookahead failed.
  const heading = /^(#+[ \t]+)(\d+)(?=[.:)\s])/.exec(lines.lineText(headingLine));
  if (heading && Number(heading[2]) === oldNumber) {
    const start = lines.lineStart(headingLine) + (heading[1] ?? '').length;
    edit(start, start + (heading[2] ?? '').length, String(newNumber).padStart((heading[2] ?? '').length, '0'));
  }
  for (const key of ['id', 'adr']) {
    const line = frontmatterFieldLine(lines, decision, key);
    if (line === -1) continue;
    // The digits themselves: a lazy `(.*?)` before `[ \t]*$` retried from every blank of a long run.
    const value = /^([\w-]+[ \t]*:[ \t]*)(\d+)[ \t]*$/.exec(lines.lineText(line));
    if (value) {
      const start = lines.lineStart(line) + (value[1] ?? '').length;
      edit(start, start + (value[2] ?? '').length, String(newNumber));
    }
  }
}

/** `supersedes: [12]`: numbers written without `ADR-` in relation fields of other decisions. */
function renumberBareRelations(
  file: { path: string; text: string },
  lines: LineIndex,
  log: DecisionLog,
  decision: Decision,
  newNumber: number,
  edit: (start: number, end: number, newText: string) => void,
): void {
  const other = parseDecision(file.path, file.text);
  for (const relation of other.relations) {
    if (!/^\d+$/.test(relation.target.raw) || log.resolve(relation.target) !== decision) continue;
    const start = lines.offsetAt(relation.range.start);
    const end = lines.offsetAt(relation.range.end);
    if (file.text.slice(start, end) === relation.target.raw) edit(start, end, String(newNumber));
  }
}
