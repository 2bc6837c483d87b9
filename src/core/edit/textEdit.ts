import { LineIndex } from '../read/lineIndex';
import type { Range } from '../model';

/** A replacement of one range of a document's text: what quick fixes and commands produce, as data. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** The line break a document already uses, so inserted lines match it. */
export function lineBreakOf(text: string): '\r\n' | '\n' {
  const first = text.indexOf('\n');
  return first > 0 && text.charCodeAt(first - 1) === 13 ? '\r\n' : '\n';
}

/** Applies edits to a text: used by tests, the CLI and anyone without an editor. Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Where `offset` of `text` is once `edits` are applied: moved by what is replaced before it; an
 * offset inside a replaced range goes to the end of its replacement; text inserted right at the
 * offset goes after it.
 */
export function offsetAfter(text: string, edits: readonly TextEdit[], offset: number): number {
  const lines = new LineIndex(text);
  let moved = offset;
  for (const e of edits) {
    const start = lines.offsetAt(e.range.start);
    const end = lines.offsetAt(e.range.end);
    if (end < offset || (end === offset && start < end)) moved += e.newText.length - (end - start);
    else if (start < offset && offset < end) moved += start + e.newText.length - offset;
  }
  return moved;
}

/**
 * The edits that take `applyEdits(text, edits)` back to `text`, against the edited text: each
 * replaced range becomes what it replaced. Undo uses them, so that only what the command wrote is
 * touched and every other byte (line breaks included) stays as it is.
 */
export function inverseEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
  const after = new LineIndex(applyEdits(text, edits));
  const inverse: TextEdit[] = [];
  let shift = 0;
  for (const e of sorted) {
    const start = e.start + shift;
    inverse.push({ range: after.range(start, start + e.newText.length), newText: text.slice(e.start, e.end) });
    shift += e.newText.length - (e.end - e.start);
  }
  return inverse;
}
