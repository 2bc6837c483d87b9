/**
 * Markdown link destinations read in linear time. A regular expression such as
 * `\]\(\s*<?([^\s)>]+…)\)` runs its target to the end of a long run and back from every `](` in it:
 * 80,000 `[](` on a status line took minutes. Here each "where does this run end" question is
 * answered from tables built once per text, in one backward pass, so every link start costs O(1)
 * beyond its label (itself at most 1,000 items).
 */

const SPACE = 1;
const STOP = 2; // whitespace, `)` or `>`: what ends a destination's run of characters

function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

export class LinkText {
  private built = false;
  /** First index ≥ i that is not whitespace (or the length). */
  private nonSpace!: Int32Array;
  /** First index ≥ i whose character ends a run: whitespace, `)` or `>`. */
  private stop!: Int32Array;
  /** First `"` at or after i. */
  private quote!: Int32Array;
  /** First `>` or `)` at or after i. */
  private angleOrParen!: Int32Array;
  /** Where `[^\s)>]+(?:\s+[^\s)>"][^\s)>]*)*` matched greedily from i ends; i where it cannot start. */
  private chain!: Int32Array;
  /** First `}}` at or after i. */
  private braces!: Int32Array;

  constructor(readonly text: string) {}

  private kind(i: number): number {
    const c = this.text.charCodeAt(i);
    if (isSpaceCode(c)) return SPACE | STOP;
    return c === 41 || c === 62 ? STOP : 0;
  }

  private build(): void {
    if (this.built) return;
    this.built = true;
    const n = this.text.length;
    const tables = [0, 0, 0, 0, 0, 0].map(() => new Int32Array(n + 1).fill(n));
    [this.nonSpace, this.stop, this.quote, this.angleOrParen, this.chain, this.braces] = tables as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    for (let i = n - 1; i >= 0; i--) {
      const kind = this.kind(i);
      const c = this.text.charCodeAt(i);
      this.nonSpace[i] = kind & SPACE ? this.nonSpace[i + 1]! : i;
      this.stop[i] = kind & STOP ? i : this.stop[i + 1]!;
      this.quote[i] = c === 34 ? i : this.quote[i + 1]!;
      this.angleOrParen[i] = c === 41 || c === 62 ? i : this.angleOrParen[i + 1]!;
      this.braces[i] = c === 125 && this.text.charCodeAt(i + 1) === 125 ? i : this.braces[i + 1]!;
      if (kind & STOP) {
        this.chain[i] = i;
        continue;
      }
      // The run from i, then (after blanks) the chain of the next run, unless it starts with `"`, `)` or `>`.
      const runEnd = this.stop[i]!;
      const next = this.nonSpace[runEnd]!;
      const nextCode = this.text.charCodeAt(next);
      const continues = runEnd < n && next > runEnd && next < n && !(this.kind(next) & STOP) && nextCode !== 34;
      this.chain[i] = continues ? this.chain[next]! : runEnd;
    }
  }

  private charAt(i: number): string {
    return this.text.charAt(i);
  }

  /** The first non-blank at or after i. */
  skipSpace(i: number): number {
    this.build();
    return this.nonSpace[Math.min(i, this.text.length)]!;
  }

  /** The end of the run of non-blank characters other than `)` and `>` from i. */
  runEnd(i: number): number {
    this.build();
    return this.stop[Math.min(i, this.text.length)]!;
  }

  /** `(?:\s+"[^"]*")?\s*\)` from `at`: the index just past the `)`, or -1. */
  closeAfter(at: number): number {
    this.build();
    const next = this.skipSpace(at);
    if (next > at && this.charAt(next) === '"') {
      const closing = this.quote[next + 1] ?? this.text.length;
      if (closing < this.text.length) {
        const paren = this.skipSpace(closing + 1);
        if (this.charAt(paren) === ')') return paren + 1;
      }
    }
    return this.charAt(next) === ')' ? next + 1 : -1;
  }

  /**
   * A Hugo shortcode as the whole destination, `({{< ref "0003-use-x.md" >}})`: sites built with
   * Hugo link their decisions so. Its `<`, `>` and quotes would end an ordinary destination.
   */
  private shortcode(p: number): { target: string; end: number } | null {
    if (!this.text.startsWith('{{', p)) return null;
    const delimiter = this.charAt(p + 2);
    if (delimiter !== '<' && delimiter !== '%') return null;
    const close = this.braces[p + 3] ?? this.text.length;
    if (close >= this.text.length || this.charAt(close - 1) !== (delimiter === '<' ? '>' : '%')) return null;
    const end = this.closeAfter(close + 2);
    return end === -1 ? null : { target: this.text.slice(p, close + 2), end };
  }

  /**
   * The destination that starts just after a link's `(`: `(<target> "title")`, `(target with spaces "title")`,
   * `("title")` or `()`. What `\(\s*(?:(?:<([^>)]*)>|<?([^\s)>]+(?:\s+[^\s)>"][^\s)>]*)*))(?:\s+"[^"]*")?\s*|"[^"]*"\s*)?\)` matched.
   */
  destination(open: number): { target: string | undefined; end: number } | null {
    this.build();
    const n = this.text.length;
    const p = this.skipSpace(open);
    if (p >= n) return null;
    const c = this.charAt(p);
    const shortcode = this.shortcode(p);
    if (shortcode) return shortcode;
    if (c === '<') {
      const closing = this.angleOrParen[p + 1] ?? n;
      if (this.charAt(closing) === '>') {
        const end = this.closeAfter(closing + 1);
        if (end !== -1) return { target: this.text.slice(p + 1, closing), end };
      }
    }
    if (!(this.kind(p) & STOP)) {
      // `<?` takes the `<` when a run follows it; either way the run ends in the same place.
      const from = c === '<' && p + 1 < n && !(this.kind(p + 1) & STOP) ? p + 1 : p;
      const chainEnd = this.chain[from]!;
      const end = this.closeAfter(chainEnd);
      if (end !== -1) return { target: this.text.slice(from, chainEnd), end };
    }
    if (c === '"') {
      const closing = this.quote[p + 1] ?? n;
      if (closing < n) {
        const paren = this.skipSpace(closing + 1);
        if (this.charAt(paren) === ')') return { target: undefined, end: paren + 1 };
      }
    }
    return c === ')' ? { target: undefined, end: p + 1 } : null;
  }
}

/** Characters `.` does not match: a `\` before one escapes nothing. */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** A label is read up to this many items, or a line of `\[` would be rescanned from each bracket. */
const MAX_LABEL_ITEMS = 1000;

/**
 * The end of a label from its `[`: the index of its closing `]`, or -1. Items are characters,
 * `\`-escapes and balanced inner `[…]`, as CommonMark allows: adr-tools writes titles as they are.
 */
function labelEnd(text: string, open: number): number {
  let items = 0;
  for (let at = open + 1; at < text.length; items++) {
    const c = text.charCodeAt(at);
    if (c === 93) return at;
    if (items >= MAX_LABEL_ITEMS) return -1;
    if (c === 92) {
      if (at + 1 >= text.length || isLineTerminator(text.charCodeAt(at + 1))) return -1;
      at += 2;
    } else if (c === 91) {
      let inner = at + 1;
      while (inner < text.length && text.charCodeAt(inner) !== 91 && text.charCodeAt(inner) !== 93) inner++;
      if (text.charCodeAt(inner) !== 93) return -1;
      at = inner + 1;
    } else at++;
  }
  return -1;
}

export interface MarkdownLink {
  label: string;
  /** The destination as written, without `<…>`; undefined for `()` and `("title")`. */
  target: string | undefined;
  start: number;
  end: number;
}

/** Every markdown link `[label](destination)` in a text, in order, in time linear in its length. */
export function markdownLinks(text: string, limit = Infinity): MarkdownLink[] {
  const found: MarkdownLink[] = [];
  if (!text.includes('](')) return found;
  const scan = new LinkText(text);
  for (let start = text.indexOf('['); start !== -1 && found.length < limit; ) {
    const close = labelEnd(text, start);
    const destination = close !== -1 && text.charCodeAt(close + 1) === 40 ? scan.destination(close + 2) : null;
    if (destination) {
      found.push({ label: text.slice(start + 1, close), target: destination.target, start, end: destination.end });
      start = text.indexOf('[', destination.end);
    } else start = text.indexOf('[', start + 1);
  }
  return found;
}
