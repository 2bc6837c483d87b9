import { readFileName } from '../read/fileName';
import { LinkText } from '../read/linkScan';

/** A place in a text that names a decision: a markdown link to its file, or an `ADR-0012` mention. */
export interface Reference {
  kind: 'link' | 'mention';
  /** Offsets of what would be rewritten: the link's target, or the whole mention. */
  start: number;
  end: number;
  number: number | null;
  /** For links: the target's file name, without folders or anchors. */
  fileName: string | null;
  raw: string;
}

/** `ADR-0012`, `ADR 12`, `ADR#12`, `adr-012`: the forms teams write in prose and code comments. */
const MENTION = /\bADR[-_ #]?(\d{1,6})\b/gi;
const MARKDOWN_SUFFIX = /[^)\s>]\.(?:md|markdown)$/i;

/**
 * Where a run's link target to a markdown file ends: the last place, at the run's end or before a
 * `#`, that follows `.md` or `.markdown`; with the index of that dot. One answer serves every `](`
 * inside the run, so a file of `](` repeated is read once, not once per `](`.
 */
function markdownTargetEnd(text: string, runStart: number, runEnd: number): { end: number; dot: number } | null {
  for (let end = runEnd; end > runStart + 1; end--) {
    if (end < runEnd && text.charCodeAt(end) !== 35) continue;
    const suffix = MARKDOWN_SUFFIX.exec(text.slice(Math.max(runStart, end - 10), end));
    if (suffix) return { end, dot: end - suffix[0].length + 1 };
  }
  return null;
}

/**
 * Links to markdown files: what `\]\(\s*<?([^)\s>]+\.(?:md|markdown))(#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)`
 * matched, in time linear in the text. That expression ran to the end of a run and back from each
 * `](` in it: 240 KB of `](` took most of a minute.
 */
function linkTargets(text: string): Reference[] {
  const found: Reference[] = [];
  if (!text.includes('](')) return found;
  const scan = new LinkText(text);
  const targetsByRun = new Map<number, { end: number; dot: number } | null>();
  for (let at = text.indexOf(']('); at !== -1; ) {
    const p = scan.skipSpace(at + 2);
    const runEnd = scan.runEnd(p);
    let run = runEnd > p ? targetsByRun.get(runEnd) : null;
    if (run === undefined) {
      // The run starts after the last blank, `)` or `>` before p; p itself is inside it.
      let runStart = p;
      while (runStart > 0 && scan.runEnd(runStart - 1) === runEnd) runStart--;
      run = markdownTargetEnd(text, runStart, runEnd);
      targetsByRun.set(runEnd, run);
    }
    // `<?` takes a `<` when the target still has a character before its `.md`.
    const from = text.charCodeAt(p) === 60 && run && run.dot > p + 1 ? p + 1 : p;
    const close = run && run.dot > from ? scan.closeAfter(runEnd + (text.charCodeAt(runEnd) === 62 ? 1 : 0)) : -1;
    if (run && close !== -1) {
      const target = text.slice(from, run.end);
      const fileName = target.slice(Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\')) + 1);
      found.push({ kind: 'link', start: from, end: run.end, number: readFileName(fileName).number, fileName, raw: target });
      at = text.indexOf('](', close);
    } else at = text.indexOf('](', at + 1);
  }
  return found;
}

/** Every link to a markdown file and every ADR-number mention in a text, in order. */
export function findReferences(text: string): Reference[] {
  const links = linkTargets(text);
  const found: Reference[] = [...links];
  // Links and mentions both come in order: one pass tells which mentions lie inside a link.
  let link = 0;
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    while (link < links.length && links[link]!.end <= m.index) link++;
    const inLink = link < links.length && m.index >= links[link]!.start;
    if (!inLink) found.push({ kind: 'mention', start: m.index, end: m.index + m[0].length, number: Number(m[1]), fileName: null, raw: m[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Rewrites a mention for a new number in the style it was written: `ADR-0012` → `ADR-0013`, `ADR 12` → `ADR 13`. */
export function renumberMention(raw: string, number: number): string {
  const m = /^(ADR[-_ #]?)(\d+)$/i.exec(raw);
  if (!m) return raw;
  const digits = m[2] ?? '';
  const padded = digits.length > 1 && digits.startsWith('0') ? String(number).padStart(digits.length, '0') : String(number);
  return `${m[1] ?? ''}${padded}`;
}
