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
 * The only gray-matter call site. gray-matter finds the delimiters; its default engines are replaced,
 * so `---js` and friends throw instead of calling `eval`, and an options object is always passed so
 * it does not cache every string it has seen.
 */
export function readFrontmatter(text: string): Frontmatter | null {
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

  let parsedYaml: { entries: YamlEntry[]; errors: FrontmatterError[] } | undefined;
  const yamlEngine = {
    parse(source: string): object {
      // YAML ends a line at a lone `\r` too, LineIndex only at `\n`: a space of the same length keeps
      // every offset, and both on the same lines. The block itself ends with one in a CRLF file (the
      // closing line's `\r`), which YAML read as content after a blank line: `owner: cto\r\n\r`.
      parsedYaml = parseYamlBlock(source.replace(/\r(?!\n)/g, ' '), matterStart);
      return {};
    },
  };
  const engines: Record<string, { parse(source: string): object }> = { yaml: yamlEngine, yml: yamlEngine, json: yamlEngine };
  for (const name of CODE_LANGUAGES) engines[name] = refuse(name);
  try {
    const file = matter(open > 0 ? text.slice(open) : text, { engines, language: 'yaml' });
    result.bodyStart = text.length - file.content.length;
  } catch (error) {
    const message = error instanceof RefusedLanguageError ? error.message : `the frontmatter cannot be read: ${String(error)}`;
    result.errors.push({ message, start: open, end: matterStart });
    result.bodyStart = bodyStartAfter(text, closeStart);
    return result;
  }
  // gray-matter skips a block it takes for comments only, by JavaScript's `\s`: `\f# x` is one to
  // it and not to YAML. Reading it anyway keeps its error from surfacing only once a field is added.
  if (!parsedYaml && YAML_LANGUAGES.includes(language)) yamlEngine.parse(text.slice(matterStart, closeStart - 1));
  if (parsedYaml) {
    result.entries = parsedYaml.entries;
    result.errors.push(...parsedYaml.errors);
  }
  return result;
}

/**
 * Where the opening `---` may stand: after a byte-order mark, and after licence headers in HTML
 * comments (`<!-- SPDX-License-Identifier: … -->`) that REUSE-compliant repositories put first.
 */
function frontmatterStart(text: string): number {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
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
