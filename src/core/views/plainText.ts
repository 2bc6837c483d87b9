/**
 * Text from a repository (titles, owners, relation values, file names, configured labels) printed
 * for a person. A hostile file must not be able to move the cursor, recolour or clear the
 * terminal, reorder what is shown (bidi overrides), or start a line of its own: a CI runner reads
 * a line that starts with `::` as a workflow command, so a forged line could fake an annotation,
 * mask a secret or set an output.
 */

/** Line breaks of every kind, a run of them read as one. */
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
/**
 * What shows nothing or moves what is shown: C0 and C1 controls (ESC and NUL among them), DEL, and
 * every Unicode format character (`\p{Cf}`): the bidi embeddings, overrides, isolates and marks
 * (U+202A–202E, U+2066–2069, LRM/RLM U+200E/200F, ALM U+061C), the zero-width characters
 * (U+200B–200D, U+2060–2064, U+FEFF inside text, U+180E), the soft hyphen and the tag characters.
 * Two uses of them are text, not a trick, and are kept: a zero-width joiner between two pictographs
 * (an emoji sequence such as 👩‍💻, a skin tone or U+FE0F may come first) and the tags of a flag
 * such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (U+1F3F4, tags, the cancel tag U+E007F).
 */
const INVISIBLE =
  /((?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}]?\u{FE0F}?)\u200d(?=\p{Extended_Pictographic})|(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F})|[\u0000-\u0008\u000e-\u001f\u007f-\u009f]|\p{Cf}/gu;
/** Only what a terminal acts on (and the bidi embeddings, overrides and isolates), for a path that must stay exact. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` stays visible as the four characters `\x1b`, so the reader sees the text was odd. */
function visible(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code > 0xffff) return `\\u{${code.toString(16)}}`;
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}

function visibleUnlessKept(c: string, kept: string | undefined): string {
  return kept ?? visible(c);
}

/** Controls and format characters as their visible escapes (`\x1b`, `\u200b`), line breaks left as they are. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, visibleUnlessKept);
}

/**
 * A path a tool looks up (a GitHub annotation's `file=`): only terminal controls and bidi overrides
 * become escapes, so a name holding a zero-width or other format character still names its file.
 */
export function visibleTerminalControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, visible);
}

/**
 * One line of plain text: line breaks become one space, tabs a space, and every other control
 * or format character (bidi, zero-width) its visible escape. `##[` (which runners read as a command anywhere in a
 * line) is broken up so it is no longer one.
 */
export function plainText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(INVISIBLE, visibleUnlessKept).replace(/##(?=\[|vso\[)/g, '# #');
}

/**
 * The whole output, line by line: a line whose text (after white space, which runners skip) starts
 * with `::` gets a backslash first, so no field at the start of a line can form a command. The
 * Actions runner trims every Unicode white space (`\u3000`, `\u00a0`, `\u2000`…), not only spaces
 * and tabs, so all of it counts. Only human-readable output goes through here; `--format github`
 * writes its commands itself.
 */
export function guardLineStarts(output: string): string {
  return output.replace(/^([^\S\r\n]*)::/gm, '$1\\::');
}

/** A field that starts a line of its own, such as a path printed alone. */
export function plainLine(text: string): string {
  return guardLineStarts(plainText(text));
}
