import type { Decision } from '../model';

/**
 * How a decision is named in a list: `ADR-0005 Send events through Segment`. A decision without a
 * number (log4brains' `20210301-publish-nightly.md`) is known by its title alone; its slug, which
 * would repeat the title, is for the tooltip.
 */
export function decisionLabel(decision: Decision): string {
  const title = decision.title?.value ?? '(untitled)';
  return decision.number === null && decision.title ? title : `${decision.id} ${title}`;
}
