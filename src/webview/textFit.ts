// Fitting text into a width, given a way to measure it. Pure, so the unit tests count the measures:
// shortening takes O(log n) of them per line, however long the text.

export type Measure = (text: string) => number;

/** Breaks text at spaces into lines no wider than maxWidth; past maxLines the last line ends in an ellipsis. */
export function wrapText(text: string, measure: Measure, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (!line || measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      line = '';
      lines[maxLines - 1] = ellipsize(`${lines[maxLines - 1]!} ${words.slice(i).join(' ')}`, measure, maxWidth);
      break;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => (measure(l) > maxWidth ? ellipsize(l, measure, maxWidth) : l));
}

/**
 * The longest start of `text` that fits in maxWidth with an ellipsis after it (at least one
 * character). Widths grow with length, so a binary search over the cut finds it.
 */
export function ellipsize(text: string, measure: Measure, maxWidth: number): string {
  const shown = (cut: number): string => `${text.slice(0, cut).trimEnd()}…`;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (measure(shown(mid)) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  // Never split a surrogate pair: half an emoji draws as a replacement box.
  const code = text.charCodeAt(low - 1);
  const cut = low > 1 && code >= 0xd800 && code <= 0xdbff ? low - 1 : low;
  return shown(cut);
}
