import { KNOWN_STATUSES } from '../model';
import { lookupTable } from './lookup';

export interface StatusReading {
  /** Normalised lower-case when known, otherwise as written. */
  status: string;
  /** `superseded by [5. X](0005-x.md)` also names the successor. */
  relation: { kind: string; refText: string } | null;
}

/** Spellings seen in real decision logs, mapped to the status they mean. */
const SYNONYMS: Readonly<Record<string, string>> = lookupTable({
  superceded: 'superseded',
  'superseeded': 'superseded',
  approved: 'accepted',
  done: 'accepted',
  overriden: 'overridden',
  deprecate: 'deprecated',
  depreciated: 'deprecated',
  wip: 'draft',
  // Logs kept in French, German and Spanish, as adr-tools' translated templates write them.
  accepté: 'accepted',
  accepte: 'accepted',
  adopté: 'accepted',
  proposé: 'proposed',
  rejeté: 'rejected',
  refusé: 'rejected',
  déprécié: 'deprecated',
  remplacé: 'superseded',
  akzeptiert: 'accepted',
  angenommen: 'accepted',
  vorgeschlagen: 'proposed',
  abgelehnt: 'rejected',
  ersetzt: 'superseded',
  aceptado: 'accepted',
  aceptada: 'accepted',
  propuesto: 'proposed',
  propuesta: 'proposed',
  rechazado: 'rejected',
  rechazada: 'rejected',
  // Russian, as MADR templates translated for it write them.
  принято: 'accepted',
  принят: 'accepted',
  предложено: 'proposed',
  предложен: 'proposed',
  отклонено: 'rejected',
  отклонён: 'rejected',
  устарело: 'deprecated',
  заменено: 'superseded',
  черновик: 'draft',
  // Portuguese.
  aceito: 'accepted',
  aceita: 'accepted',
  aprovado: 'accepted',
  aprovada: 'accepted',
  proposto: 'proposed',
  proposta: 'proposed',
  rejeitado: 'rejected',
  rejeitada: 'rejected',
  depreciado: 'deprecated',
  obsoleto: 'deprecated',
  substituído: 'superseded',
  substituido: 'superseded',
  // Japanese.
  承認: 'accepted',
  承認済み: 'accepted',
  採用: 'accepted',
  提案: 'proposed',
  提案中: 'proposed',
  却下: 'rejected',
  廃止: 'deprecated',
  置き換え: 'superseded',
});

/**
 * `Superseded by: [..](..)`: the verb; what follows is read apart (see relationStatus), as
 * `\b[:\s]*(.*)$` tried every split of a long run of blanks when a line break came after it.
 * Without `by`, a link or an ADR id must follow at once: `Superceded [13. AWS](0013-aws.md)`,
 * `Superseded ADR 7`.
 */
const RELATION_STATUS = /^(superseded|superceded|superseeded|overridden|overriden|amended|deprecated|replaced)\s+(by\b|in favou?r of\b|(?=\[|adr[- ]?\d))/i;

/**
 * What `^(verb)\s+(by|in favour of)\b[:\s]*(.*)$` matched: the verb, and the rest after colons and
 * blanks, which must hold no line break.
 */
function relationStatus(text: string): [string, string, string, string] | null {
  const verb = RELATION_STATUS.exec(text);
  if (!verb) return null;
  let at = verb[0].length;
  while (at < text.length && /[:\s]/.test(text.charAt(at))) at++;
  const rest = text.slice(at);
  return /[\n\r\u2028\u2029]/.test(rest) ? null : [verb[0], verb[1] ?? '', verb[2] ?? '', rest];
}

function canonical(word: string): string | null {
  const lower = word.toLowerCase();
  if ((KNOWN_STATUSES as readonly string[]).includes(lower)) return lower;
  return SYNONYMS[lower] ?? null;
}

/**
 * The text without these marks at its end (and its start). A loop, not `/[*_`]+$/`: a regular
 * expression anchored only at the end retries from every mark of a long run, so 100 KB of
 * backticks before the last word took seconds.
 */
function trimEnds(text: string, marks: string, start = true): string {
  let from = 0;
  let to = text.length;
  while (start && from < to && marks.includes(text.charAt(from))) from++;
  while (to > from && marks.includes(text.charAt(to - 1))) to--;
  return text.slice(from, to);
}

/**
 * A status of the team's own, without a note in brackets or a full stop after it. Made of words
 * only, it is lower-cased like the known ones, so `Implemented` and `implemented` are one status.
 */
function ownWord(text: string): string {
  const note = text.indexOf(' (');
  const word = note > 0 && text.endsWith(')') ? text.slice(0, note) : text;
  const own = trimEnds(word.trim(), '.!', false) || text;
  return /^\p{L}+(?:[ -]\p{L}+)*$/u.test(own) ? own.toLowerCase() : own;
}

/** Reads a status as written in frontmatter, a bullet or an adr-tools `## Status` line. */
export function readStatus(raw: string): StatusReading | null {
  // `- Proposed` and `- [x] Decided` as a Status section lists them; an unchecked box is no status.
  // `Status: Accepted on 2022-07-08` written under `## Status`: the key is not the status.
  const item = raw.trim().replace(/^[*+-][ \t]+/, '').replace(/^(\*\*|__)?status(?:\1)?[ \t]*:(?:\1)?[ \t]*(?=\S)/i, '');
  if (/^\[ \][ \t]/.test(item)) return null;
  const text = trimEnds(item.replace(/^\[[xX]\][ \t]+/, ''), '*_`')
    // `[Accepted]`, and `[Accepted](https://…/pull/541)`, a status linked to where it was decided.
    .replace(/^\[([^\]|]*)\](?:\([^()\s]*\))?$/, '$1')
    // `🤔 Proposed`, `✅ Accepted`: an emoji (with its variation selector or joined sequence) in front of the word.
    .replace(/^[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\s]+/u, '')
    .trim();
  if (!text) return null;
  const relation = relationStatus(text);
  if (relation) {
    const kindWord = canonical(relation[1] ?? '') ?? (relation[1] ?? '').toLowerCase();
    const kind = kindWord === 'superseded' || kindWord === 'replaced' ? 'superseded-by' : kindWord === 'overridden' ? 'overridden-by' : `${kindWord}-by`;
    const status = kindWord === 'replaced' ? 'superseded' : kindWord === 'amended' ? 'accepted' : kindWord;
    const refText = (relation[3] ?? '').trim();
    return { status, relation: refText ? { kind, refText } : null };
  }
  const whole = canonical(trimEnds(text, '.!', false));
  if (whole) return { status: whole, relation: null };
  // "Accepted (2021-03-01)", "Accepted - pending review": the first word carries the status.
  const firstWord = /^(\p{L}+)/u.exec(text);
  const first = firstWord ? canonical(firstWord[1] ?? '') : null;
  if (first) return { status: first, relation: null };
  // A word of the team's own, without a note in brackets or a full stop after it: `Decided (2023-07-10)` is `decided`.
  return { status: ownWord(text), relation: null };
}
