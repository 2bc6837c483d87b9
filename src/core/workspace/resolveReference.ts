import type { Catalog } from './catalog';
import type { Decision } from '../model';
import { byNearness } from './mentionScope';
import { dirName, joinPath } from './paths';
import type { Reference } from './references';

/**
 * The decisions a reference in `fromPath` may mean. A link names one file. A bare `ADR-0007`
 * means the decision of that number in the referring file's own folder when there is one;
 * elsewhere (code, other docs) every folder's ADR-0007, nearest folders first, as Renumber ranks them.
 */
export function resolveReference(catalog: Catalog, fromPath: string, ref: Reference): Decision[] {
  if (ref.kind === 'link') {
    const target = ref.raw.startsWith('/') ? ref.raw : joinPath(dirName(fromPath), decode(ref.raw));
    const decision = catalog.get(target);
    return decision ? [decision] : [];
  }
  if (ref.number === null) return [];
  const own = catalog.folders().find((log) => log.folder === dirName(fromPath));
  const inOwn = own?.withNumber(ref.number) ?? [];
  if (inOwn.length > 0) return [...inOwn];
  const candidates = catalog.folders().flatMap((log) => log.withNumber(ref.number ?? -1));
  return byNearness(fromPath, candidates, (d) => dirName(d.file));
}

function decode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The reference whose text covers `offset`, if any. */
export function referenceAt(references: readonly Reference[], offset: number): Reference | undefined {
  return references.find((r) => offset >= r.start && offset <= r.end);
}
