import type { Severity } from './model';

/** Every code the product reports, with its default severity and a one-line summary for docs and SARIF. */
export const PROBLEM_CODES = {
  'missing-owner': { severity: 'warning', summary: 'The decision names no owning role.' },
  'unknown-owner': { severity: 'warning', summary: 'The owner is not one of the configured roles.' },
  'invalid-frontmatter': { severity: 'error', summary: 'The frontmatter is not readable YAML.' },
  'invalid-date': { severity: 'warning', summary: 'The date is not a calendar date.' },
  'unfilled-placeholder': { severity: 'warning', summary: 'A field still holds the template placeholder.' },
  'braced-value': { severity: 'hint', summary: "A value is still wrapped in the template's braces; it is read without them." },
  'title-from-file-name': { severity: 'hint', summary: 'The decision has no `# Title` heading; its title is taken from the file name.' },
  'duplicate-number': { severity: 'error', summary: 'Two decisions in one folder share a number.' },
  'broken-relation': { severity: 'error', summary: 'A relation names a decision that does not exist.' },
  'invalid-config': { severity: 'error', summary: 'The repository configuration file cannot be used.' },
  'override-missing-trigger': { severity: 'warning', summary: 'An override names no new-resource or new-requirement trigger.' },
  'relation-not-reciprocated': { severity: 'warning', summary: 'One end of an override or supersede does not point back.' },
  'status-out-of-sync': { severity: 'warning', summary: 'An overridden or superseded decision still says accepted or proposed.' },
  'relation-cycle': { severity: 'error', summary: 'An override or supersede chain loops back on itself.' },
  'execution-overrides-strategy': { severity: 'warning', summary: 'An execution decision overrides a strategy decision.' },
  'invalid-encoding': { severity: 'warning', summary: 'The file is not valid UTF-8.' },
  'file-skipped': { severity: 'info', summary: 'A file in a decision folder is not read: it is over the size limit or binary.' },
  'backstage-incompatible': { severity: 'warning', summary: "Backstage's ADR plugin would not list this decision, or would show it without its title, status or date (lint --profile backstage)." },
  'review-overdue': { severity: 'warning', summary: 'The decision is past its review-by date, or its implicit one under the review policy of .adr-roles.yml.' },
  'number-taken-on-base': { severity: 'error', summary: 'A decision the branch adds has a number the base branch gave another decision meanwhile (lint --base).' },
  'accepted-decision-rewritten': { severity: 'warning', summary: 'The branch changes the title or decision of a decision accepted at the base, rather than overriding or superseding it (lint --base).' },
  'owner-changed-without-elevation': { severity: 'warning', summary: 'The branch changes a decision owner without recording an elevation (lint --base).' },
  'decision-deleted': { severity: 'error', summary: 'The branch deletes a decision that exists at the base, rather than deprecating it (lint --base).' },
  'unreadable-file': { severity: 'error', summary: 'A decision file was listed but could not be read.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Where each code is explained; the README has one heading per code. */
export function docsUrl(code: string): string {
  return `https://github.com/adr-roles/adr-roles#${code}`;
}
