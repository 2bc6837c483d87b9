/**
 * CODEOWNERS patterns as GitHub and GitLab read them (gitignore's syntax, last match wins): how a
 * decision's path is written as one, and which rule a file resolves to.
 */

import type { MatchBudget } from '../workspace/matchBudget';

/**
 * Characters a CODEOWNERS path escapes with a backslash: the escape itself, the space that ends a
 * pattern, the `#` that starts a comment, and `*`. A `?` matches itself as it stands (and gitignore
 * matchers differ on `\?`); `!` only negates at a pattern's start, which is always `/` here.
 */
const ESCAPED = /[\\ #*]/g;

/**
 * Characters no escape makes portable: line breaks and controls would end or corrupt the line,
 * and GitHub reports `[` `]` as an error whether escaped or not.
 */
const UNWRITABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029[\]]/;

/** `docs/decisions/0005-a b.md` → `/docs/decisions/0005-a\ b.md`, anchored at the root; undefined when it cannot be written. */
export function codeownersPath(relativePath: string): string | undefined {
  if (UNWRITABLE.test(relativePath)) return undefined;
  return `/${relativePath.replace(ESCAPED, (c) => `\\${c}`)}`;
}

export interface CodeownersRule {
  /** Zero-based line in the file. */
  line: number;
  /** The pattern as written, escapes included. */
  pattern: string;
  owners: string[];
}

/** The pattern ends at the first whitespace that no backslash escapes. */
function splitPattern(line: string): { pattern: string; rest: string } {
  let at = 0;
  while (at < line.length && !/\s/.test(line[at] ?? '')) at += line[at] === '\\' ? 2 : 1;
  return { pattern: line.slice(0, at), rest: line.slice(at) };
}

/** Every rule of a CODEOWNERS file; comments, blank lines and GitLab's `[Section]` headings are not rules. */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, line) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^\^?\[/.test(trimmed)) return;
    const { pattern, rest } = splitPattern(trimmed);
    const owners = (rest.split(/\s#/)[0] ?? '').split(/\s+/).filter((o) => o !== '');
    rules.push({ line, pattern, owners });
  });
  return rules;
}

/** `folders` is a double star followed by a slash: no folder, or any run of them. */
type Token = { kind: 'char'; char: string } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'folders' } | { kind: 'any' };

function tokensOf(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < pattern.length; at++) {
    const c = pattern[at] ?? '';
    if (c === '\\' && at + 1 < pattern.length) tokens.push({ kind: 'char', char: pattern[++at] ?? '' });
    else if (c === '*' && pattern[at + 1] === '*') {
      // `**/` also matches no folder at all: `a/**/b` matches `a/b`.
      at++;
      if (pattern[at + 1] === '/') {
        tokens.push({ kind: 'folders' });
        at++;
      } else tokens.push({ kind: 'globstar' });
    } else if (c === '*') tokens.push({ kind: 'star' });
    else if (c === '?') tokens.push({ kind: 'any' });
    else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/**
 * Which prefixes of `text` the tokens match in full: ends[i] when they match its first i
 * characters. One pass over the text per token, so a pattern of many stars costs pattern × path
 * steps, never the backtracking a regular expression could take; the folders of a path are its
 * prefixes, so one pass answers for all of them.
 */
function globEnds(tokens: readonly Token[], text: string): Uint8Array {
  // can[i]: the tokens so far can match the first i characters (1 or 0).
  let can = new Uint8Array(text.length + 1);
  let next = new Uint8Array(text.length + 1);
  can[0] = 1;
  for (const token of tokens) {
    next.fill(0);
    let matchedBefore = false;
    for (let i = 0; i <= text.length; i++) {
      if (token.kind === 'folders') {
        // Empty, or everything up to a `/` after some point the tokens so far reached.
        next[i] = can[i] || (matchedBefore && text[i - 1] === '/') ? 1 : 0;
        if (can[i]) matchedBefore = true;
      } else if (token.kind === 'star' || token.kind === 'globstar') {
        // Carry a match forward over characters the star may cover.
        if (can[i] || (i > 0 && next[i - 1] && (token.kind === 'globstar' || text[i - 1] !== '/'))) next[i] = 1;
      } else if (i > 0 && can[i - 1]) {
        const c = text[i - 1];
        next[i] = (token.kind === 'any' ? c !== '/' : c === token.char) ? 1 : 0;
      }
    }
    [can, next] = [next, can];
  }
  return can;
}

/** Patterns longer than this are not read as rules: no path a repository holds needs one. */
const MAX_PATTERN_LENGTH = 4096;

/** A pattern read once: its tokens, and how many characters of a path any match takes. */
interface Compiled {
  tokens: Token[];
  folderOnly: boolean;
  least: number;
  /** The path the pattern names when it has no wildcard (`/docs/adr/`): compared, not matched. */
  literal: string | undefined;
}

function compile(pattern: string): Compiled | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH || pattern.startsWith('!')) return undefined;
  const folderOnly = pattern.endsWith('/') && !pattern.endsWith('\\/');
  let body = folderOnly ? pattern.slice(0, -1) : pattern;
  const anchored = body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  const tokens = tokensOf(anchored ? body : `**/${body}`);
  // Each character and `?` takes one character of the path: a pattern needing more cannot match.
  let least = 0;
  for (const token of tokens) if (token.kind === 'char' || token.kind === 'any') least++;
  const literal = tokens.every((t) => t.kind === 'char') ? tokens.map((t) => (t.kind === 'char' ? t.char : '')).join('') : undefined;
  return { tokens, folderOnly, least, literal };
}

function covers(compiled: Compiled | undefined, file: string, budget: MatchBudget | undefined): boolean {
  if (!compiled || compiled.least > file.length) {
    budget?.spend(1);
    return false;
  }
  if (compiled.literal !== undefined) {
    const literal = compiled.literal;
    budget?.spend(literal.length + 1);
    return (!compiled.folderOnly && file === literal) || (file.startsWith(literal) && file[literal.length] === '/');
  }
  if (budget && !budget.spend(compiled.tokens.length * (file.length + 1))) return false;
  const ends = globEnds(compiled.tokens, file);
  // The file itself, or a folder it is in: each prefix that ends before a `/`.
  if (!compiled.folderOnly && ends[file.length]) return true;
  for (let at = file.indexOf('/'); at !== -1; at = file.indexOf('/', at + 1)) if (ends[at]) return true;
  return false;
}

/**
 * Whether a CODEOWNERS pattern covers `file` (relative to the root, `/`-separated): a pattern with a
 * `/` before its end is anchored at the root, one without matches at any depth, one ending in `/`
 * only folders, and a pattern that matches a folder covers everything in it. With a budget, the
 * match is charged to it (pattern × path steps); false when the budget cannot pay for it.
 */
export function patternCovers(pattern: string, file: string, budget?: MatchBudget): boolean {
  if (budget && !budget.spend(pattern.length)) return false;
  return covers(compile(pattern), file, budget);
}

/** Each rule's pattern is read once however many files are matched against it. */
const compiled = new WeakMap<CodeownersRule, Compiled | undefined>();

function compiledRule(rule: CodeownersRule, budget: MatchBudget | undefined): Compiled | undefined {
  if (compiled.has(rule)) return compiled.get(rule);
  if (budget && !budget.spend(rule.pattern.length)) return undefined;
  const result = compile(rule.pattern);
  compiled.set(rule, result);
  return result;
}

/** The rule that decides a file's owners: the last one that covers it. */
export function ruleFor(rules: readonly CodeownersRule[], file: string, budget?: MatchBudget): CodeownersRule | undefined {
  for (let at = rules.length - 1; at >= 0; at--) {
    const rule = rules[at];
    if (rule && covers(compiledRule(rule, budget), file, budget)) return rule;
    if (budget?.exhausted) return undefined;
  }
  return undefined;
}
