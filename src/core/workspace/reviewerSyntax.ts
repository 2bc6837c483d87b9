/**
 * Who may review a role's decisions, as CODEOWNERS writes them: `@user`, `@org/team` (GitLab
 * nests groups: `@group/sub/team`) or an email address. Anything else is refused rather than
 * written: a reviewer string is copied into CODEOWNERS, and one holding a space, a `#`, a line
 * break or a control character would add owners, cut the line short or start a rule of its own.
 */

const HANDLE = /^@[A-Za-z0-9_][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** Longer than any handle or address a code host accepts; bounds the checks too. */
const MAX_REVIEWER_LENGTH = 200;

export function isReviewer(text: string): boolean {
  return text.length <= MAX_REVIEWER_LENGTH && (HANDLE.test(text) || EMAIL.test(text));
}
