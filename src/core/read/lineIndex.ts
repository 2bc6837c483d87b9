import type { Position, Range } from '../model';

/**
 * Positions are never changed in place, so one object serves every position of the same line and
 * character: a 10k catalog kept ~15 positions per decision, most of them alike from file to file
 * (`{ line: 1, character: 8 }` after `status: `), and the garbage collector copied each one. Bounded
 * to the lines and columns where most values sit; others are made as before.
 */
const SHARED_LINES = 256;
const SHARED_CHARACTERS = 128;
const sharedPositions: (Position | null)[] = new Array<Position | null>(SHARED_LINES * SHARED_CHARACTERS).fill(null);

function position(line: number, character: number): Position {
  if (line >= SHARED_LINES || character >= SHARED_CHARACTERS) return { line, character };
  const slot = line * SHARED_CHARACTERS + character;
  let found = sharedPositions[slot];
  if (!found) {
    found = { line, character };
    sharedPositions[slot] = found;
  }
  return found;
}

/** Converts UTF-16 offsets to line/character positions; built once per text, looked up by binary search. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] ?? 0;
  }

  /** End of a line's content, before `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? (this.lineStarts[line + 1] ?? this.text.length) - 1 : this.text.length;
    return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    // The `\n` of a `\r\n` is past the line's last character: it maps to the line's end, as offsetAt does.
    const character = clamped - (this.lineStarts[low] ?? 0);
    // Within the text: reading past its end returned NaN, which deoptimized every caller once.
    const insideBreak = character > 0 && clamped < this.text.length && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13;
    return position(low, insideBreak ? character - 1 : character);
  }

  offsetAt(position: Position): number {
    const start = this.lineStart(position.line);
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}
