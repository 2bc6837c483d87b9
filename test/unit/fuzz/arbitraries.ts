// Generators for fuzzing the pure core: decision texts in every shape the parser meets, from real
// fixtures mutated line by line to random bytes, broken YAML, deep nesting and huge lines.
import fc from 'fast-check';
import type { AdrRolesConfig } from '../../../src/core/workspace/config';
import { defaultConfig, readConfig } from '../../../src/core/workspace/config';
import { isDecisionFileName } from '../../../src/core/workspace/discovery';
import { fixtureFiles, fixtureText } from '../helpers';

/** Every real-format seed document: MADR 2/3/4, adr-tools, log4brains, custom frontmatter and the odd shapes. */
export const FIXTURE_TEXTS: readonly string[] = ['madr2', 'madr3', 'madr4', 'nygard', 'log4brains', 'custom', 'odd'].flatMap((folder) =>
  fixtureFiles(folder).map((file) => fixtureText(file)),
);

// ---------------------------------------------------------------------------------------------
// Characters and tokens

/** Code units and sequences that trip text handling: NUL, lone surrogates, U+FFFD, BOM, CR, LS. */
const NASTY_CHARS = ['\0', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\uFEFF', '\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\u00A0', '\t', '\v', '\f', '\u200B', '😀', 'é', 'ß', 'İ', '\u0301'];

/** Pieces of markdown and YAML syntax, so random soup often forms (almost) meaningful structure. */
const SYNTAX_TOKENS = [
  '---', '---js', '...', '#', '# ', '## ', '## Status', '###### ', '>', '> ', '* ', '- ', '+ ', '1. ', '1) ', ':', ': ', '[', ']', '{', '}', '(', ')',
  '`', '```', '~~~', '<!--', '-->', '|', '>-', '&a ', '*a', '<<: ', '!!js/function ', '!!binary ', '? ', '"', "'", '\\', '%YAML 1.2', '@', '==', '--',
  '**', '__', 'status', 'owner', 'date', 'Date: ', 'Status: ', 'accepted', 'proposed', 'overridden', 'superseded by', 'Supersedes', 'Superceded by',
  'cto', 'hoe', 'ADR-0001', 'ADR-0002', 'ADR 3', '0003', '0004-x.md', '[2. X](0002-x.md)', '[ADR-0001](0001-a.md)', '2021-02-30', '2021-01-01',
  'overrides: ', 'trigger: ', 'new-resource', 'id: ', 'title: ', '{ accepted }', '{proposed | accepted}', 'Title', 'x', ' ', '  ', '    ',
];

const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX_TOKENS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) },
);

/** Token soup: random sequences of syntax pieces and troublesome characters. */
export const soup = (maxLength = 60): fc.Arbitrary<string> => fc.array(unit, { maxLength }).map((parts) => parts.join(''));

/** A single line (no line break) of soup. */
const soupLine = soup(12).map((s) => s.replace(/[\r\n]/g, ' '));

/** Random code units, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });

/** Random bytes, decoded as an editor or `readFile(…, 'utf8')` would (invalid sequences become U+FFFD), or as Latin-1. */
const decodedBytes = fc
  .tuple(fc.uint8Array({ maxLength: 300 }), fc.boolean())
  .map(([bytes, utf8]) => (utf8 ? new TextDecoder('utf-8').decode(bytes) : String.fromCharCode(...bytes)));

export const randomText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: soup(120) },
  { weight: 1, arbitrary: codeUnits },
  { weight: 1, arbitrary: decodedBytes },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

// ---------------------------------------------------------------------------------------------
// YAML frontmatter, valid and broken

const KEYS = [
  'status', 'date', 'owner', 'decision-makers', 'deciders', 'consulted', 'informed', 'overrides', 'overridden-by', 'supersedes', 'superseded-by',
  'superceded-by', 'replaces', 'amends', 'trigger', 'trigger-detail', 'elevated-from', 'elevated-on', 'id', 'adr', 'title', 'authors', 'tags',
  'Status', 'Owner', 'decisionMakers', 'elevatedFrom', 'elevated_on', 'last-updated', 'relates-to',
];

const REF_VALUES = ['ADR-0001', 'ADR-0002', 'ADR-0003', 'ADR-0004', 'ADR 5', '6', '0002-b.md', '[ADR-0001](0001-a.md)', '[3. C](0003-c.md)', 'ADR-0099', 'missing'];

const SCALAR_VALUES = [
  'accepted', 'proposed', 'rejected', 'deprecated', 'overridden', 'superseded', 'draft', 'Accepted', 'superseded by ADR-0003',
  'cto', 'hoe', 'CTO', 'Head of Engineering', 'nobody', 'founder', '2021-01-01', '2021-02-30', '2021-13-01', 'someday', '2020/03/04', '1999-12-31T10:00:00Z',
  'new-resource', 'new-requirement', 'budget', '{ accepted }', '{proposed | rejected | accepted}', '[proposed | accepted]', '{ }', '{}', '[]', '',
  '"quoted: colon"', "'single # not a comment'", '"unterminated', "'unterminated", 'ADR001: Event log', 'a: b: c', 'x # comment', '#', '&a anchored',
  '*a', '*undefined', '!!js/function "function () { return 1 }"', '!!js/undefined', '!!binary aGVsbG8=', '!custom tag', '!!str 12', '!!int x', '|', '>', '|-', '>+2',
  '[', '{', ']', '}', '[a, b', '{a: 1', 'null', '~', 'true', 'no', '12', '0x1F', '1e3', '.inf', '- item', '? q', '@at', '`tick', '%percent',
  '[ADR-0001, ADR-0002]', '[cto, hoe]', '[[nested]]', '{a: {b: c}}',
];

const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: soupLine });
const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SCALAR_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...REF_VALUES) },
  { weight: 1, arbitrary: soupLine },
);

/** Nesting a parser may recurse on: `[[[[`, `{a: {a: …`, `- - - -`, each closed or left open. */
const deepYaml = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('seq', 'map', 'dashes', 'blockmap'), fc.boolean()).map(([depth, shape, closed]) => {
  switch (shape) {
    case 'seq':
      return `key: ${'['.repeat(depth)}x${closed ? ']'.repeat(depth) : ''}`;
    case 'map':
      return `key: ${'{a: '.repeat(depth)}x${closed ? '}'.repeat(depth) : ''}`;
    case 'dashes':
      return `key:\n  ${'- '.repeat(depth)}x`;
    default:
      return Array.from({ length: Math.min(depth, 120) }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' leaf';
  }
});

const yamlLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}:${v}`) },
  { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => `"${k}": ${v}`) },
  { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => `'${k}' : ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, value).map(([k, v]) => `\t${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 5 }), key, value).map(([n, k, v]) => `${' '.repeat(n)}${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, fc.array(value, { minLength: 1, maxLength: 3 })).map(([k, vs]) => `${k}:\n${vs.map((v) => `  - ${v}`).join('\n')}`) },
  { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}:\n  sub: ${v}`) },
  { weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('|', '>', '|-', '>+'), value).map(([k, style, v]) => `${k}: ${style}\n  ${v}\n  more`) },
  { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: &a ${v}\nother: *a`) },
  { weight: 1, arbitrary: fc.constantFrom('<<: *a', 'base: &base\n  owner: cto\n<<: *base', '<<: {owner: hoe}', '? complex key\n: complex value', '- just an item', '# comment', '...', '%YAML 1.2', '--- ', 'key: value\n---\nsecond: doc') },
  { weight: 1, arbitrary: deepYaml },
  { weight: 1, arbitrary: soupLine },
);

const OPENERS = ['---', '---', '---', '---', '---yaml', '--- yaml', '---js', '---javascript', '---coffee', '---json', '---toml', '--- ', '---\t', '<!-- SPDX-License-Identifier: MIT -->\n---', '\n\n---', '----', '--', ' ---'];
const CLOSERS = ['---', '---', '---', '---', '--- ', '---js', '...', '-----', ' ---', '', '--'];

/** A frontmatter block: its opener, 0–8 field lines, then a closer (or none: never closed). */
export const frontmatter: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...OPENERS), fc.array(yamlLine, { maxLength: 8 }), fc.option(fc.constantFrom(...CLOSERS), { freq: 6 }))
  .map(([open, lines, close]) => [open, ...lines, ...(close === null ? [] : [close])].join('\n'));

// ---------------------------------------------------------------------------------------------
// Markdown bodies

// A byte-order mark comes from `synthetic`, at the file's start only: one moved inside a YAML block
// is content there, and the `yaml` package reads it as a BOM only at the block's very start.
const TITLES = ['# Use X', '# 12. Use Y', '# 3. Z', '# ADR-0004: Four', '#', '# ', '#\tTab', '# [Link](0001-a.md) title', '####### too deep', 'Setext title\n============', 'Setext two\n---', '  # indented', '# Title #'];

const bulletLine = fc
  .tuple(fc.constantFrom('* ', '- ', '+ ', ''), fc.constantFrom('', '**', '__'), fc.constantFrom('Status', 'Date', 'Deciders', 'Owner', 'Decision Makers', 'Superseded by', 'Overrides', 'Last updated', 'Consulted', 'Informed'), fc.oneof(value, fc.constantFrom(...REF_VALUES)))
  .map(([marker, bold, k, v]) => `${marker}${bold}${k}:${bold} ${v}`);

const STATUS_LINES = ['Accepted', 'Proposed', 'Superseded by [2. B](0002-b.md)', 'Supersedes [1. A](0001-a.md)', 'Superceded by [3. C](0003-c.md)', 'Amends [4. D](0004-d.md)', 'Overridden by [ADR-0005](0005-e.md)', 'Overrides [1. A](0001-a.md)', 'Deprecated', 'Accepted <!-- comment -->', '<!-- only a comment -->', 'Relates to [ADR-0002](0002-b.md)', 'Superseded by [nothing]()', 'Supersedes [x](<0002 b.md>)'];

const statusSection = fc
  .tuple(fc.constantFrom('## Status', '## status', '### Status:', '## **Status**', 'Status\n------'), fc.array(fc.oneof(fc.constantFrom(...STATUS_LINES), soupLine), { maxLength: 4 }))
  .map(([heading, lines]) => [heading, '', ...lines.flatMap((l) => [l, ''])].join('\n'));

/** `> > > >` quotes, nested lists and headings inside containers: remark recurses, the scan must not be fooled. */
const deepMarkdown = fc.tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom('quote', 'list', 'ordered', 'dashline', 'quotelist', 'headings')).map(([depth, shape]) => {
  switch (shape) {
    case 'quote':
      return `${'> '.repeat(depth)}# Quoted\n${'>'.repeat(depth)} Status: accepted`;
    case 'list':
      // Each level indents two more columns, so the text grows with the square of the depth: kept shallow.
      return Array.from({ length: Math.min(depth, 60) }, (_, i) => `${'  '.repeat(i)}- Status: level ${i}`).join('\n');
    case 'ordered':
      return Array.from({ length: Math.min(depth, 40) }, (_, i) => `${'   '.repeat(i)}1. item`).join('\n');
    case 'dashline':
      return `${'- '.repeat(depth)}# Heading in a list`;
    case 'quotelist':
      return `${'> - '.repeat(depth)}x\n## Status\n\nAccepted`;
    default:
      return Array.from({ length: depth }, (_, i) => `${'#'.repeat((i % 7) + 1)} H${i}`).join('\n');
  }
});

const bodyBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('## Context and Problem Statement', '## Context', '## Decision', '## Consequences', 'Some prose.', 'Date: 2020-01-01', 'See ADR-0002 and [B](0002-b.md).', '') },
  { weight: 3, arbitrary: bulletLine },
  { weight: 2, arbitrary: statusSection },
  { weight: 1, arbitrary: fc.constantFrom('```\n## Status\nAccepted\n```', '```yaml\nstatus: accepted\n', '~~~\n# not a heading\n~~~', '<!--\n## Status\n-->', '<!-- Status: x -->', '    ## indented code', '<div>\n## Status\n</div>', '| a | b |\n|---|---|\n| Status: | x |') },
  { weight: 1, arbitrary: deepMarkdown },
  { weight: 1, arbitrary: soupLine },
);

const body = fc.tuple(fc.constantFrom(...TITLES), fc.array(bodyBlock, { maxLength: 8 })).map(([title, blocks]) => [title, '', ...blocks].join('\n'));

// ---------------------------------------------------------------------------------------------
// Line ends, mutations and the document arbitrary

type LineEnd = 'lf' | 'crlf' | 'mixed' | 'cr';
const lineEnd = fc.constantFrom<LineEnd>('lf', 'lf', 'lf', 'crlf', 'crlf', 'mixed', 'cr');

function withLineEnds(text: string, style: LineEnd, seed: number): string {
  if (style === 'lf') return text;
  if (style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (style === 'cr') return text.replace(/\r?\n/g, '\r');
  let i = seed;
  return text.replace(/\r?\n/g, () => (++i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r'));
}

/** A structured decision in one of the formats: frontmatter and/or bullets, adr-tools' Status section. */
const synthetic = fc
  .tuple(fc.option(frontmatter, { freq: 3 }), body, fc.boolean(), lineEnd, fc.nat())
  .map(([fm, md, bom, style, seed]) => withLineEnds(`${bom ? '\uFEFF' : ''}${fm === null ? '' : `${fm}\n`}${md}\n`, style, seed));

/** One edit to a text, in the spirit of a mutation fuzzer; positions are taken modulo the text. */
type Mutation =
  | { kind: 'insertLine' | 'replaceLine'; at: number; line: string }
  | { kind: 'deleteLine' | 'duplicateLine' | 'indentLine'; at: number }
  | { kind: 'swapLines'; at: number; other: number }
  | { kind: 'inject'; at: number; text: string }
  | { kind: 'deleteChars'; at: number; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'lineEnds'; style: LineEnd; seed: number }
  | { kind: 'bom' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insertLine' as const, 'replaceLine' as const), at: fc.nat(), line: fc.oneof(yamlLine, bulletLine, soupLine, fc.constantFrom(...STATUS_LINES, ...TITLES, '---', '')) }),
  fc.record({ kind: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const, 'indentLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: soup(6) }),
  fc.record({ kind: fc.constant('deleteChars' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('lineEnds' as const), style: lineEnd, seed: fc.nat() }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

export function applyMutation(text: string, m: Mutation): string {
  // A byte-order mark belongs to the file, not its first line: line edits leave it first, as an editor does.
  if (text.charCodeAt(0) === 0xfeff && (m.kind.endsWith('Line') || m.kind === 'swapLines')) {
    return `\uFEFF${applyMutation(text.slice(1), m)}`;
  }
  const lines = text.split('\n');
  const lineAt = (n: number): number => n % lines.length;
  switch (m.kind) {
    case 'insertLine':
      lines.splice(m.at % (lines.length + 1), 0, m.line);
      return lines.join('\n');
    case 'replaceLine':
      lines[lineAt(m.at)] = m.line;
      return lines.join('\n');
    case 'deleteLine':
      lines.splice(lineAt(m.at), 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(lineAt(m.at), 0, lines[lineAt(m.at)] ?? '');
      return lines.join('\n');
    case 'indentLine':
      lines[lineAt(m.at)] = `  ${lines[lineAt(m.at)] ?? ''}`;
      return lines.join('\n');
    case 'swapLines': {
      const a = lineAt(m.at);
      const b = lineAt(m.other);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'inject': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'deleteChars': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.count);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'lineEnds':
      return withLineEnds(text, m.style, m.seed);
    case 'bom':
      return `\uFEFF${text}`;
  }
}

const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([text, ms]) => ms.reduce(applyMutation, text));

const fixture = fc.constantFrom(...FIXTURE_TEXTS);

/** A line of 100 000 characters or more, somewhere in a decision: kept rare, so runs stay fast. */
const hugeLine = fc
  .tuple(fc.integer({ min: 100_000, max: 160_000 }), fc.constantFrom('a', 'x ', '[', '{a: ', '- ', '> ', '#', ' ', 'é😀', '\uD800', ':', '`'), fc.constantFrom('plain', 'frontmatter-value', 'title', 'status', 'frontmatter-key'), fixture)
  .map(([length, piece, where, base]) => {
    const line = piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
    switch (where) {
      case 'frontmatter-value':
        return `---\nstatus: accepted\nowner: ${line}\n---\n# Huge owner\n`;
      case 'frontmatter-key':
        // Not a comment: a block of comments only is skipped as empty, so the first field a fix adds
        // would bring its 100 KB to the size-limited YAML reader and its warning.
        return `---\n${line.startsWith('#') ? `k${line.slice(1)}` : line}: x\n---\n# Huge key\n`;
      case 'title':
        return `# ${line}\n\n${base}`;
      case 'status':
        return `# 1. Huge status\n\n## Status\n\n${line}\n`;
      default:
        return `${base}\n${line}\n`;
    }
  });

/** A decision text: the mix every property draws from (about one in 200 has a huge line). */
export const decisionText: fc.Arbitrary<string> = fc.oneof(
  { weight: 60, arbitrary: synthetic },
  { weight: 40, arbitrary: mutated(fixture) },
  { weight: 20, arbitrary: fixture },
  { weight: 30, arbitrary: mutated(synthetic) },
  { weight: 20, arbitrary: randomText },
  { weight: 10, arbitrary: fc.tuple(frontmatter, randomText).map(([fm, rest]) => `${fm}\n${rest}`) },
  { weight: 10, arbitrary: deepMarkdown },
  { weight: 10, arbitrary: fc.tuple(deepYaml, body).map(([y, md]) => `---\n${y}\n---\n${md}`) },
  { weight: 1, arbitrary: hugeLine },
);

// ---------------------------------------------------------------------------------------------
// Files, logs and configurations

const SLUGS = ['a', 'b', 'c', 'use-x', 'send-events', 'x'];

/** A decision's path: mostly numbered files in one folder, so relations resolve and numbers collide. */
export const decisionFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...SLUGS)).map(([n, slug]) => `d/${String(n).padStart(4, '0')}-${slug}.md`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('d/adr-012.md', 'd/ADR-7-use-flags.md', 'd/adr013-x.md', 'd/20200925-use-log4brains.md', 'd/README.md', 'd/.md', 'd/0000.md', 'd/99999999999999999999-x.md', 'd/0003 with space.md', 'd/ünï-😀.md', 'd/1.md', 'd/0002-b.markdown', 'd/0002-B.md'),
  },
  { weight: 1, arbitrary: soup(8).map((s) => `d/${s.replace(/\//g, '_')}.md`) },
);

export interface Doc {
  file: string;
  text: string;
}

/**
 * A path discovery lists as a decision: not `.md`, `_x.md` or a README; well-formed Unicode (a
 * lone surrogate cannot come from a UTF-8 file system); without control characters (NUL cannot
 * be in a path; a line break in a file name is not supported), without blanks
 * around its stem (references are trimmed, so ` x.md` cannot be named) and without a markdown
 * link inside (`[2. X](0002-x.md).md` reads as a link to 0002-x.md wherever it is named).
 */
export const listedFile = decisionFile.filter((file) => {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const stem = name.replace(/\.(md|markdown)$/i, '');
  return isDecisionFileName(name) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name) && stem.trim() !== '' && stem.trim() === stem && !/[\u0000-\u001f\u007f\u0085\u2028\u2029]|\]\(/.test(name);
});

/** 1–4 decisions of one folder, at distinct paths. */
export const decisionLog: fc.Arbitrary<Doc[]> = fc.uniqueArray(fc.record({ file: listedFile, text: decisionText }), { minLength: 1, maxLength: 4, selector: (d) => d.file });

/** The default roles, and a repository with renamed roles, a third role and changed severities. */
export const CONFIGS: readonly { name: string; config: AdrRolesConfig }[] = [
  { name: 'default', config: defaultConfig() },
  {
    name: 'custom',
    config: readConfig(
      [
        'roles:',
        '  - { id: founder, label: Founder, kind: strategy }',
        '  - { id: eng-lead, label: Engineering Lead, kind: execution }',
        '  - { id: pm, label: Head of Product, kind: other }',
        'rules:',
        '  missing-owner: error',
        '  unknown-owner: hint',
        '  invalid-date: off',
        '  relation-cycle: info',
      ].join('\n'),
    ).config,
  },
];

export type ConfigChoice = (typeof CONFIGS)[number];

export const configChoice: fc.Arbitrary<ConfigChoice> = fc.constantFrom(...CONFIGS);

// ---------------------------------------------------------------------------------------------
// `.adr-roles.yml`

const configLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('roles:', 'rules:', 'folders:', 'template: madr', 'template: nygard', 'template: log4brains', 'template:', 'format: nygard', 'format: madr2', 'format: [x]', 'format: rst', 'template: [x]', 'folders: docs/adr', 'folders: [a, b, ""]', 'roles: cto', 'rules: [x]', 'unknown: 1', 'Roles:') },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom('  - ', '    ', '  ', '\t', '- '), fc.constantFrom('id: cto', 'id:', 'label: CTO', 'kind: strategy', 'kind: boss', '{ id: a, label: A, kind: execution }', '{ id: , kind: other }', '{id: [x]}', 'description: d', '"x"', 'docs/decisions', '[nested, [list]]', '!!js/function f', '*a', '&a x', 'missing-owner: error', 'missing-owner: loud', 'no-such-rule: off', 'unknown-owner: OFF', 'invalid-date: [off]', 'relation-cycle:', '<<: *a')).map(([i, s]) => `${i}${s}`),
  },
  { weight: 1, arbitrary: deepYaml },
  { weight: 1, arbitrary: soupLine },
);

export const configText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.array(configLine, { maxLength: 12 }), lineEnd, fc.nat()).map(([lines, style, seed]) => withLineEnds(lines.join('\n'), style, seed)) },
  { weight: 1, arbitrary: randomText },
  { weight: 1, arbitrary: fc.array(yamlLine, { maxLength: 8 }).map((lines) => lines.join('\n')) },
);
