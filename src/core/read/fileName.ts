/** What a decision's file name says about it. */
export interface FileNameInfo {
  number: number | null;
  /** The name without extension and without its number or date prefix. */
  slug: string;
  /** For date-slug names (`20200925-use-x.md`, `2020-09-25-use-x.md`): the ISO date. */
  date: string | null;
  /** The name without extension: the id of a decision that has no number. */
  stem: string;
}

/**
 * After the number or date, separators and then the slug, which starts past them (or is empty):
 * a long run of separators has one way to match. `[-_ .]+(.*)` tried every split of the run with
 * the rest, and a reference of `1`, 50,000 spaces and a line break took seconds.
 */
const NUMBERED = /^(\d{1,6})(?:[-_ .]+([^-_ .\n\r\u2028\u2029].*|))?$/;
/** `adr-009`, and with a project's prefix: `ODH-ADR-0003-…`, `Greenhouse-ADR-005-…`. */
const ADR_PREFIXED = /^(?:[A-Za-z][A-Za-z0-9]{0,30}[-_])?adr[-_ ]?(\d{1,6})(?:[-_ .]+([^-_ .\n\r\u2028\u2029].*|))?$/i;
const COMPACT_DATE = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:[-_ ]+([^-_ \n\r\u2028\u2029].*|))?$/;
const DASHED_DATE = /^((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[-_ ]+([^-_ \n\r\u2028\u2029].*|))?$/;
/**
 * `111622-e2e-testing`: six digits with no leading zero that read as a date (month-day-year,
 * day-month-year or year-month-day) and a slug. Which order is meant is unknown, so no date is
 * taken from it; a zero-padded `000123-…` stays decision 123.
 */
const SIX_DIGIT_DATE = /^([1-9]\d)(\d{2})(\d{2})[-_ ]+([^-_ \n\r\u2028\u2029].*)$/;
/** `2022-02-revisit-framework`: a year and month, not decision number 2022. */
const YEAR_MONTH = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:[-_ ]+([^-_ \n\r\u2028\u2029].*|))?$/;

/** The last step of a core path. Core paths are POSIX: a `\` is part of a name (legal on Linux), not a separator. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

export function stemOf(fileName: string): string {
  return baseName(fileName).replace(/\.(md|markdown|mdx)$/i, '');
}

/**
 * Days of a month (1–12), as `new Date(Date.UTC(year, month, 0))` counts them (years 0–99 are
 * 1900–1999 to it), without building a Date for every date read.
 */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function asDate(year: string, month: string, day: string): string | null {
  return isValidCalendarDate(Number(year), Number(month), Number(day)) ? `${year}-${month}-${day}` : null;
}

function readsAsShortDate(a: string, b: string, c: string): boolean {
  const [x, y, z] = [Number(a), Number(b), Number(c)];
  const year = (twoDigits: number): number => 2000 + twoDigits;
  return isValidCalendarDate(year(z), x, y) || isValidCalendarDate(year(z), y, x) || isValidCalendarDate(year(x), y, z);
}

/**
 * Reads `0009-slug.md`, `adr-009.md`, `ADR-9-slug.md`, `adr009-slug.md`, and date-slug names.
 * A date prefix is tried first: `20200925-…` is a date, not decision number 20,200,925.
 */
export function readFileName(path: string): FileNameInfo {
  const stem = stemOf(path);
  for (const pattern of [COMPACT_DATE, DASHED_DATE]) {
    const m = pattern.exec(stem);
    const date = m ? asDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
    if (m && date) return { number: null, slug: m[4] ?? stem, date, stem };
  }
  const sixDigits = SIX_DIGIT_DATE.exec(stem);
  if (sixDigits && readsAsShortDate(sixDigits[1] ?? '', sixDigits[2] ?? '', sixDigits[3] ?? '')) {
    return { number: null, slug: sixDigits[4] ?? stem, date: null, stem };
  }
  const yearMonth = YEAR_MONTH.exec(stem);
  if (yearMonth) return { number: null, slug: yearMonth[3] ?? stem, date: null, stem };
  const numbered = NUMBERED.exec(stem) ?? ADR_PREFIXED.exec(stem);
  if (numbered) return { number: Number(numbered[1]), slug: numbered[2] ?? '', date: null, stem };
  return { number: null, slug: stem, date: null, stem };
}

export function formatId(number: number): string {
  return `ADR-${String(number).padStart(4, '0')}`;
}
