// Text sizes in the panel's own font, so boxes fit their labels in any theme or zoom.
import { wrapText as wrapMeasured } from './textFit';

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

/** Breaks text at spaces into lines no wider than maxWidth in `font`; past maxLines the last line ends in an ellipsis. */
export function wrapText(text: string, font: string, maxWidth: number, maxLines: number): string[] {
  return wrapMeasured(text, (t) => textWidth(t, font), maxWidth, maxLines);
}
