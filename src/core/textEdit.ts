import type { Range } from './model';

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
