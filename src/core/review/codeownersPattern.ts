/**
 * CODEOWNERS patterns as GitHub and GitLab read them (gitignore's syntax, last match wins): how a
 * decision's path is written as one, and which rule a file resolves to.
 */

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
 * Whether `tokens` match all of `text`: one pass over the text per token, so a pattern of many
 * stars costs pattern × path steps, never the backtracking a regular expression could take.
 */
function globMatch(tokens: readonly Token[], text: string): boolean {
  // can[i]: the tokens so far can match the first i characters.
  let can = new Array<boolean>(text.length + 1).fill(false);
  can[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    let matchedBefore = false;
    for (let i = 0; i <= text.length; i++) {
      if (token.kind === 'folders') {
        // Empty, or everything up to a `/` after some point the tokens so far reached.
        next[i] = can[i] === true || (matchedBefore && text[i - 1] === '/');
        if (can[i]) matchedBefore = true;
      } else if (token.kind === 'star' || token.kind === 'globstar') {
        // Carry a match forward over characters the star may cover.
        if (can[i] || (i > 0 && next[i - 1] && (token.kind === 'globstar' || text[i - 1] !== '/'))) next[i] = true;
      } else if (i > 0 && can[i - 1]) {
        const c = text[i - 1];
        next[i] = token.kind === 'any' ? c !== '/' : c === token.char;
      }
    }
    can = next;
  }
  return can[text.length] === true;
}

/** Patterns longer than this are not read as rules: no path a repository holds needs one. */
const MAX_PATTERN_LENGTH = 4096;

/**
 * Whether a CODEOWNERS pattern covers `file` (relative to the root, `/`-separated): a pattern with a
 * `/` before its end is anchored at the root, one without matches at any depth, one ending in `/`
 * only folders, and a pattern that matches a folder covers everything in it.
 */
export function patternCovers(pattern: string, file: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH || pattern.startsWith('!')) return false;
  const folderOnly = pattern.endsWith('/') && !pattern.endsWith('\\/');
  let body = folderOnly ? pattern.slice(0, -1) : pattern;
  const anchored = body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  const tokens = tokensOf(anchored ? body : `**/${body}`);
  const parts = file.split('/');
  for (let end = parts.length; end >= 1; end--) {
    const isFile = end === parts.length;
    if (folderOnly && isFile) continue;
    if (globMatch(tokens, parts.slice(0, end).join('/'))) return true;
  }
  return false;
}

/** The rule that decides a file's owners: the last one that covers it. */
export function ruleFor(rules: readonly CodeownersRule[], file: string): CodeownersRule | undefined {
  for (let at = rules.length - 1; at >= 0; at--) {
    const rule = rules[at];
    if (rule && patternCovers(rule.pattern, file)) return rule;
  }
  return undefined;
}
