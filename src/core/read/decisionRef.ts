import { readFileName } from './fileName';
import type { DecisionRef } from '../model';
import { markdownLinks } from './linkScan';

// Targets may hold spaces (`(2022-02-revisit framework.md)`): GitHub renders those links, so people write them.
// Labels may hold escaped brackets and balanced ones, as CommonMark allows: adr-tools writes titles as they are.
// Links are found by markdownLinks, in linear time: the regular expression it replaces ran each
// target to the end of a long run from every `](` in it (80,000 `[](` on a status line: minutes).
const ID_TEXT = /^\s*(?:adr)?[-_ #]?0*(\d{1,6})\b/i;
const LEADING_NUMBER = /^\s*0*(\d{1,6})[.:)\s]/;

/** `N/A`, `none`, `-`, `TBD`: what a relation field or table cell holds when it names no decision. */
export function namesNoDecision(text: string): boolean {
  return /^(n\/?a|none|-+|—|tbd)$/i.test(text.trim());
}

/**
 * Reads one reference as written: `ADR-0003`, `3`, `0003-use-x.md`, `docs/adr/0003-use-x.md#top`,
 * `[3. Use X](0003-use-x.md)`, or a log4brains slug. Never throws; unknown shapes keep only `raw`.
 */
export function readRef(raw: string): DecisionRef {
  const text = raw.trim();
  const link = markdownLinks(text, 1)[0];
  if (link) return refFromLink(text, link.label, link.target ?? '');
  if (/\.(md|markdown|mdx)(#.*)?$/i.test(lastLine(text))) return refFromTarget(text, text);
  const id = ID_TEXT.exec(text);
  if (id && /^\s*(?:adr[-_ #]?)?\d+\s*$/i.test(text)) return { raw: text, number: Number(id[1]), fileName: null, slug: null };
  const name = readFileName(text);
  if (name.date || (name.number === null && /^[\w.-]+$/.test(text))) return { raw: text, number: name.number, fileName: null, slug: text };
  if (name.number !== null && /^[\w.-]+$/.test(text)) return { raw: text, number: name.number, fileName: null, slug: null };
  return { raw: text, number: null, fileName: null, slug: null };
}

function refFromTarget(raw: string, target: string): DecisionRef {
  const lineStart = target.length - lastLine(target).length;
  const path = target.slice(0, lineStart) + target.slice(lineStart).replace(/[#?].*$/, '');
  const fileName = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const info = readFileName(fileName);
  return { raw, number: info.number, fileName: decodeSafely(fileName), slug: info.number === null ? info.stem : null };
}

/** Hugo's `{{< ref "0003-use-x.md" >}}` (and `relref`, `{{% … %}}`): sites built with Hugo link decisions so. */
const HUGO_REF = /^\{\{([<%])\s*(?:rel)?ref\s+"([^"]*)"\s*[>%]\}\}$/;

function unwrapShortcode(target: string): string {
  return HUGO_REF.exec(target)?.[2] ?? target;
}

function refFromLink(raw: string, label: string, written: string): DecisionRef {
  const target = unwrapShortcode(written);
  if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    const ref = refFromTarget(raw, target);
    if (ref.number !== null || ref.fileName) return ref;
  }
  const fromLabel = readFileName(label.trim()).number === null ? null : (LEADING_NUMBER.exec(label) ?? ID_TEXT.exec(label));
  return { raw, number: fromLabel ? Number(fromLabel[1]) : null, fileName: null, slug: null };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every markdown link in a line, with its offsets in that line. */
export function linksIn(line: string): { text: string; start: number; end: number }[] {
  return markdownLinks(line).map((link) => ({ text: line.slice(link.start, link.end), start: link.start, end: link.end }));
}

/**
 * The text after its last line break. `.*$` cannot cross one, so an expression ending so only
 * matches there; run on the whole text it read on to the break from every `#` before it
 * (`.md#` × 50,000 and a line break took seconds).
 */
function lastLine(text: string): string {
  for (let at = text.length - 1; at >= 0; at--) {
    const c = text.charCodeAt(at);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return text.slice(at + 1);
  }
  return text;
}
