import { readFileName } from '../read/fileName';

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

const LINK_TARGET = /\]\(\s*<?([^)\s>]+\.(?:md|markdown))(#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)/gi;
/** `ADR-0012`, `ADR 12`, `ADR#12`, `adr-012`: the forms teams write in prose and code comments. */
const MENTION = /\bADR[-_ #]?(\d{1,6})\b/gi;

/** Every link to a markdown file and every ADR-number mention in a text, in order. */
export function findReferences(text: string): Reference[] {
  const found: Reference[] = [];
  LINK_TARGET.lastIndex = 0;
  for (let m = LINK_TARGET.exec(text); m; m = LINK_TARGET.exec(text)) {
    const target = m[1] ?? '';
    const start = m.index + m[0].indexOf(target);
    const fileName = target.slice(Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\')) + 1);
    found.push({ kind: 'link', start, end: start + target.length, number: readFileName(fileName).number, fileName, raw: target });
  }
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const inLink = found.some((r) => r.kind === 'link' && m !== null && m.index >= r.start && m.index < r.end);
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
