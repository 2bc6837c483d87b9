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

// The branch checks' lines in the output channel: said once each, never as notifications, since a
// base that cannot be read stays unreadable on every keystroke.

export const BRANCH_CHECKS_UNTRUSTED = 'Branch checks are off: they run git in the workspace, which is not trusted.';

export const BRANCH_CHECKS_NO_GIT = "Branch checks are off: VS Code's Git extension is not installed or is disabled (git.enabled).";

export function branchNoBaseLine(repository: string): string {
  return plainText(`Branch checks in ${repository}: no base to compare with. Set adrRoles.review.base (e.g. origin/main), or give the current branch an upstream.`);
}

export function branchComparedLine(repository: string, base: string, from: 'setting' | 'upstream'): string {
  return plainText(`Branch checks in ${repository}: comparing with ${base} (${from === 'setting' ? 'adrRoles.review.base' : "the branch's upstream"}).`);
}

export function branchFailedLine(repository: string, reason: string): string {
  return plainText(`Branch checks in ${repository} stopped: ${reason}`);
}

/** A deleted decision has no file to show its problem on; the folder's README or index would have been the place. */
export function branchDeletedUnshownLine(repository: string, message: string, folder: string): string {
  return plainText(`Branch checks in ${repository}: ${message} (shown here: ${folder || 'the repository root'} has no README.md or index.md to show it on).`);
}
