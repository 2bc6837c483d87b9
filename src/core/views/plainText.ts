/**
 * Text from a repository (titles, owners, relation values, file names, configured labels) printed
 * for a person. A hostile file must not be able to move the cursor, recolour or clear the
 * terminal, reorder what is shown (bidi overrides), or start a line of its own: a CI runner reads
 * a line that starts with `::` as a workflow command, so a forged line could fake an annotation,
 * mask a secret or set an output.
 */

/** Line breaks of every kind, a run of them read as one. */
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
/** C0 and C1 controls (ESC and NUL among them), DEL, and the bidi embeddings, overrides and isolates. */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` stays visible as the four characters `\x1b`, so the reader sees the text was odd. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}

/** Controls and bidi characters as their visible escapes (`\x1b`), line breaks left as they are. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, visible);
}

/**
 * One line of plain text: line breaks become one space, tabs a space, and every other control
 * or bidi character its visible escape. `##[` (which runners read as a command anywhere in a
 * line) is broken up so it is no longer one.
 */
export function plainText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(INVISIBLE, visible).replace(/##(?=\[|vso\[)/g, '# #');
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
