import type { DecisionLog } from '../workspace/catalog';
import { frontmatterFieldLine } from './decisionEdits';
import { baseName } from '../read/fileName';
import { LineIndex } from '../read/lineIndex';
import type { Decision } from '../model';
import { parseDecision } from '../read/parse';
import { findReferences, renumberMention } from '../workspace/references';
import { nearestFolders } from '../workspace/mentionScope';
import { dirName, joinPath } from '../workspace/paths';
import type { TextEdit } from './textEdit';

export interface RenumberInput {
  log: DecisionLog;
  decision: Decision;
  newNumber: number;
  /** The workspace's markdown files that may mention the decision (its own included), as they read now. */
  files: readonly { path: string; text: string }[];
  /**
   * Every decision folder whose decisions these files may mention, the decision's own among them:
   * a monorepo's folders each number their decisions from 1. An `ADR-0003` is the decision's only
   * where its folder is the nearest of those with a decision 3. Default: its own folder alone.
   */
  folders?: readonly DecisionLog[];
}

export interface RenumberPlan {
  newFileName: string;
  /** Edits by file path, against the texts given; the renamed file's are keyed by its old path. */
  edits: Map<string, TextEdit[]>;
  /**
   * `ADR-0012` mentions that may mean either of two decisions numbered 12, left as written: a
   * duplicate in the decision's folder, or another folder's 12 as near to the mentioning file.
   */
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
 * a bare mention elsewhere could mean either decision, so it is counted and left alone. With
 * several decision folders, a mention means the nearest folder's decision of that number: one
 * nearer another folder is that folder's and is left alone, uncounted; one as near to two is
 * counted and left alone. A link into another decision folder, or a bare number in a relation of
 * another folder's decision, is that folder's.
 */
export function planRenumber(input: RenumberInput): RenumberPlan {
  const { decision, newNumber } = input;
  const oldNumber = decision.number;
  const oldName = baseName(decision.file);
  const newFileName = renumberedFileName(oldName, newNumber);
  const plan: RenumberPlan = { newFileName, edits: new Map(), ambiguous: 0, rewrites: new Map() };
  if (oldNumber === null) return plan;
  const shared = input.log.withNumber(oldNumber).length > 1;
  const home = input.log.folder;
  const folders = input.folders ?? [input.log];
  const otherFolders = new Set(folders.map((l) => l.folder).filter((f) => f !== home));
  // The folders a mention of the old number may mean: those with a decision of that number.
  const numbered = [home, ...folders.filter((l) => l.folder !== home && l.withNumber(oldNumber).length > 0).map((l) => l.folder)];
  for (const file of input.files) {
    const own = file.path === decision.file;
    // What a mention of the old number in this file means: the same for every mention in it.
    let meaning: 'ours' | 'either' | 'theirs' | undefined;
    const mentionMeans = (): 'ours' | 'either' | 'theirs' => {
      if (meaning) return meaning;
      const nearest = numbered.length === 1 ? numbered : nearestFolders(file.path, numbered);
      meaning = !nearest.includes(home) ? 'theirs' : nearest.length > 1 ? 'either' : 'ours';
      return meaning;
    };
    const lines = new LineIndex(file.text);
    const edits: TextEdit[] = [];
    const rewrites: RenumberRewrites = { links: 0, mentions: 0, numbers: 0 };
    const edit = (start: number, end: number, newText: string, kind: keyof RenumberRewrites = 'numbers'): void => {
      if (edits.some((e) => rangesOverlap(lines, e, start, end))) return;
      edits.push({ range: lines.range(start, end), newText });
      rewrites[kind]++;
    };
    for (const ref of findReferences(file.text)) {
      if (ref.kind === 'link' && ref.fileName === oldName) {
        if (!own && otherFolders.has(dirName(linkTarget(file.path, ref.raw)))) continue;
        edit(ref.end - oldName.length, ref.end, newFileName, 'links');
      } else if (ref.kind === 'mention' && ref.number === oldNumber) {
        const means = own ? 'ours' : mentionMeans();
        if (means === 'theirs') continue;
        if (own || (means === 'ours' && !shared)) edit(ref.start, ref.end, renumberMention(ref.raw, newNumber), 'mentions');
        else plan.ambiguous++;
      }
    }
    if (own) renumberOwnHeadingAndId(lines, decision, oldNumber, newNumber, edit);
    // Relations resolve within a decision's own folder: another folder's `supersedes: [3]` is its own 3.
    else if (!shared && dirName(file.path) === home) renumberBareRelations(file, lines, input.log, decision, newNumber, edit);
    if (edits.length > 0) {
      plan.edits.set(file.path, edits);
      plan.rewrites.set(file.path, rewrites);
    }
  }
  return plan;
}

/** The path a link's target names, from the file it is written in (a leading `/` taken as it is). */
function linkTarget(fromPath: string, raw: string): string {
  let decoded = raw;
  try {
    decoded = decodeURI(raw);
  } catch {
    // Not percent-encoded as a URI: taken as written.
  }
  return decoded.startsWith('/') ? decoded : joinPath(dirName(fromPath), decoded);
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
