import { readSimpleBlock } from './simpleYaml';
import type { YamlEntry, YamlValue } from './yamlTree';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

export interface YamlError {
  message: string;
  start: number;
  end: number;
}

/**
 * Parses YAML as data only (the `yaml` package has no code-running tags), keeping every key's and
 * value's offsets shifted by `offset`, so callers can point at the text. Errors never throw.
 */
export function parseYamlBlock(source: string, offset: number): { entries: YamlEntry[]; errors: YamlError[] } {
  const simple = readSimpleBlock(source, offset);
  if (simple) return { entries: simple, errors: [] };
  // The full parser's time and memory grow with size and nesting (a 10,000-line block of flow maps
  // takes 0.6 s and 200 MB): blocks no decision needs are refused before it runs. The caller still
  // reads the plain `key: value` lines.
  if (source.length > MAX_FULL_YAML_CHARS) {
    return { entries: [], errors: [{ message: `the frontmatter is ${Math.ceil(source.length / 1024)} KB, over the ${MAX_FULL_YAML_CHARS / 1024} KB read as YAML: only its plain \`key: value\` lines are read`, start: offset, end: offset + 1 }] };
  }
  const busy = tooBusy(source);
  if (busy) return { entries: [], errors: [{ message: `${busy}: only its plain \`key: value\` lines are read`, start: offset, end: offset + 1 }] };
  const deep = firstTooDeep(source);
  if (deep !== -1) return { entries: [], errors: [{ message: `${TOO_DEEP} and cannot be read`, start: offset + deep, end: offset + deep + 1 }] };
  return parseYamlDocument(source, offset);
}

/** Frontmatter above this size is not given to the full YAML parser. */
const MAX_FULL_YAML_CHARS = 64 * 1024;
/**
 * Within 64 KB the parser's time still grows faster than the text with some shapes: 32,000 lines
 * of a lone `*` (each an error) took 15 s, and keys that are aliases or anchors cost ~0.25 ms a
 * line. A decision's frontmatter has tens of lines and a few anchors; these bounds keep the worst
 * block near 0.3 s.
 */
const MAX_FULL_YAML_LINES = 500;
const MAX_FULL_YAML_MARKS = 256;

/**
 * Why a block is too busy for the full parser, or ''. Counts lines, and `*`, `&` and `!` where a
 * token starts (after a blank, a bracket, a comma or a line start): aliases, anchors and tags.
 */
function tooBusy(source: string): string {
  let lines = 1;
  let marks = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 42 || c === 38 || c === 33) {
      const before = i === 0 ? 10 : source.charCodeAt(i - 1);
      if (before === 10 || before === 32 || before === 9 || before === 91 || before === 123 || before === 44 || before === 45 || before === 58) marks++;
    }
  }
  if (lines > MAX_FULL_YAML_LINES) return `the frontmatter has ${lines.toLocaleString('en-US')} lines, over the ${MAX_FULL_YAML_LINES.toLocaleString('en-US')} read as YAML`;
  if (marks > MAX_FULL_YAML_MARKS) return `the frontmatter has ${marks.toLocaleString('en-US')} anchors, aliases or tags, over the ${MAX_FULL_YAML_MARKS} read as YAML`;
  return '';
}

/**
 * Where flow brackets or a line's run of `- ` items first nest deeper than MAX_DEPTH, or -1. A
 * bracket inside a quoted string counts too: only a value no decision has is refused that way.
 */
function firstTooDeep(source: string): number {
  let depth = 0;
  let itemRun = 0;
  let lineStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 || c === 123) depth++; // [ {
    else if ((c === 93 || c === 125) && depth > 0) depth--; // ] }
    if (c === 10) {
      lineStart = true;
      itemRun = 0;
    } else if (lineStart && c === 45 && source.charCodeAt(i + 1) === 32) itemRun++; // `- `
    else if (c !== 32) lineStart = false;
    if (depth > MAX_DEPTH || itemRun > MAX_DEPTH) return i;
  }
  return -1;
}

/** Decision fields are at most a few levels deep; deeper values are not read, so a hostile file cannot exhaust the stack. */
const MAX_DEPTH = 64;
const TOO_DEEP = `the frontmatter nests more than ${MAX_DEPTH} levels deep`;

/** The full YAML parser: what readSimpleBlock must agree with, and the answer for every other shape. */
export function parseYamlDocument(source: string, offset: number): { entries: YamlEntry[]; errors: YamlError[] } {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, { prettyErrors: false, keepSourceTokens: false });
  } catch {
    // The parser recurses per nesting level; it reports most overflows as errors, this catches the rest.
    return { entries: [], errors: [{ message: `${TOO_DEEP} and cannot be read`, start: offset, end: offset + Math.min(source.length, 3) }] };
  }
  const errors: YamlError[] = doc.errors.map((e) => ({
    // The parser reports running out of stack on deep nesting in its own words; say what to do.
    message: /call stack/i.test(e.message) ? `${TOO_DEEP} and cannot be read` : e.message,
    start: offset + e.pos[0],
    end: offset + Math.max(e.pos[1], e.pos[0] + 1),
  }));
  const root = doc.contents;
  if (root === null || root === undefined) return { entries: [], errors };
  if (!isMap(root)) {
    const [start, end] = root.range ?? [0, source.length];
    errors.push({ message: 'the frontmatter must be a list of `key: value` fields', start: offset + start, end: offset + end });
    return { entries: [], errors };
  }
  const context: WalkContext = { offset, source, errors };
  return { entries: mapEntries(root.items, context, 0), errors };
}

interface WalkContext {
  offset: number;
  source: string;
  errors: YamlError[];
}

function mapEntries(items: unknown[], context: WalkContext, depth: number): YamlEntry[] {
  const { offset } = context;
  const entries: YamlEntry[] = [];
  for (const pair of items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const keyStart = offset + (keyNode?.range?.[0] ?? 0);
    const value = pair.value === null || pair.value === undefined ? null : toValue(pair.value as YamlNode, context, depth + 1);
    const keyEnd = offset + (keyNode?.range?.[1] ?? 0);
    entries.push({ key, keyStart, end: value ? value.end : keyEnd, value });
  }
  return entries;
}

function toValue(node: YamlNode, context: WalkContext, depth: number): YamlValue {
  const { offset, source } = context;
  const [rawStart, rawValueEnd] = node.range ?? [0, 0];
  // A plain scalar's range can include the `\r` of a CRLF line end.
  let rawEnd = rawValueEnd;
  while (rawEnd > rawStart && /\s/.test(source.charAt(rawEnd - 1))) rawEnd--;
  const start = offset + rawStart;
  const end = offset + rawEnd;
  if (isScalar(node)) {
    const v = node.value;
    // The core schema yields only these; anything else (a custom tag) is read as no value.
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    return { kind: 'scalar', value, start, end };
  }
  if ((isSeq(node) || isMap(node)) && depth >= MAX_DEPTH) {
    if (!context.errors.some((e) => e.message.startsWith(TOO_DEEP))) context.errors.push({ message: `${TOO_DEEP}; deeper values are not read`, start, end: Math.max(end, start + 1) });
    return { kind: 'scalar', value: null, start, end };
  }
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => toValue(item as YamlNode, context, depth + 1)), start, end };
  if (isMap(node)) return { kind: 'map', entries: mapEntries(node.items, context, depth), start, end };
  if (isAlias(node)) return { kind: 'alias', source: node.source, start, end };
  return { kind: 'scalar', value: null, start, end };
}
