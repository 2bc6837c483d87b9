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
