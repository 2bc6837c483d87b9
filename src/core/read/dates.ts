import { isValidCalendarDate } from './fileName';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || !isValidCalendarDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Marks around a date: bold, code, brackets (`**2021-01-01**`, `` `2021-01-01` ``, `[2023-01-17]`). */
const WRAPPING = new Set([42, 95, 96, 91, 93]);

/**
 * Normalises the date shapes found in decision records to ISO `YYYY-MM-DD`; null when it is not a
 * real calendar date. A numeric date with the year last is day-first (`05/04/2017`, as log4brains
 * reads it) unless its year has two digits (`11/12/22`, as US dates are written); a day over 12
 * decides either way. `dayFirst` is for a date under a key in another language (`Fecha: 12/02/26`),
 * where no one writes the month first. A second date after the first (`2018-08-30; last update
 * 2019-04-09`) is not read.
 */
export function normalizeDate(raw: string, dayFirst = false): string | null {
  // Marks cut by a loop: `/\*+$/` retried from every star of a long run inside the text.
  // `[2023-03-15](https://…)`: a date linked to where it was decided reads as its text.
  const trimmed = /^\[([^\]]*)\]\([^()\s]*\)$/.exec(raw.trim())?.[1] ?? raw.trim();
  let from = 0;
  let to = trimmed.length;
  while (from < to && WRAPPING.has(trimmed.charCodeAt(from))) from++;
  while (to > from && WRAPPING.has(trimmed.charCodeAt(to - 1))) to--;
  const text = trimmed.slice(from, to).trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})-(\d{2})[ \t]*[;,(]/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[ \t]*\/[ \t]*(\d{1,2})[ \t]*\/[ \t]*(\d{4}|\d{2})$/.exec(text);
  if (m) return slashedDate(Number(m[1]), Number(m[2]), m[3] ?? '', dayFirst);
  // `21-02-2023`: read as a slashed date is, the year last.
  m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  if (m) return slashedDate(Number(m[1]), Number(m[2]), m[3] ?? '', dayFirst);
  // Dotted numeric dates are day-first wherever they are written (`21.07.2017`).
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.?(?:\s+|-)([A-Za-z]{3,})\.?,?(?:\s+|-)(\d{4})$/.exec(text);
  if (m && monthNumber(m[2] ?? '') > 0) return iso(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  // `2020-Dec-02`, `2020 Dec 2`: year, month name, day.
  m = /^(\d{4})(?:\s+|-)([A-Za-z]{3,})\.?(?:\s+|-)(\d{1,2})$/.exec(text);
  if (m && monthNumber(m[2] ?? '') > 0) return iso(Number(m[1]), monthNumber(m[2] ?? ''), Number(m[3]));
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m && monthNumber(m[1] ?? '') > 0) return iso(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  return null;
}

function slashedDate(first: number, second: number, year: string, dayFirst: boolean): string | null {
  const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
  const monthFirst = second > 12 || (!dayFirst && first <= 12 && year.length === 2);
  return monthFirst ? iso(fullYear, first, second) : iso(fullYear, second, first);
}

/** A local calendar date as ISO `YYYY-MM-DD`: what "today" means to the person writing the decision. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a written date is refused, for the `invalid-date` problem. `2021-13-45` is written the right
 * way and names no day: saying "write it as YYYY-MM-DD" would be wrong, so it says which part does
 * not exist. Anything else is told the form to write.
 */
export function invalidDateMessage(raw: string, key: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
  if (!m) return `'${raw}' is not a date: write ${key} as YYYY-MM-DD`;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) return `'${raw}' is not a real date: there is no month ${month}`;
  if (year < 1000) return `'${raw}' is not a real date: the year ${m[1]} is out of range`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `'${raw}' is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2024-01-31` plus one month is `2024-02-29`: the day is kept when the month has it, else its last day. */
export function addMonths(iso: string, months: number): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(day, daysIn(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
