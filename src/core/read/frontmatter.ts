import matter from 'gray-matter';
import { parseYamlBlock } from './yamlValues';
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
const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];
const YAML_LANGUAGES = ['', 'yaml', 'yml', 'json'];

class RefusedLanguageError extends Error {}

function refuse(language: string) {
  return {
    parse(): never {
      throw new RefusedLanguageError(
        `frontmatter in '${language}' is code and is never run: write the decision's fields as YAML`,
      );
    },
  };
}

/**
 * The frontmatter block at the top of a decision (after a byte-order mark or licence comments), or
 * null. `throughGrayMatter` reads an untagged block the reference way too: tests compare the two.
 */
export function readFrontmatter(text: string, throughGrayMatter = false): Frontmatter | null {
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

  // A plain `---` opening (no language tag) is nearly every decision: gray-matter would hand the
  // same block to the same YAML reader and end the block at the same place, so it is skipped; its
  // cost was a copy of the whole file to a Buffer per decision. Tagged blocks still go through it.
  const read = language === '' && !throughGrayMatter ? readPlainBlock(text, open, matterStart, closeStart) : readThroughGrayMatter(text, open, matterStart, closeStart, language);
  result.bodyStart = read.bodyStart;
  result.entries = read.entries;
  result.errors.push(...read.errors);
  return result;
}

/** What reading a closed block found: its YAML entries and errors, and where the body starts. */
interface BlockReading {
  entries: YamlEntry[];
  errors: FrontmatterError[];
  bodyStart: number;
}

function yamlOf(source: string, matterStart: number): { entries: YamlEntry[]; errors: FrontmatterError[] } {
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
  let bodyStart = closeAt + 4;
  if (text.charAt(bodyStart) === '\r') bodyStart++;
  if (text.charAt(bodyStart) === '\n') bodyStart++;
  try {
    const { entries, errors } = yamlOf(text.slice(matterStart, closeAt), matterStart);
    return { entries, errors, bodyStart };
  } catch (error) {
    // As gray-matter's caller reports an engine that throws.
    return { entries: [], errors: [{ message: `the frontmatter cannot be read: ${String(error)}`, start: open, end: matterStart }], bodyStart: bodyStartAfter(text, closeStart) };
  }
}

/**
 * The only gray-matter call site. gray-matter finds the delimiters; its default engines are replaced,
 * so `---js` and friends throw instead of calling `eval`, and an options object is always passed so
 * it does not cache every string it has seen.
 */
function readThroughGrayMatter(text: string, open: number, matterStart: number, closeStart: number, language: string): BlockReading {
  let parsedYaml: { entries: YamlEntry[]; errors: FrontmatterError[] } | undefined;
  const yamlEngine = {
    parse(source: string): object {
      parsedYaml = yamlOf(source, matterStart);
      return {};
    },
  };
  const engines: Record<string, { parse(source: string): object }> = { yaml: yamlEngine, yml: yamlEngine, json: yamlEngine };
  for (const name of CODE_LANGUAGES) engines[name] = refuse(name);
  let bodyStart: number;
  try {
    const file = matter(open > 0 ? text.slice(open) : text, { engines, language: 'yaml' });
    bodyStart = text.length - file.content.length;
  } catch (error) {
    const message = error instanceof RefusedLanguageError ? error.message : `the frontmatter cannot be read: ${String(error)}`;
    return { entries: [], errors: [{ message, start: open, end: matterStart }], bodyStart: bodyStartAfter(text, closeStart) };
  }
  // gray-matter skips a block it takes for comments only, by JavaScript's `\s`: `\f# x` is one to
  // it and not to YAML. Reading it anyway keeps its error from surfacing only once a field is added.
  if (!parsedYaml && YAML_LANGUAGES.includes(language)) yamlEngine.parse(text.slice(matterStart, closeStart - 1));
  return { entries: parsedYaml?.entries ?? [], errors: parsedYaml?.errors ?? [], bodyStart };
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

function bodyStartAfter(text: string, closeStart: number): number {
  if (closeStart === -1) return text.length;
  const lineEnd = text.indexOf('\n', closeStart);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}
