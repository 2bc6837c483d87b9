import type { YamlEntry, YamlValue } from './yamlTree';

/**
 * Nearly every decision's frontmatter is a column of `key: word words` and `key: [a, b]` lines, and
 * the `yaml` package's full parser costs ~50 µs on one: more than the rest of reading the file.
 * This reader takes only that shape, where the YAML meaning is unambiguous, and returns undefined
 * for anything else (quotes, block values, anchors, numbers, comments on their own line, tabs…),
 * so the caller falls back to the full parser. Both must agree wherever this one answers: see
 * test/unit/simpleYaml.test.ts.
 */
export function readSimpleBlock(source: string, offset: number): YamlEntry[] | undefined {
  // YAML keeps a last line's lone `\r` in its value: rare enough to leave to the full parser.
  if (source.endsWith('\r')) return undefined;
  const entries: YamlEntry[] = [];
  const keys = new Set<string>();
  for (let lineStart = 0; lineStart < source.length; ) {
    const start = lineStart;
    let lineEnd = source.indexOf('\n', start);
    if (lineEnd === -1) lineEnd = source.length;
    lineStart = lineEnd + 1;
    const line = lineEnd > start && source.charCodeAt(lineEnd - 1) === 13 ? source.slice(start, lineEnd - 1) : source.slice(start, lineEnd);
    // Blank lines separate nothing in a block map; the block also starts with the opening line's break.
    if (/^ *$/.test(line)) continue;
    const entry = readLine(line, offset + start);
    if (!entry || keys.has(entry.key)) return undefined;
    keys.add(entry.key);
    entries.push(entry);
  }
  return entries.length > 0 ? entries : undefined;
}

const KEY_VALUE = /^([A-Za-z][A-Za-z0-9_-]*):( +)(\S.*)$/;

function readLine(line: string, at: number): YamlEntry | undefined {
  // Tabs, no-break and other exotic spaces: YAML and String.trim disagree on what they are.
  if (/[^\S ]/.test(line)) return undefined;
  const m = KEY_VALUE.exec(line);
  if (!m) return undefined;
  const key = m[1] ?? '';
  const valueStart = key.length + 1 + (m[2] ?? '').length;
  const rest = m[3] ?? '';
  const value = rest.startsWith('[') ? readFlowList(rest, at + valueStart) : readPlain(rest, at + valueStart, false);
  return value ? { key, keyStart: at, end: value.end, value } : undefined;
}

/** A plain scalar that the core schema reads as a string: it starts with a letter and is not a keyword. */
function readPlain(text: string, at: number, inList: boolean): Extract<YamlValue, { kind: 'scalar' }> | undefined {
  // ` #` starts a comment; what is before it is the value.
  const comment = text.indexOf(' #');
  // Trailing spaces cut by a loop: `/ +$/` retried from every space of a long run inside the value.
  let value = comment === -1 ? text : text.slice(0, comment);
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  value = value.slice(0, end);
  if (!value || !isPlainString(value, inList)) return undefined;
  return { kind: 'scalar', value, start: at, end: at + value.length };
}

const KEYWORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isPlainString(value: string, inList: boolean): boolean {
  const first = value.charCodeAt(0);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!(letter || (first >= 48 && first <= 57 && ISO_DATE.test(value))) || KEYWORDS.has(value)) return false;
  // `a: b` inside a value is a nested map (an error) and a trailing `:` a key: not plain text.
  if (value.includes(': ') || value.endsWith(':')) return false;
  // In a flow list, these end or nest the item.
  return !inList || !/[,[\]{}#]/.test(value);
}

/** `[a, b c]` on one line, each item a plain string. */
function readFlowList(text: string, at: number): YamlValue | undefined {
  const close = text.indexOf(']');
  if (close === -1) return undefined;
  const after = text.slice(close + 1);
  if (after.trim() !== '' && !/^ +#/.test(after)) return undefined;
  const inner = text.slice(1, close);
  const items: YamlValue[] = [];
  if (inner.trim() !== '') {
    let itemStart = 1;
    for (const part of inner.split(',')) {
      const trimmed = part.trim();
      const lead = trimmed === '' ? 0 : part.indexOf(trimmed.charAt(0));
      const item = trimmed === '' ? undefined : readPlain(part.slice(lead), at + itemStart + lead, true);
      // `[a, ]` and `[a,,b]` are not the simple shape.
      if (!item || item.value !== trimmed) return undefined;
      items.push(item);
      itemStart += part.length + 1;
    }
  }
  return { kind: 'seq', items, start: at, end: at + close + 1 };
}
