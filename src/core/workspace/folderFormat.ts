import { readFileName } from '../read/fileName';
import type { Decision } from '../model';
import type { DecisionLog } from './catalog';

/**
 * The format a decision folder's files are written in, which new decisions and fields follow:
 * - `madr`: MADR 3/4 frontmatter (and our own files);
 * - `nygard`: adr-tools, `# N. Title`, `Date:` and a `## Status` section;
 * - `log4brains`: `- Status:` bullets, `YYYYMMDD-slug.md` names, relations under `## Links`;
 * - `madr2`: `* Status:` bullets, numbered names, relations under `## Links`.
 */
export const FOLDER_FORMATS = ['madr', 'nygard', 'log4brains', 'madr2'] as const;
export type FolderFormat = (typeof FOLDER_FORMATS)[number];

export function isFolderFormat(value: string): value is FolderFormat {
  return (FOLDER_FORMATS as readonly string[]).includes(value);
}

/** What a folder's own tool says about it: adr-tools' `.adr-dir`, log4brains' `.log4brains.yml`. */
export function formatHintOf(source: string | undefined): FolderFormat | undefined {
  if (source === '.adr-dir') return 'nygard';
  if (source === '.log4brains.yml') return 'log4brains';
  return undefined;
}

function formatOfDecision(decision: Decision): FolderFormat | undefined {
  if (decision.format === 'frontmatter') return 'madr';
  if (decision.format === 'nygard') return 'nygard';
  if (decision.format === 'bullets') return readFileName(decision.file).date ? 'log4brains' : 'madr2';
  return undefined;
}

/**
 * The folder's format: the one configured, else the one most of its decisions use (the tool that
 * made the folder breaking a tie), else that tool's, else MADR.
 */
export function folderFormat(decisions: readonly Decision[], options: { configured?: FolderFormat | undefined; hint?: FolderFormat | undefined } = {}): FolderFormat {
  if (options.configured) return options.configured;
  const counts = new Map<FolderFormat, number>();
  for (const decision of decisions) {
    const format = formatOfDecision(decision);
    if (format) counts.set(format, (counts.get(format) ?? 0) + 1);
  }
  let best: FolderFormat | undefined;
  let bestCount = 0;
  for (const format of FOLDER_FORMATS) {
    const count = counts.get(format) ?? 0;
    if (count > bestCount || (count === bestCount && count > 0 && format === options.hint)) {
      best = format;
      bestCount = count;
    }
  }
  return best ?? options.hint ?? 'madr';
}

/** A discovered folder's format: the configured one, else its decisions', else its tool's. */
export function formatOfLog(discovery: { config: { format: FolderFormat | null }; sources: ReadonlyMap<string, string> }, log: DecisionLog): FolderFormat {
  return folderFormat(log.decisions(), { configured: discovery.config.format ?? undefined, hint: formatHintOf(discovery.sources.get(log.folder)) });
}
