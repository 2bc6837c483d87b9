// Text sizes in the panel's own font, so boxes fit their labels in any theme or zoom.

export interface Fonts {
  size: number;
  lineHeight: number;
  family: string;
}

const context = document.createElement('canvas').getContext('2d');

export function panelFonts(): Fonts {
  const style = getComputedStyle(document.body);
  const size = parseFloat(style.fontSize) || 13;
  return { size, lineHeight: Math.round(size * 1.4), family: style.fontFamily || 'sans-serif' };
}

export function textWidth(text: string, font: string): number {
  if (!context) return text.length * 7;
  context.font = font;
  return context.measureText(text).width;
}

/** Breaks text at spaces into lines no wider than maxWidth; past maxLines the last line ends in an ellipsis. */
export function wrapText(text: string, font: string, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, font) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      line = '';
      lines[maxLines - 1] = ellipsize(`${lines[maxLines - 1]!} ${words.slice(i).join(' ')}`, font, maxWidth);
      break;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => (textWidth(l, font) > maxWidth ? ellipsize(l, font, maxWidth) : l));
}

function ellipsize(text: string, font: string, maxWidth: number): string {
  let shown = text;
  while (shown.length > 1 && textWidth(`${shown}…`, font) > maxWidth) shown = shown.slice(0, -1);
  return `${shown.trimEnd()}…`;
}
