/**
 * A title as a reader of the rendered page sees it: `Use \`pnpm\` for **all** packages` →
 * `Use pnpm for all packages`. Code spans, emphasis, links (their text), images (their alt text),
 * HTML tags and backslash escapes are undone; everything else is kept. One pass, linear in the
 * text: a title of 100,000 brackets costs no more than one of 100,000 letters.
 */
/**
 * The backtick runs of a text, by length: where each run of exactly that many starts, in order.
 * One pass; a code span's closing run is then the next start of its length, found by a pointer
 * that only moves forward, so a title of many runs costs one scan, not one per run.
 */
function backtickRuns(text: string): { next: (length: number, from: number) => number } {
  const starts = new Map<number, number[]>();
  for (let at = text.indexOf('`'); at !== -1; at = text.indexOf('`', at)) {
    let end = at;
    while (text.charAt(end) === '`') end++;
    const list = starts.get(end - at);
    if (list) list.push(at);
    else starts.set(end - at, [at]);
    at = end;
  }
  const seen = new Map<number, number>();
  return {
    next(length, from) {
      const list = starts.get(length) ?? [];
      let i = seen.get(length) ?? 0;
      while (i < list.length && (list[i] ?? 0) < from) i++;
      seen.set(length, i);
      return list[i] ?? -1;
    },
  };
}

export function plainInline(text: string): string {
  if (!/[\\`*_[\]<]/.test(text)) return text;
  // Characters kept, as an array: a link's `[` (and an image's `!`) is taken back out once its
  // `](…)` is found, without copying the text so far.
  const out: string[] = [];
  const openers: number[] = [];
  const runs = backtickRuns(text);
  // The next `)` and `>`, each found once and reused until passed: searching again from every `](`
  // or `<` would rescan the rest of the text each time.
  const next = { ')': -2, '>': -2 };
  const after = (mark: ')' | '>', from: number): number => {
    if (next[mark] !== -1 && next[mark] < from) next[mark] = text.indexOf(mark, from);
    return next[mark];
  };
  for (let at = 0; at < text.length; ) {
    const c = text.charAt(at);
    if (c === '\\' && at + 1 < text.length && /[!-/:-@[-`{-~]/.test(text.charAt(at + 1))) {
      out.push(text.charAt(at + 1));
      at += 2;
      continue;
    }
    if (c === '`') {
      // A code span shows its text as written (`__init__` keeps its underscores); an unmatched run is text.
      let end = at;
      while (text.charAt(end) === '`') end++;
      const close = runs.next(end - at, end);
      if (close === -1) {
        out.push(text.slice(at, end));
        at = end;
        continue;
      }
      const code = text.slice(end, close);
      out.push(/^ .* $/s.test(code) && code.trim() !== '' ? code.slice(1, -1) : code);
      at = close + (end - at);
      continue;
    }
    if (c === '*' || c === '_') {
      let end = at;
      while (text.charAt(end) === c) end++;
      // `snake_case` keeps its underscore and `a * b` its star: a run between two letters or digits,
      // or between two blanks, is no emphasis.
      const before = text.charAt(at - 1);
      const following = text.charAt(end);
      const intraword = /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(following);
      const loose = (before === '' || /\s/.test(before)) && (following === '' || /\s/.test(following));
      if (intraword || loose) out.push(text.slice(at, end));
      at = end;
      continue;
    }
    if (c === '[') {
      openers.push(out.length);
      out.push(c);
      at++;
      continue;
    }
    if (c === ']' && text.charAt(at + 1) === '(' && openers.length > 0) {
      // A link shows its text, an image its alt text: the destination and the brackets go.
      const close = after(')', at + 2);
      if (close !== -1) {
        const opener = openers.pop() ?? 0;
        out[opener] = '';
        if (out[opener - 1] === '!') out[opener - 1] = '';
        at = close + 1;
        continue;
      }
    }
    if (c === ']') openers.pop();
    if (c === '<') {
      const close = after('>', at + 1);
      // Tags are short: a `<` far from any `>` is text.
      const tag = close === -1 || close - at > 200 ? '' : text.slice(at + 1, close);
      if (/^\/?[A-Za-z][A-Za-z0-9-]*(\s[^<]*)?\/?$/.test(tag)) {
        at = close + 1;
        continue;
      }
    }
    out.push(c);
    at++;
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}
