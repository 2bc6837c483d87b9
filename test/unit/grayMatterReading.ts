import matter from 'gray-matter';
import { CODE_LANGUAGES, refusedCodeMessage, YAML_LANGUAGES, yamlOf, type BlockReading } from '../../src/core/read/frontmatter';

class RefusedLanguageError extends Error {}

function refuse(language: string) {
  return {
    parse(): never {
      throw new RefusedLanguageError(refusedCodeMessage(language));
    },
  };
}

function bodyStartAfter(text: string, closeStart: number): number {
  const lineEnd = text.indexOf('\n', closeStart);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}

/**
 * The reference reading of a closed block: gray-matter finds the delimiters and the body, with its
 * engines replaced (`---js` and friends throw instead of calling `eval`) and an options object
 * always passed so it caches nothing. The product read every block this way until it read them
 * itself; readFrontmatter(text, grayMatterReading) reads a file this way, for tests to compare.
 */
export function grayMatterReading(text: string, open: number, matterStart: number, closeStart: number, language: string): BlockReading {
  let parsedYaml: ReturnType<typeof yamlOf> | undefined;
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
  // it and not to YAML. The product reads it anyway, so its error does not surface only once a field is added.
  if (!parsedYaml && YAML_LANGUAGES.includes(language)) yamlEngine.parse(text.slice(matterStart, closeStart - 1));
  return { entries: parsedYaml?.entries ?? [], errors: parsedYaml?.errors ?? [], bodyStart };
}
