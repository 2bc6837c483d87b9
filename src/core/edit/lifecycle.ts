import { addRelationEdits, setStatusEdits, yamlScalar } from './decisionEdits';
import { setMetadataEdits } from './metadataFields';
import { targetOf, type DecisionTarget } from '../read/decisionTarget';
import { applyEdits, offsetAfter } from './textEdit';
import type { Decision, Trigger } from '../model';
import { parseDecision } from '../read/parse';
import { formatId, readFileName } from '../read/fileName';
import { decisionFileName, renderDecision } from './scaffold';
import type { TextEdit } from './textEdit';
import type { SuccessorStatus } from './lifecycleGuards';
import { LineIndex } from '../read/lineIndex';

export interface SuccessorInput {
  /** The decision being replaced, and its text as it is now (the open document's, if open). */
  old: Decision;
  oldText: string;
  number: number;
  title: string;
  owner: string;
  date: string;
  template: string;
  /** The new file's name, when its folder names files otherwise than `0012-slug.md` (log4brains' date slugs). */
  fileName?: string;
  /**
   * `accepted` (the default): the new decision is in force and the old one is marked replaced.
   * `proposed`: the new one waits to be accepted; the old one gets the link back and keeps its status.
   */
  status?: SuccessorStatus;
}

export interface OverrideInput extends SuccessorInput {
  trigger: Trigger;
  triggerDetail: string;
  /** A paragraph for the new decision's Context section, saying what is overridden and why; the cursor goes after it. */
  contextNote?: string;
}

/** A new decision to create and the edits that mark the old one: applied together, undone together. */
export interface SuccessorPlan {
  fileName: string;
  /** The new decision's id, as its file name gives it. */
  id: string;
  text: string;
  cursorOffset: number;
  oldEdits: TextEdit[];
}

/**
 * The new decision, and the edits that point the old one at it. Accepted, it replaces the old one
 * now, and the old one's status says so; proposed, it does not yet, so the old one only links to it.
 */
function successor(input: SuccessorInput, kind: 'overrides' | 'supersedes', extraFields: [string, string][], contextNote?: string): SuccessorPlan {
  const fileName = input.fileName ?? decisionFileName(input.number, input.title);
  const status = input.status ?? 'accepted';
  const rendered = withContextNote(renderDecision(input.template, { number: input.number, title: input.title, date: input.date, owner: input.owner }), contextNote);
  const oldTarget = targetOf(input.old);
  // The cursor stays where the template put it, moved by what is inserted before it (the fields
  // on top), not by what goes after it (log4brains' and MADR 2's `## Links` at the end).
  let text = rendered.text;
  let cursorOffset = rendered.cursorOffset;
  const apply = (edits: readonly TextEdit[]): void => {
    cursorOffset = offsetAfter(text, edits, cursorOffset);
    text = applyEdits(text, edits);
  };
  apply(setStatusEdits(text, parseDecision(fileName, text), status));
  apply(addRelationEdits(text, parseDecision(fileName, text), kind, oldTarget));
  if (extraFields.length > 0) apply(setMetadataEdits(text, parseDecision(fileName, text), extraFields, [kind, 'owner', 'date', 'status']));
  const named = readFileName(fileName);
  const newTarget: DecisionTarget = { id: named.number === null ? named.stem : formatId(named.number), number: named.number, title: input.title, fileName };
  const link = { kind: kind === 'overrides' ? 'overridden-by' : 'superseded-by', target: newTarget };
  const oldEdits =
    status === 'accepted'
      ? setStatusEdits(input.oldText, input.old, kind === 'overrides' ? 'overridden' : 'superseded', link)
      : addRelationEdits(input.oldText, input.old, link.kind, link.target);
  return { fileName, id: newTarget.id, text, cursorOffset: Math.min(cursorOffset, text.length), oldEdits };
}

/** A decision is overridden because something new emerged: the new decision records the trigger and what emerged. */
export function planOverride(input: OverrideInput): SuccessorPlan {
  const fields: [string, string][] = [['trigger', input.trigger]];
  if (input.triggerDetail.trim()) fields.push(['trigger-detail', input.triggerDetail.trim()]);
  return successor(input, 'overrides', fields, input.contextNote);
}

/**
 * Puts `note` where the author starts writing the Context section: at the template's cursor when
 * that is inside the first section whose heading names the context, else right under that
 * heading, else at the cursor. The cursor goes after the note, on a paragraph of its own.
 */
function withContextNote(rendered: { text: string; cursorOffset: number }, note: string | undefined): { text: string; cursorOffset: number } {
  const paragraph = note?.replace(/\s+/g, ' ').trim();
  if (!paragraph) return rendered;
  const { text, cursorOffset } = rendered;
  const lines = new LineIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let heading = -1;
  for (let line = 0; line < lines.lineCount && heading === -1; line++) if (/^#{2,6}[ \t]+context\b/i.test(lines.lineText(line))) heading = line;
  if (heading !== -1) {
    const sectionStart = heading + 1 < lines.lineCount ? lines.lineStart(heading + 1) : text.length;
    let next = heading + 1;
    while (next < lines.lineCount && !/^#{1,6}[ \t]/.test(lines.lineText(next))) next++;
    const sectionEnd = next < lines.lineCount ? lines.lineStart(next) : text.length;
    if (cursorOffset < sectionStart || cursorOffset > sectionEnd) {
      // Under the heading, after one blank line.
      const inserted = `${sectionStart === text.length && !text.endsWith('\n') ? eol : ''}${eol}${paragraph}${eol}${eol}`;
      return { text: text.slice(0, sectionStart) + inserted + text.slice(sectionStart), cursorOffset: sectionStart + inserted.length };
    }
  }
  const inserted = `${paragraph}${eol}${eol}`;
  return { text: text.slice(0, cursorOffset) + inserted + text.slice(cursorOffset), cursorOffset: cursorOffset + inserted.length };
}

export function planSupersede(input: SuccessorInput): SuccessorPlan {
  return successor(input, 'supersedes', []);
}

export { yamlScalar };
