import type { Decision, Problem, Range } from '../model';
import { LineIndex } from './lineIndex';
import { parseDecision, type ParseOptions } from './parse';

/**
 * Files over this size are listed but not read. Decisions are a few kilobytes; a larger `.md`
 * in a decision folder is most likely generated or misplaced, and reading it costs every start.
 */
export const DEFAULT_MAX_FILE_KB = 1024;

export interface ReadLimits {
  maxFileBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: DEFAULT_MAX_FILE_KB * 1024 };

/** The limits for a size in KB as a user wrote it; anything but a positive number means the default. */
export function readLimitsOf(maxFileKb: unknown): ReadLimits {
  return typeof maxFileKb === 'number' && Number.isFinite(maxFileKb) && maxFileKb > 0 ? { maxFileBytes: Math.round(maxFileKb * 1024) } : DEFAULT_READ_LIMITS;
}

/** A file in a decision folder that is not read as a decision, and the problem that says why. */
export interface SkippedFile {
  file: string;
  problem: Problem;
}

export type Admission = { decision: Decision } | { skipped: SkippedFile };

/** Git's test for binary content: a NUL in the first 8,000 characters. */
const BINARY_PROBE_CHARS = 8000;
const REPLACEMENT_CHARACTER = '\uFFFD';
const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function skipped(file: string, code: 'file-skipped' | 'unreadable-file', message: string, range = FILE_START): SkippedFile {
  return { file, problem: { code, severity: code === 'file-skipped' ? 'info' : 'error', message, range } };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function tooLarge(file: string, bytes: number, limits: ReadLimits): SkippedFile {
  return skipped(
    file,
    'file-skipped',
    `This file is ${sizeText(bytes)}, over the ${sizeText(limits.maxFileBytes)} limit for decisions, so it is not read. Raise the limit with the setting adrRoles.maxFileSizeKB (or the CLI's --max-file-size) if it really is a decision.`,
  );
}

/** Before reading: a file whose size on disk is over the limit is skipped without being read. */
export function skipBySize(file: string, size: number | undefined, limits: ReadLimits): SkippedFile | undefined {
  return size !== undefined && size > limits.maxFileBytes ? tooLarge(file, size, limits) : undefined;
}

/** A file listed but gone or unreadable by the time it was read. */
export function unreadableFile(file: string): SkippedFile {
  return skipped(file, 'unreadable-file', 'The file could not be read (it was deleted, moved or is not readable), so it is left out.');
}

/** Whether the text could be over the limit: only then is its size worth knowing exactly. */
export function mayExceed(text: string, limits: ReadLimits): boolean {
  return text.length * 3 > limits.maxFileBytes;
}

/** UTF-8 length without encoding the string: only computed when the text could be over the limit. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Reads a file's text as a decision, unless it is over the size limit or binary: those are skipped
 * with an info problem, never parsed. Text that was not valid UTF-8 (decoded with U+FFFD in place of
 * the bad bytes, as the editor shows it) is read, with a warning at the first bad character.
 */
export function admitDecision(file: string, text: string, limits: ReadLimits = DEFAULT_READ_LIMITS, options: ParseOptions = {}, size?: number): Admission {
  // One UTF-16 unit is at most 3 UTF-8 bytes, so most files need no byte count at all. The size on
  // disk, when known, is the truth: each undecodable byte reads as a 3-byte U+FFFD.
  if (mayExceed(text, limits)) {
    const bytes = size ?? utf8Length(text);
    if (bytes > limits.maxFileBytes) return { skipped: tooLarge(file, bytes, limits) };
  }
  // A forward search of the probe alone: bounded however long the text is, and much faster than
  // lastIndexOf from the probe's end, which engines search character by character.
  const nul = (text.length > BINARY_PROBE_CHARS ? text.slice(0, BINARY_PROBE_CHARS) : text).indexOf('\0');
  if (nul !== -1) {
    const at = new LineIndex(text.slice(0, nul + 1)).positionAt(nul);
    return {
      skipped: skipped(file, 'file-skipped', 'This file holds binary data (a NUL character), so it is not read as a decision. If it should be text, save it as UTF-8.', { start: at, end: at }),
    };
  }
  const decision = parseDecision(file, text, options);
  const bad = text.indexOf(REPLACEMENT_CHARACTER);
  if (bad !== -1) decision.parseProblems.push(encodingProblem(text, bad));
  return { decision };
}

function encodingProblem(text: string, first: number): Problem {
  let count = 0;
  for (let at = first; at !== -1; at = text.indexOf(REPLACEMENT_CHARACTER, at + 1)) count++;
  const lines = new LineIndex(text);
  const start = lines.positionAt(first);
  return {
    code: 'invalid-encoding',
    severity: 'warning',
    message: `The file is not valid UTF-8: ${count} character${count === 1 ? '' : 's'} could not be decoded and ${count === 1 ? 'shows' : 'show'} as �. Save it as UTF-8 so every field reads as written.`,
    range: { start, end: { line: start.line, character: start.character + 1 } },
  };
}
