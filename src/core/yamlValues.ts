import { readSimpleBlock } from './simpleYaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

/**
 * A YAML value with absolute offsets into the decision text. Aliases are kept as aliases and never
 * expanded, so an alias bomb costs no more than its own text.
 */
export type YamlValue =
  | { kind: 'scalar'; value: string | number | boolean | null; start: number; end: number }
  | { kind: 'seq'; items: YamlValue[]; start: number; end: number }
  | { kind: 'map'; entries: YamlEntry[]; start: number; end: number }
  | { kind: 'alias'; source: string; start: number; end: number };

export interface YamlEntry {
  key: string;
  keyStart: number;
  /** End of the value, or of the key when there is none. */
  end: number;
  value: YamlValue | null;
}

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
  return parseYamlDocument(source, offset);
}

/** The full YAML parser: what readSimpleBlock must agree with, and the answer for every other shape. */
export function parseYamlDocument(source: string, offset: number): { entries: YamlEntry[]; errors: YamlError[] } {
  const doc = parseDocument(source, { prettyErrors: false, keepSourceTokens: false });
  const errors: YamlError[] = doc.errors.map((e) => ({
    message: e.message,
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
  return { entries: mapEntries(root.items, offset, source), errors };
}

function mapEntries(items: unknown[], offset: number, source: string): YamlEntry[] {
  const entries: YamlEntry[] = [];
  for (const pair of items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const keyStart = offset + (keyNode?.range?.[0] ?? 0);
    const value = pair.value === null || pair.value === undefined ? null : toValue(pair.value as YamlNode, offset, source);
    const keyEnd = offset + (keyNode?.range?.[1] ?? 0);
    entries.push({ key, keyStart, end: value ? value.end : keyEnd, value });
  }
  return entries;
}

function toValue(node: YamlNode, offset: number, source: string): YamlValue {
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
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => toValue(item as YamlNode, offset, source)), start, end };
  if (isMap(node)) return { kind: 'map', entries: mapEntries(node.items, offset, source), start, end };
  if (isAlias(node)) return { kind: 'alias', source: node.source, start, end };
  return { kind: 'scalar', value: null, start, end };
}
