import { parseYamlBlock } from './yamlValues';
import { lookupTable } from './lookup';
import type { YamlEntry } from './yamlTree';

export interface FrontmatterError {
  message: string;
  start: number;
  end: number;
}

export interface Frontmatter {
  /** The language tag after the opening `---`, lower-case; '' for plain YAML. */
  language: string;
  /** Offset of the opening `---`. */
  start: number;
  /** Offset just past the closing delimiter's line break: where the markdown body starts. */
  bodyStart: number;
  /** Offset of the closing `---`, or -1 when the block is never closed. */
  closeStart: number;
  entries: YamlEntry[];
  errors: FrontmatterError[];
}

/** Languages whose blocks would be evaluated as code by gray-matter's default engines. */
export const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];
export const YAML_LANGUAGES = ['', 'yaml', 'yml', 'json'];

/** What is said of a block in a language that is code: it is never run. */
export function refusedCodeMessage(language: string): string {
  return `frontmatter in '${language}' is code and is never run: write the decision's fields as YAML`;
}

/** Whether the first line after `from` with text on it reads as a YAML key (`status: accepted`). */
function opensFields(text: string, from: number): boolean {
  if (from === -1) return false;
  let at = from + 1;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  const end = text.indexOf('\n', at);
  const line = text.slice(at, end === -1 ? text.length : end);
  return /^[\w"'][^:]*:(?:\s|$)/.test(line);
}

/**
 * How a closed block is read, from where its opening and closing delimiters are: `readBlock` in
 * production; tests pass gray-matter's reading (test/unit/grayMatterReading.ts) to compare the two.
 */
export type BlockReader = (text: string, open: number, matterStart: number, closeStart: number, language: string) => BlockReading;

/**
 * The frontmatter block at the top of a decision (after a byte-order mark or licence comments), or
 * null. `readBlock` reads it the reference way instead: tests compare the two.
 */
export function readFrontmatter(text: string, readBlock: BlockReader = readOwnWay): Frontmatter | null {
  const open = frontmatterStart(text);
  if (!text.startsWith('---', open) || text.charAt(open + 3) === '-') return null;
  const firstBreak = text.indexOf('\n', open);
  const tagLine = text.slice(open + 3, firstBreak === -1 ? text.length : firstBreak);
  const language = tagLine.trim().toLowerCase();
  // gray-matter hands the engine the block from the end of the language tag; when the tag is only
  // blanks (`--- `), it keeps them, so the block and its offsets start right after the dashes.
  const matterStart = language ? open + 3 + tagLine.length - (tagLine.endsWith('\r') ? 1 : 0) : open + 3;
  const closeAt = text.indexOf('\n---', matterStart);
  const closeStart = closeAt === -1 ? -1 : closeAt + 1;
  const result: Frontmatter = {
    language,
    start: open,
    bodyStart: text.length,
    closeStart,
    entries: [],
    errors: [],
  };
  if (closeStart === -1) {
    // A lone `---` over a title or text is a thematic break, as markdown reads it; one over a
    // `key:` line is a block whose closing line was forgotten.
    if (!language && !opensFields(text, firstBreak)) return null;
    // Without a closing line the rest of the file is markdown, not YAML: report once, read the body.
    result.errors.push({ message: 'the frontmatter is never closed: add a line with `---` after its last field', start: open, end: firstBreak === -1 ? text.length : firstBreak });
    result.bodyStart = firstBreak === -1 ? text.length : firstBreak + 1;
    return result;
  }
  if (!YAML_LANGUAGES.includes(language) && !CODE_LANGUAGES.includes(language)) {
    result.errors.push({ message: `frontmatter in '${language}' is not read: write the decision's fields as YAML`, start: open, end: matterStart });
    result.bodyStart = bodyStartAfter(text, closeStart);
    return result;
  }

  const read = readBlock(text, open, matterStart, closeStart, language);
  result.bodyStart = read.bodyStart;
  result.entries = read.entries;
  result.errors.push(...read.errors);
  return result;
}

/** What reading a closed block found: its YAML entries and errors, and where the body starts. */
export interface BlockReading {
  entries: YamlEntry[];
  errors: FrontmatterError[];
  bodyStart: number;
}

export function yamlOf(source: string, matterStart: number): { entries: YamlEntry[]; errors: FrontmatterError[] } {
  // YAML ends a line at a lone `\r` too, LineIndex only at `\n`: a space of the same length keeps
  // every offset, and both on the same lines. The block itself ends with one in a CRLF file (the
  // closing line's `\r`), which YAML read as content after a blank line: `owner: cto\r\n\r`.
  return parseYamlBlock(source.includes('\r') ? source.replace(/\r(?!\n)/g, ' ') : source, matterStart);
}

/**
 * gray-matter's reading of an untagged block, without gray-matter: the block is everything from
 * the opening dashes to the first `\n---`, and the body starts after those dashes and one line
 * break (`\r`, then `\n`, each skipped once). Unit tests hold the two readings equal.
 */
function readPlainBlock(text: string, open: number, matterStart: number, closeStart: number): BlockReading {
  const closeAt = closeStart - 1;
  const bodyStart = bodyAfterClose(text, closeStart);
  try {
    const { entries, errors } = yamlOf(text.slice(matterStart, closeAt), matterStart);
    return { entries, errors, bodyStart };
  } catch (error) {
    // As gray-matter's caller reports an engine that throws.
    return { entries: [], errors: [{ message: `the frontmatter cannot be read: ${String(error)}`, start: open, end: matterStart }], bodyStart: bodyStartAfter(text, closeStart) };
  }
}

/**
 * Blocks were read by gray-matter (with its engines replaced, so `---js` and friends threw instead
 * of calling `eval`); they are read here as it read them, which spares every start its js-yaml
 * set-up and the bundle 46 KB. A plain `---` opening (nearly every decision) is read as gray-matter
 * handed it to the YAML reader; its cost was also a copy of the whole file to a Buffer per file.
 * test/unit/frontmatterAgreement.test.ts holds the readings equal to gray-matter's.
 */
function readOwnWay(text: string, open: number, matterStart: number, closeStart: number, language: string): BlockReading {
  return language === '' ? readPlainBlock(text, open, matterStart, closeStart) : readTaggedBlock(text, open, matterStart, closeStart);
}

/**
 * A block with a language tag (`---yaml`), read as gray-matter read it: the tag as written picks
 * the engine (exactly, or by its alias in any case: `YML` is `yaml`, `JSON` none), a block of only
 * comments reaches no engine, and an engine's error leaves the body after the closing line.
 */
function readTaggedBlock(text: string, open: number, matterStart: number, closeStart: number): BlockReading {
  const name = text.slice(open + 3, matterStart).trim();
  const block = text.slice(matterStart, closeStart - 1);
  const failed = (message: string): BlockReading => ({ entries: [], errors: [{ message, start: open, end: matterStart }], bodyStart: bodyStartAfter(text, closeStart) });
  const engine = onlyComments(block) ? 'none' : engineOf(name);
  if (engine === undefined) return failed(`the frontmatter cannot be read: Error: gray-matter engine "${name}" is not registered`);
  if (engine !== 'yaml' && engine !== 'none') return failed(refusedCodeMessage(engine));
  // A block of comments in a language that is not YAML's is read by no one: nothing to report.
  if (engine === 'none' && !YAML_LANGUAGES.includes(name.toLowerCase())) return { entries: [], errors: [], bodyStart: bodyAfterClose(text, closeStart) };
  return readPlainBlock(text, open, matterStart, closeStart);
}

/** Engines by the tag as written: YAML's, a refused code language's own name, or undefined for none. */
const ENGINES: Readonly<Record<string, string>> = lookupTable({ yaml: 'yaml', yml: 'yaml', json: 'yaml', javascript: 'javascript', js: 'js', coffee: 'coffee', coffeescript: 'coffeescript', cson: 'cson' });

/** gray-matter's lookup: the tag as written, else its alias (`js`/`javascript`, `coffee`/`coffeescript`/`cson`, `yaml`/`yml`, any case). */
function engineOf(name: string): string | undefined {
  const own = ENGINES[name];
  if (own !== undefined) return own;
  const lower = name.toLowerCase();
  if (lower === 'js' || lower === 'javascript') return 'javascript';
  if (lower === 'coffee' || lower === 'coffeescript' || lower === 'cson') return 'coffee';
  if (lower === 'yaml' || lower === 'yml') return 'yaml';
  return undefined;
}

/**
 * Whether gray-matter took the block for comments only: `block.replace(/^\s*#[^\n]+/gm, '')` is
 * blank. That expression retried its `\s*` from every line start of a run of blank lines (quadratic);
 * this walks the block once. The search resumes where the last match ended, at the block's start
 * or a `\n`, so a line start is always behind the next non-blank character with only blanks between:
 * it is removed exactly when it is a `#` followed by a character other than `\n`, with the rest of
 * its line.
 */
export function onlyComments(block: string): boolean {
  const nonBlank = /\S/g;
  for (let from = 0; from < block.length; ) {
    nonBlank.lastIndex = from;
    const found = nonBlank.exec(block);
    if (!found) return true;
    const at = found.index;
    if (block.charAt(at) !== '#' || at + 1 >= block.length || block.charAt(at + 1) === '\n') return false;
    const lineEnd = block.indexOf('\n', at + 1);
    from = lineEnd === -1 ? block.length : lineEnd;
  }
  return true;
}

/**
 * Where the opening `---` may stand: after a byte-order mark, and after licence headers in HTML
 * comments (`<!-- SPDX-License-Identifier: … -->`) that REUSE-compliant repositories put first.
 */
function frontmatterStart(text: string): number {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Nearly every file opens with its `---` (or its title): no blank line or comment to step over.
  const first = text.charCodeAt(at);
  if (first !== 32 && first !== 9 && first !== 13 && first !== 10 && first !== 60) return at;
  for (;;) {
    const rest = /^[ \t]*\r?\n/.exec(text.slice(at, at + 200)) ?? (text.startsWith('<!--', at) ? null : undefined);
    if (rest) {
      at += rest[0].length;
      continue;
    }
    if (rest === null) {
      const close = text.indexOf('-->', at + 4);
      if (close === -1) return at;
      const lineEnd = text.indexOf('\n', close);
      if (lineEnd === -1) return at;
      at = lineEnd + 1;
      continue;
    }
    return at;
  }
}

/** Where gray-matter starts the body: after the closing dashes and one line break (`\r`, then `\n`, each skipped once). */
function bodyAfterClose(text: string, closeStart: number): number {
  let bodyStart = closeStart + 3;
  if (text.charAt(bodyStart) === '\r') bodyStart++;
  if (text.charAt(bodyStart) === '\n') bodyStart++;
  return bodyStart;
}

function bodyStartAfter(text: string, closeStart: number): number {
  if (closeStart === -1) return text.length;
  const lineEnd = text.indexOf('\n', closeStart);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}
