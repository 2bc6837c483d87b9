import type { Problem, Severity } from '../model';
import { docsUrl, PROBLEM_CODES } from '../problemCodes';
import { guardLineStarts, plainText, visibleControls, visibleTerminalControls } from './plainText';
import { lookupTable } from '../read/lookup';

/** A problem and the file it is in, as the CLI reports it (the path relative to where it ran, `/`-separated). */
export interface FileProblem extends Problem {
  file: string;
}

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** What the tool is, for SARIF's `tool.driver`. */
export interface ToolInfo {
  version: string;
  informationUri: string;
}

/** Reported by the CLI only, so it is not among the editor's codes; SARIF still needs its rule. */
const CLI_ONLY_CODES: Readonly<Record<string, { severity: Severity; summary: string }>> = lookupTable({
  'unreadable-file': { severity: 'error', summary: 'A decision file was listed but could not be read.' },
});

const ALL_CODES: Readonly<Record<string, { severity: Severity; summary: string }>> = lookupTable({ ...PROBLEM_CODES, ...CLI_ONLY_CODES });

export function formatLintResults(problems: readonly FileProblem[], format: LintFormat, options: { colour: boolean; tool: ToolInfo }): string {
  if (format === 'json') return `${JSON.stringify(problems.map(jsonProblem), null, 2)}\n`;
  if (format === 'sarif') return `${JSON.stringify(sarifLog(problems, options.tool), null, 2)}\n`;
  if (format === 'github') return githubAnnotations(problems);
  return stylish(problems, options.colour);
}

function jsonProblem(p: FileProblem): Record<string, unknown> {
  return {
    file: p.file,
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    code: p.code,
    severity: p.severity,
    message: p.message,
  };
}

const COLOURS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function stylish(problems: readonly FileProblem[], colour: boolean): string {
  const paint = (text: string, code: string): string => (colour ? `${code}${text}\x1b[0m` : text);
  const out: string[] = [];
  const byFile = new Map<string, FileProblem[]>();
  // Pushed, not copied: a copy per problem made a file with 50,000 broken relations quadratic.
  for (const p of problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  for (const [file, list] of byFile) {
    out.push(paint(plainText(file), '\x1b[4m'));
    for (const p of list) {
      const where = `${p.range.start.line + 1}:${p.range.start.character + 1}`;
      out.push(`  ${where.padEnd(7)} ${paint(p.severity.padEnd(7), COLOURS[p.severity] ?? '')}  ${plainText(p.message)}  ${paint(plainText(p.code), '\x1b[2m')}`);
    }
    out.push('');
  }
  const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const count = (...severities: string[]): number => problems.filter((p) => severities.includes(p.severity)).length;
  const parts = [counted(count('error'), 'error'), counted(count('warning'), 'warning'), counted(count('info', 'hint'), 'info')].filter((part) => !part.startsWith('0 '));
  out.push(problems.length === 0 ? 'No problems.' : `${counted(problems.length, 'problem')} (${parts.join(', ')})`);
  return guardLineStarts(`${out.join('\n')}\n`);
}

/** SARIF has no hint or info level: both are notes. */
function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' || severity === 'warning' ? severity : 'note';
}

/** `docs/my decisions/0001.md` → `docs/my%20decisions/0001.md`: SARIF locations are URI references. */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * A SARIF 2.1.0 log for code scanning: one rule per problem code (all of them, so a result's
 * `ruleIndex` is stable between runs) and one result per problem with 1-based line and column;
 * SARIF's `endColumn`, like our ranges' end, points just past the last character.
 */
export function sarifLog(problems: readonly FileProblem[], tool: ToolInfo): Record<string, unknown> {
  const codes = [...new Set([...Object.keys(ALL_CODES), ...problems.map((p) => p.code)])];
  const rules = codes.map((code) => {
    const known = ALL_CODES[code];
    return {
      id: code,
      name: code
        .split('-')
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(''),
      shortDescription: { text: known?.summary ?? code },
      helpUri: docsUrl(code),
      defaultConfiguration: { level: sarifLevel(known?.severity ?? 'warning') },
    };
  });
  const results = problems.map((p) => ({
    ruleId: p.code,
    ruleIndex: codes.indexOf(p.code),
    level: sarifLevel(p.severity),
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(p.file) },
          region: {
            startLine: p.range.start.line + 1,
            startColumn: p.range.start.character + 1,
            endLine: p.range.end.line + 1,
            endColumn: p.range.end.character + 1,
          },
        },
      },
    ],
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'adr-roles', version: tool.version, informationUri: tool.informationUri, rules } }, results }],
  };
}

/**
 * GitHub's escaping of a workflow command's message; controls from a file (ESC, which would reach
 * the log viewer as a terminal sequence, and bidi overrides) are written as visible escapes first.
 */
export function escapeData(text: string): string {
  return runnerEscapes(visibleControls(text));
}

function runnerEscapes(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/**
 * A property value is escaped further: `:` and `,` separate the properties themselves. The runner
 * decodes `%0D %0A %3A %2C` and then `%25`, which gives back exactly this text. A property is a
 * path or a code the runner looks up, so only what a terminal acts on becomes a visible escape: a
 * zero-width or other format character in a file's name is kept, or the annotation would name a
 * file that does not exist.
 */
export function escapeProperty(text: string): string {
  return runnerEscapes(visibleTerminalControls(text)).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `::warning file=…,line=…::message`, one per problem: annotations on the pull request's diff. */
export function githubAnnotations(problems: readonly FileProblem[]): string {
  return problems
    .map((p) => {
      const command = p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'notice';
      const properties = [
        `file=${escapeProperty(p.file)}`,
        `line=${p.range.start.line + 1}`,
        `col=${p.range.start.character + 1}`,
        `endLine=${p.range.end.line + 1}`,
        `endColumn=${p.range.end.character + 1}`,
        `title=${escapeProperty(p.code)}`,
      ];
      return `::${command} ${properties.join(',')}::${escapeData(p.message)}\n`;
    })
    .join('');
}

/** `--quiet` keeps errors only; `--max-warnings` counts what is left. Exit 1 on any error or too many warnings. */
export function lintOutcome(problems: readonly FileProblem[], options: { quiet: boolean; maxWarnings: number | undefined }): { shown: FileProblem[]; exitCode: 0 | 1; tooManyWarnings: boolean } {
  const shown = options.quiet ? problems.filter((p) => p.severity === 'error') : [...problems];
  const warnings = shown.filter((p) => p.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return { shown, exitCode: shown.some((p) => p.severity === 'error') || tooManyWarnings ? 1 : 0, tooManyWarnings };
}
