import type { DecisionLog } from '../workspace/catalog';
import type { Decision, DecisionRef } from '../model';
import { formatId, stemOf } from '../read/fileName';

/** One decision as the CLI's `list --json` and reports show it: relations resolved both ways, as ids. */
export interface DecisionSummary {
  file: string;
  id: string;
  number: number | null;
  title: string | null;
  status: string | null;
  date: string | null;
  owner: string | null;
  supersedes: string[];
  supersededBy: string[];
  overrides: string[];
  overriddenBy: string[];
  trigger: string | null;
  triggerDetail: string | null;
  elevatedFrom: string | null;
  reviewBy: string | null;
  revisitWhen: string | null;
  reviewedOn: string | null;
  format: string;
}

export function summarize(decision: Decision, log: DecisionLog): DecisionSummary {
  const relations = log.relationsOf(decision);
  const ids = (kind: string): string[] => [
    ...new Set(relations.filter((r) => r.kind === kind).map((r) => r.target?.id ?? unresolvedId(r.ref))),
  ];
  return {
    file: decision.file,
    id: decision.id,
    number: decision.number,
    title: decision.title?.value ?? null,
    status: decision.status?.value ?? null,
    date: decision.date?.value ?? null,
    owner: decision.owner?.value ?? null,
    supersedes: ids('supersedes'),
    supersededBy: ids('superseded-by'),
    overrides: ids('overrides'),
    overriddenBy: ids('overridden-by'),
    trigger: decision.trigger?.value ?? null,
    triggerDetail: decision.triggerDetail?.value ?? null,
    elevatedFrom: decision.elevatedFrom?.value ?? null,
    reviewBy: decision.reviewBy?.value ?? null,
    revisitWhen: decision.revisitWhen?.value ?? null,
    reviewedOn: decision.reviewedOn?.value ?? null,
    format: decision.format,
  };
}

/** A decision named but not in the folder, as an id where the reference gives one: `ADR-0003`, a slug, else as written. */
function unresolvedId(ref: DecisionRef): string {
  if (ref.number !== null) return formatId(ref.number);
  return ref.slug ?? (ref.fileName ? stemOf(ref.fileName) : ref.raw);
}
