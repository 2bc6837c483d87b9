import type { AdrRolesConfig, Role } from './config';
import { LineIndex } from './lineIndex';
import type { Decision, Problem } from './model';
import { lineBreakOf, type TextEdit } from './textEdit';

export interface Fix {
  title: string;
  /** The one fix to apply when the user asks for "the" fix. */
  preferred: boolean;
  edits: TextEdit[];
}

export interface FixContext {
  text: string;
  decision: Decision;
  config: AdrRolesConfig;
  /** ISO date of today, passed in so the core stays pure and testable. */
  today: string;
}

/** `CTO (strategy)`: how a role is offered in quick fixes and pickers. */
export function roleTitle(role: Role): string {
  return role.kind && role.kind !== 'other' ? `${role.label} (${role.kind})` : role.label;
}

/** Fields after which `owner:` reads naturally, in order of preference. */
const OWNER_AFTER = ['date', 'status'];

/** Quick fixes for one problem, as minimal text edits: only the line they change. */
export function fixesFor(problem: Problem, context: FixContext): Fix[] {
  switch (problem.code) {
    case 'missing-owner':
      return context.config.roles.map((role, i) => ({
        title: `Set owner: ${roleTitle(role)}`,
        preferred: i === 0 && context.config.roles.length === 1,
        edits: [setField(context.text, context.decision, 'owner', role.id, OWNER_AFTER)],
      }));
    case 'unknown-owner':
      return context.config.roles.map((role) => ({
        title: `Change owner to ${role.id} (${role.label})`,
        preferred: false,
        edits: [{ range: problem.range, newText: role.id }],
      }));
    case 'invalid-date':
      return [{ title: `Set ${typeof problem.data?.key === 'string' ? problem.data.key : 'date'} to today (${context.today})`, preferred: true, edits: [{ range: problem.range, newText: context.today }] }];
    default:
      return [];
  }
}

/**
 * Adds or replaces one frontmatter field with a single-line edit. A file without frontmatter gets
 * one at the top; the rest of the file stays byte-for-byte.
 */
export function setField(text: string, decision: Decision, key: string, value: string, after: readonly string[] = []): TextEdit {
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  const existing = findFieldLine(lines, decision, key);
  if (existing !== -1) {
    return { range: lines.lineRange(existing), newText: `${key}: ${value}` };
  }
  if (!decision.frontmatter) {
    const start = lines.positionAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
    return { range: { start, end: start }, newText: `---${eol}${key}: ${value}${eol}---${eol}` };
  }
  let insertAfter = decision.frontmatter.range.start.line;
  for (const field of after) {
    const line = findFieldLine(lines, decision, field);
    if (line !== -1) {
      insertAfter = line;
      break;
    }
  }
  const at = { line: insertAfter, character: lines.lineText(insertAfter).length };
  return { range: { start: at, end: at }, newText: `${eol}${key}: ${value}` };
}

/** The line of a top-level `key:` in the frontmatter, or -1. */
function findFieldLine(lines: LineIndex, decision: Decision, key: string): number {
  const block = decision.frontmatter?.range;
  if (!block) return -1;
  const pattern = new RegExp(`^${key.replace(/[-]/g, '[-_ ]')}[ \\t]*:`, 'i');
  for (let line = block.start.line + 1; line < block.end.line; line++) if (pattern.test(lines.lineText(line))) return line;
  return -1;
}

/** Applies edits to a text: used by tests, the CLI and anyone without an editor. Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
