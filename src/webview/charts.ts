// Two small SVG charts for the Ownership Report, drawn here rather than with a charting library:
// stacked bars are a few rectangles, and the panel must load nothing from outside.
import { s } from './dom';
import { textWidth, type Fonts } from './measure';

export interface Segment {
  /** CSS class that gives the colour (see media/report.css). */
  cls: string;
  value: number;
  /** For the tooltip: "3 accepted". */
  name: string;
}

export interface Bar {
  label: string;
  segments: Segment[];
}

const BAR = 18;
const ROW = 28;

function total(bar: Bar): number {
  return bar.segments.reduce((sum, segment) => sum + segment.value, 0);
}

function segmentRect(bar: Bar, segment: Segment, x: number, y: number, width: number, height: number, fonts: Fonts, vertical: boolean): SVGGElement {
  const small = `${fonts.size - 1}px ${fonts.family}`;
  const text = String(segment.value);
  const fits = vertical ? height >= fonts.size + 2 && width >= textWidth(text, small) + 4 : width >= textWidth(text, small) + 8;
  return s(
    'g',
    { class: `segment ${segment.cls}` },
    s('title', {}, `${bar.label}: ${segment.value} ${segment.name}`),
    s('rect', { x, y, width, height }),
    fits ? s('text', { class: 'segment-value', x: x + width / 2, y: y + height / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, text) : null,
  );
}

/** One row per bar, its segments side by side, the total at the end. */
export function horizontalBars(bars: readonly Bar[], width: number, fonts: Fonts, description: string): SVGSVGElement {
  const font = `${fonts.size}px ${fonts.family}`;
  const labelWidth = Math.ceil(Math.max(0, ...bars.map((b) => textWidth(b.label, font)))) + 14;
  const largest = Math.max(1, ...bars.map(total));
  const scale = Math.max(40, width - labelWidth - 36) / largest;
  const height = bars.length * ROW + 4;
  const svg = s('svg', { class: 'chart', width, height, role: 'img', 'aria-label': description });
  bars.forEach((bar, row) => {
    const y = row * ROW + (ROW - BAR) / 2;
    svg.append(s('text', { class: 'axis-label', x: labelWidth - 10, y: y + BAR / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, bar.label));
    let x = labelWidth;
    for (const segment of bar.segments.filter((sg) => sg.value > 0)) {
      const w = segment.value * scale;
      svg.append(segmentRect(bar, segment, x, y, w, BAR, fonts, false));
      x += w;
    }
    svg.append(s('text', { class: 'bar-total', x: x + 6, y: y + BAR / 2, 'dominant-baseline': 'central' }, String(total(bar))));
  });
  return svg;
}

/** One column per bar (a period), segments stacked upwards, with a count axis on the left. */
export function verticalBars(bars: readonly Bar[], width: number, fonts: Fonts, description: string): SVGSVGElement {
  const small = `${fonts.size - 1}px ${fonts.family}`;
  const largest = Math.max(1, ...bars.map(total));
  const ticks = tickValues(largest);
  const top = ticks[ticks.length - 1] ?? 1;
  const axis = Math.ceil(Math.max(...ticks.map((t) => textWidth(String(t), small)))) + 10;
  const plot = 120;
  const slot = Math.max(24, Math.min(88, (width - axis) / Math.max(1, bars.length)));
  const barWidth = Math.min(40, slot * 0.62);
  const widestLabel = Math.max(0, ...bars.map((b) => textWidth(b.label, small)));
  const slanted = widestLabel + 6 > slot;
  const labelSpace = slanted ? Math.ceil(widestLabel * 0.6) + 16 : fonts.lineHeight + 6;
  const svgWidth = Math.max(width, axis + slot * bars.length + 8);
  const svg = s('svg', { class: 'chart', width: svgWidth, height: plot + labelSpace + 8, role: 'img', 'aria-label': description });
  const y = (value: number): number => 6 + plot - (value / top) * plot;
  for (const tick of ticks) {
    // Grid lines run the chart's width, so a lone period still reads as the start of a time axis.
    svg.append(s('line', { class: 'grid', x1: axis, x2: svgWidth - 4, y1: y(tick), y2: y(tick) }));
    svg.append(s('text', { class: 'axis-label small', x: axis - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'central' }, String(tick)));
  }
  bars.forEach((bar, i) => {
    const x = axis + slot * i + (slot - barWidth) / 2;
    let value = 0;
    for (const segment of bar.segments.filter((sg) => sg.value > 0)) {
      svg.append(segmentRect(bar, segment, x, y(value + segment.value), barWidth, y(value) - y(value + segment.value), fonts, true));
      value += segment.value;
    }
    const labelX = axis + slot * i + slot / 2;
    const labelY = 6 + plot + 14;
    svg.append(
      slanted
        ? s('text', { class: 'axis-label small', x: labelX, y: labelY, 'text-anchor': 'end', transform: `rotate(-35 ${labelX} ${labelY})` }, bar.label)
        : s('text', { class: 'axis-label small', x: labelX, y: labelY, 'text-anchor': 'middle' }, bar.label),
    );
  });
  return svg;
}

/** Whole-number ticks from 0, at most six of them. */
function tickValues(largest: number): number[] {
  const step = Math.max(1, Math.ceil(largest / 5));
  const ticks: number[] = [];
  for (let t = 0; t < largest + step; t += step) ticks.push(t);
  return ticks;
}
