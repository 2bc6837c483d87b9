import { relative } from 'node:path';
import { lintDecision } from '../core/lint';
import type { Problem } from '../core/model';
import { loadFolders } from '../core/workspace';
import { nodeFileSystem } from './nodeFileSystem';
import { resolveTargets, UsageError } from './targets';

interface FileProblem extends Problem {
  file: string;
}

export const LINT_FORMATS = ['stylish', 'json'] as const;

/** Exit code 1 when any problem is an error, 0 otherwise. */
export async function lintCommand(dirs: string[], options: { format: string }): Promise<number> {
  if (!(LINT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`unknown format '${options.format}': use ${LINT_FORMATS.join(' or ')}`);
  }
  const { folders, discovery } = await resolveTargets(dirs);
  const { catalog, unreadable } = await loadFolders(nodeFileSystem, folders);
  const found: FileProblem[] = [];
  if (discovery.configFile) found.push(...discovery.configProblems.map((p) => ({ ...p, file: discovery.configFile ?? '' })));
  for (const log of catalog.folders()) {
    for (const decision of log.decisions()) {
      found.push(...lintDecision(decision, log, discovery.config).map((p) => ({ ...p, file: decision.file })));
    }
  }
  for (const file of unreadable) {
    found.push({ file, code: 'unreadable-file', severity: 'error', message: 'the file could not be read', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  }
  const shown = found.map((p) => ({ ...p, file: relative('.', p.file) || p.file }));
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(shown.map(jsonProblem), null, 2)}\n` : stylish(shown, process.stdout.isTTY === true));
  return found.some((p) => p.severity === 'error') ? 1 : 0;
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

function stylish(problems: FileProblem[], colour: boolean): string {
  const paint = (text: string, code: string): string => (colour ? `${code}${text}\x1b[0m` : text);
  const out: string[] = [];
  const byFile = new Map<string, FileProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const [file, list] of byFile) {
    out.push(paint(file, '\x1b[4m'));
    for (const p of list) {
      const where = `${p.range.start.line + 1}:${p.range.start.character + 1}`;
      out.push(`  ${where.padEnd(7)} ${paint(p.severity.padEnd(7), COLOURS[p.severity] ?? '')}  ${p.message}  ${paint(p.code, '\x1b[2m')}`);
    }
    out.push('');
  }
  const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const count = (...severities: string[]): number => problems.filter((p) => severities.includes(p.severity)).length;
  const parts = [counted(count('error'), 'error'), counted(count('warning'), 'warning'), counted(count('info', 'hint'), 'info')].filter((part) => !part.startsWith('0 '));
  out.push(problems.length === 0 ? 'No problems.' : `${counted(problems.length, 'problem')} (${parts.join(', ')})`);
  return `${out.join('\n')}\n`;
}
