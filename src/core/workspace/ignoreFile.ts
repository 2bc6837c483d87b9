// `.gitignore` files read as git reads them, for the editor's reference scan: which files a
// repository says are not its own (build output, virtual environments, caches). The patterns come
// from cloned repositories, so matching is bounded: a pattern is at most MAX_PATTERN_LENGTH
// characters, a file contributes at most MAX_RULES_PER_FILE of them, and every comparison is
// charged to a step budget the caller sets. Once the budget is spent, every further path counts
// as ignored, so a costly pattern can only make the scan read less.

import { MatchBudget } from './matchBudget';

export const MAX_PATTERN_LENGTH = 256;
export const MAX_RULES_PER_FILE = 2_000;
/** More wildcards than this and a pattern is matched here rather than handed to the editor's search as a glob. */
const MAX_GLOB_WILDCARDS = 4;
/** A pattern followed by more negations than this is left to the matcher. */
const MAX_LATER_NEGATIONS = 64;
/** Characters a pattern may hold to be given to VS Code's search as a glob with the same meaning. */
const GLOB_SAFE = /^[\p{L}\p{N} ._\-@+~%$=&'/*?]+$/u;

export interface IgnoreRule {
  negated: boolean;
  /** Written with a trailing slash: matches directories only. */
  directoryOnly: boolean;
  /** No slash but a trailing one: matches a name at any depth below the ignore file. */
  nameOnly: boolean;
  /** The pattern without `!`, leading and trailing slashes. */
  pattern: string;
  segments: string[];
}

export interface IgnoreFile {
  /** The folder holding the file, relative to the workspace folder; '' at its root. */
  base: string;
  rules: IgnoreRule[];
}

/** Reads one `.gitignore`. Comments, blank lines and patterns over MAX_PATTERN_LENGTH are skipped. */
export function parseIgnoreFile(text: string, base: string): IgnoreFile {
  const rules: IgnoreRule[] = [];
  let start = 0;
  while (start <= text.length && rules.length < MAX_RULES_PER_FILE) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const rule = end - start <= MAX_PATTERN_LENGTH + 2 ? parseRule(text.slice(start, end)) : undefined;
    if (rule) rules.push(rule);
    if (newline === -1) break;
    start = newline + 1;
  }
  return { base, rules };
}

function parseRule(raw: string): IgnoreRule | undefined {
  // Trailing spaces are not part of the pattern unless escaped.
  let end = raw.endsWith('\r') ? raw.length - 1 : raw.length;
  while (end > 0 && raw[end - 1] === ' ' && raw[end - 2] !== '\\') end--;
  let line = raw.slice(0, end);
  if (line === '' || line.startsWith('#')) return undefined;
  const negated = line.startsWith('!');
  if (negated) line = line.slice(1);
  const directoryOnly = line.endsWith('/') && !line.endsWith('\\/');
  if (directoryOnly) line = line.slice(0, -1);
  const nameOnly = !line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  if (line === '' || line.length > MAX_PATTERN_LENGTH) return undefined;
  return { negated, directoryOnly, nameOnly, pattern: line, segments: line.split('/') };
}

/** Whether paths are ignored by a set of ignore files, with git's precedence: deeper files and later lines win. */
export class IgnoreMatcher {
  private readonly files: IgnoreFile[];
  private readonly directories = new Map<string, boolean>();

  constructor(
    files: readonly IgnoreFile[],
    private readonly budget: MatchBudget,
  ) {
    this.files = [...files].sort((a, b) => depth(a.base) - depth(b.base));
  }

  /** A file's path relative to the workspace folder, with `/` separators. */
  isIgnored(path: string): boolean {
    // A file inside an ignored directory is ignored whatever later rules say, as in git.
    let slash = path.indexOf('/');
    while (slash !== -1) {
      if (this.directoryIgnored(path.slice(0, slash))) return true;
      slash = path.indexOf('/', slash + 1);
    }
    return this.decide(path, false);
  }

  private directoryIgnored(directory: string): boolean {
    let ignored = this.directories.get(directory);
    if (ignored === undefined) {
      ignored = this.decide(directory, true);
      this.directories.set(directory, ignored);
    }
    return ignored;
  }

  /** The last rule that matches decides; none matching means not ignored. */
  private decide(path: string, isDirectory: boolean): boolean {
    if (this.budget.exhausted) return true;
    const name = path.slice(path.lastIndexOf('/') + 1);
    for (let f = this.files.length - 1; f >= 0; f--) {
      const file = this.files[f]!;
      if (file.base !== '' && !path.startsWith(`${file.base}/`)) continue;
      const relative = file.base === '' ? path : path.slice(file.base.length + 1);
      let segments: string[] | undefined;
      for (let r = file.rules.length - 1; r >= 0; r--) {
        const rule = file.rules[r]!;
        if (rule.directoryOnly && !isDirectory) continue;
        const matched = rule.nameOnly ? matchName(rule.pattern, name, this.budget) : matchSegments(rule.segments, (segments ??= relative.split('/')), this.budget);
        if (this.budget.exhausted) return true;
        if (matched) return !rule.negated;
      }
    }
    return false;
  }
}

function depth(base: string): number {
  return base === '' ? 0 : base.split('/').length;
}

/**
 * Path segments against pattern segments, `**` matching any number of them. Greedy with one
 * backtracking point, as for `*` within a name: at most pattern × path segment comparisons.
 */
function matchSegments(pattern: readonly string[], path: readonly string[], budget: MatchBudget): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < path.length) {
    if (!budget.spend(1)) return false;
    if (p < pattern.length && pattern[p] === '**') {
      while (pattern[p] === '**') p++;
      starP = p;
      starN = n;
      continue;
    }
    if (p < pattern.length && matchName(pattern[p]!, path[n]!, budget)) {
      p++;
      n++;
      continue;
    }
    if (starP < 0) return false;
    p = starP;
    n = ++starN;
  }
  while (pattern[p] === '**') p++;
  return p === pattern.length;
}

/**
 * One name against one pattern segment: `*`, `?`, `[a-z]`, `[!…]` and `\` escapes. Greedy with one
 * backtracking point: at most pattern × name steps, never exponential.
 */
export function matchName(pattern: string, name: string, budget: MatchBudget): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    if (!budget.spend(1)) return false;
    const c = pattern.charCodeAt(p);
    if (c === 42 /* * */) {
      while (pattern.charCodeAt(p) === 42) p++;
      starP = p;
      starN = n;
      continue;
    }
    const width = p < pattern.length ? matchOne(pattern, p, name.charCodeAt(n)) : 0;
    if (width > 0) {
      p += width;
      n++;
      continue;
    }
    if (starP < 0) return false;
    p = starP;
    n = ++starN;
  }
  while (pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

/** The length of the pattern token at `p` when it matches `code`, else 0. */
function matchOne(pattern: string, p: number, code: number): number {
  const c = pattern.charCodeAt(p);
  if (c === 63 /* ? */) return 1;
  if (c === 92 /* \ */ && p + 1 < pattern.length) return pattern.charCodeAt(p + 1) === code ? 2 : 0;
  if (c === 91 /* [ */) {
    const end = classEnd(pattern, p);
    if (end > 0) return inClass(pattern, p + 1, end, code) ? end - p + 1 : 0;
  }
  return c === code ? 1 : 0;
}

/** The index of the `]` closing the class opened at `open`, or -1 when it is never closed. */
function classEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i < pattern.length ? i : -1;
}

function inClass(pattern: string, from: number, end: number, code: number): boolean {
  let i = from;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  let found = false;
  let first = true;
  while (i < end && (first || pattern[i] !== ']')) {
    first = false;
    let low = pattern.charCodeAt(i);
    if (low === 92 && i + 1 < end) low = pattern.charCodeAt(++i);
    i++;
    let high = low;
    if (pattern[i] === '-' && i + 1 < end) {
      high = pattern.charCodeAt(i + 1);
      if (high === 92 && i + 2 < end) high = pattern.charCodeAt(i + 2);
      i += pattern.charCodeAt(i + 1) === 92 ? 3 : 2;
    }
    if (code >= low && code <= high) found = true;
  }
  return found !== negated;
}

/**
 * What of a set of ignore files the editor's search can apply itself, as globs relative to the
 * workspace folder (so it never walks into those folders), and whether anything is left that only
 * the matcher can decide: a pattern a later negation (`!keep.log`, here or in a deeper file) could
 * override, one using classes or escapes, or more globs than `maxGlobs`.
 */
export function ignoreGlobs(files: readonly IgnoreFile[], maxGlobs: number): { globs: string[]; complete: boolean } {
  const globs: string[] = [];
  let complete = true;
  const budget = new MatchBudget(1_000_000);
  for (const file of files) {
    const later = files.filter((f) => f !== file && (file.base === '' || f.base.startsWith(`${file.base}/`))).flatMap((f) => f.rules.filter((r) => r.negated));
    for (let i = file.rules.length - 1; i >= 0; i--) {
      const rule = file.rules[i]!;
      if (rule.negated) {
        later.push(rule);
        continue;
      }
      const converted = later.length <= MAX_LATER_NEGATIONS && later.every((n) => cannotReinclude(rule, n, budget)) ? ruleGlobs(rule, file.base) : undefined;
      if (!converted || globs.length + converted.length > maxGlobs) complete = false;
      else globs.push(...converted);
    }
  }
  return { globs, complete };
}

/**
 * True when `negation` cannot re-include anything `rule` ignores. A negation cannot reach into a
 * folder `rule` ignores (git never looks inside it), so only a path both match could be re-included:
 * ruled out when the negation names one literal name that `rule`'s last segment does not match.
 */
function cannotReinclude(rule: IgnoreRule, negation: IgnoreRule, budget: MatchBudget): boolean {
  if (/[*?[\\]/.test(negation.pattern)) return false;
  const name = negation.segments[negation.segments.length - 1]!;
  const last = rule.segments[rule.segments.length - 1]!;
  if (last === '**') return false;
  const matches = matchName(last, name, budget);
  return !matches && !budget.exhausted;
}

function ruleGlobs(rule: IgnoreRule, base: string): string[] | undefined {
  const wildcards = (rule.pattern.match(/[*?]/g) ?? []).length;
  const oddStars = rule.segments.some((s) => s.includes('**') && s !== '**');
  const prefix = base === '' ? '' : `${base}/`;
  const path = rule.nameOnly ? `${prefix}**/${rule.pattern}` : `${prefix}${rule.pattern}`;
  if (wildcards > MAX_GLOB_WILDCARDS || oddStars || !GLOB_SAFE.test(path)) return undefined;
  // A folder's files are what the scan lists; a pattern that is not directory-only also names files.
  return rule.directoryOnly ? [`${path}/**`] : [path, `${path}/**`];
}
