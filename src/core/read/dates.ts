import { isValidCalendarDate } from './fileName';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || !isValidCalendarDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Normalises the date shapes found in decision records to ISO `YYYY-MM-DD`; null when it is not a
 * real calendar date. Day-first and month-first numeric dates (`03/04/2021`) are ambiguous and refused.
 */
export function normalizeDate(raw: string): string | null {
  // Bold marks cut by a loop: `/\*+$/` retried from every star of a long run inside the text.
  const trimmed = raw.trim();
  let from = 0;
  let to = trimmed.length;
  while (from < to && trimmed.charCodeAt(from) === 42) from++;
  while (to > from && trimmed.charCodeAt(to - 1) === 42) to--;
  const text = trimmed.slice(from, to).trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // Dotted numeric dates are day-first wherever they are written (`21.07.2017`).
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(text);
  if (m && monthNumber(m[2] ?? '') > 0) return iso(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m && monthNumber(m[1] ?? '') > 0) return iso(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  return null;
}

/** A local calendar date as ISO `YYYY-MM-DD`: what "today" means to the person writing the decision. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
