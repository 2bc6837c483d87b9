import { addRelationEdits, setStatusEdits, yamlScalar } from './decisionEdits';
import { setMetadataEdits } from './metadataFields';
import { targetOf, type DecisionTarget } from '../read/decisionTarget';
import { applyEdits } from './textEdit';
import type { Decision, Trigger } from '../model';
import { parseDecision } from '../read/parse';
import { formatId, readFileName } from '../read/fileName';
import { decisionFileName, renderDecision } from './scaffold';
import type { TextEdit } from './textEdit';

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
}

export interface OverrideInput extends SuccessorInput {
  trigger: Trigger;
  triggerDetail: string;
}

/** A new decision to create and the edits that mark the old one: applied together, undone together. */
export interface SuccessorPlan {
  fileName: string;
  text: string;
  cursorOffset: number;
  oldEdits: TextEdit[];
}

/** The new decision replaces the old one now: it is created accepted, and the old one says so. */
function successor(input: SuccessorInput, kind: 'overrides' | 'supersedes', extraFields: [string, string][]): SuccessorPlan {
  const fileName = input.fileName ?? decisionFileName(input.number, input.title);
  const rendered = renderDecision(input.template, { number: input.number, title: input.title, date: input.date, owner: input.owner });
  const draft = parseDecision(fileName, rendered.text);
  const oldTarget = targetOf(input.old);
  let text = applyEdits(rendered.text, setStatusEdits(rendered.text, draft, 'accepted'));
  let withFields = parseDecision(fileName, text);
  text = applyEdits(text, addRelationEdits(text, withFields, kind, oldTarget));
  if (extraFields.length > 0) {
    withFields = parseDecision(fileName, text);
    text = applyEdits(text, setMetadataEdits(text, withFields, extraFields, [kind, 'owner', 'date', 'status']));
  }
  const named = readFileName(fileName);
  const newTarget: DecisionTarget = { id: named.number === null ? named.stem : formatId(named.number), number: named.number, title: input.title, fileName };
  const oldEdits = setStatusEdits(input.oldText, input.old, kind === 'overrides' ? 'overridden' : 'superseded', {
    kind: kind === 'overrides' ? 'overridden-by' : 'superseded-by',
    target: newTarget,
  });
  // The cursor goes where the template put it, shifted by whatever was inserted before it.
  const cursorOffset = rendered.cursorOffset + (text.length - rendered.text.length);
  return { fileName, text, cursorOffset: Math.min(cursorOffset, text.length), oldEdits };
}

/** The CTO overrides a decision because something new emerged: the new decision records the trigger. */
export function planOverride(input: OverrideInput): SuccessorPlan {
  const fields: [string, string][] = [['trigger', input.trigger]];
  if (input.triggerDetail.trim()) fields.push(['trigger-detail', input.triggerDetail.trim()]);
  return successor(input, 'overrides', fields);
}

export function planSupersede(input: SuccessorInput): SuccessorPlan {
  return successor(input, 'supersedes', []);
}

export { yamlScalar };
