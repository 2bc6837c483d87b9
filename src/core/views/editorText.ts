import { plainText } from './plainText';

/**
 * Text from a decision shown literally inside the editor's markdown (hovers, tooltips). It is
 * plain text first (one line, no controls or bidi overrides); then each mark that starts markdown
 * is backslash-escaped: no emphasis, code, link or image (`]` escaped, so no `](…)`), raw HTML or
 * autolink (`<`), entity (`&lt;`), table cell, theme icon (`$(…)`) or, at the start, heading,
 * list or quote can form. Hyphens, dots and parentheses elsewhere stay as written.
 */
export function markdownText(text: string): string {
  return plainText(text)
    .replace(/[\\`*_[\]<>|~$&#!{}]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    // `\1` is no escape (only punctuation is): an ordered list is stopped at its `.` or `)`.
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * A notification's message as plain text. VS Code turns `[label](command:…)` (and `https:`,
 * `file:`) in a notification into a clickable link, and a backslash does not stop it, so a file
 * name or title quoted in a message could offer to run a command. A space between `]` and `(`
 * keeps the text readable and is never a link; controls and line breaks go as everywhere else.
 */
export function notificationText(text: string): string {
  return plainText(text).replaceAll('](', '] (');
}
