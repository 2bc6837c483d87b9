// A decision log written with the names of Object.prototype's members in every field, for the
// tests that no lookup table or object keyed by a written word answers one of them.

/** `constructor`, `toString`, `__proto__`, `hasOwnProperty`, `valueOf`, `__defineGetter__`, …: every one. */
export const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * A word of the same shape as `name` that no object answers: its letters replaced by one letter
 * (its case kept), its underscores kept, so it is read, folded and lower-cased as `name` is.
 * Each name gets its own letter, so `__defineGetter__` and `__defineSetter__` stay apart.
 */
export function controlWord(name: string): string {
  const index = PROTOTYPE_NAMES.indexOf(name);
  const letter = 'jkmnpqrtvwxyz'.charAt(index >= 0 ? index : 0);
  return name.replace(/[a-z]/g, letter).replace(/[A-Z]/g, letter.toUpperCase());
}

/** A status as adr-roles keeps one of a team's own: without emphasis marks around it, a word of letters lower-cased, anything else as written. */
export function ownStatus(word: string): string {
  const bare = word.replace(/^[*_`]+|[*_`]+$/g, '');
  return /^\p{L}+$/u.test(bare) ? bare.toLowerCase() : bare;
}

/** A title or bullet value as markdown shows it: `__proto__` is `proto` in bold. */
export function inMarkdown(word: string): string {
  return word.replace(/^__(.+)__$/, '$1');
}

/**
 * The repository, path to text: `words` are the names written (PROTOTYPE_NAMES, or their control
 * words for a log of unknown values nothing could confuse), `roled` those of them that are roles in
 * `.adr-roles.yml` (the others are owners no role matches). Each word is a status, an owner, a
 * trigger, an elevated-from, a date, a title, a frontmatter key, a header key, a relation key and
 * verb, a relation target, a rule name, a configuration key, a role id, label and kind, a reviewer,
 * a review status, a file name and a folder name.
 */
export function prototypeRepository(words: readonly string[], roled: (word: string, index: number) => boolean): Map<string, string> {
  const files = new Map<string, string>();
  const main = 'docs/decisions';
  const roles = words.filter(roled);
  files.set(
    '.adr-roles.yml',
    [
      'folders:',
      `  - ${main}`,
      ...words.map((w) => `  - docs/${w}`),
      'roles:',
      '  - id: cto',
      '    label: CTO',
      '    kind: strategy',
      '    reviewers: ["@org/cto"]',
      '  - id: hoe',
      '    label: Head of Engineering',
      '    kind: execution',
      ...roles.flatMap((w) => [`  - id: ${w}`, `    label: ${w}`, `    kind: ${w}`, `    reviewers: ["@org/${w}", "@${w}"]`]),
      'rules:',
      '  missing-owner: warning',
      ...words.map((w) => `  ${w}: off`),
      'review:',
      '  after-months: 12',
      `  statuses: [accepted, ${words.join(', ')}]`,
      ...words.map((w) => `${w}: ${w}`),
      '',
    ].join('\n'),
  );
  files.set(`${main}/0001-first.md`, '---\nstatus: accepted\ndate: 2021-01-01\nowner: cto\n---\n# First\n');
  words.forEach((w, i) => {
    const n = (k: number): string => String(2 + 5 * i + k).padStart(4, '0');
    // MADR frontmatter: the word in every field and as a key of its own.
    files.set(
      `${main}/${n(0)}-${w}.md`,
      [
        '---',
        `status: ${w}`,
        `date: ${w}`,
        `owner: ${w}`,
        `trigger: ${w}`,
        `trigger-detail: ${w}`,
        `elevated-from: ${w}`,
        `elevated-on: ${w}`,
        `review-by: ${w}`,
        `reviewed-on: ${w}`,
        `revisit-when: ${w}`,
        `deciders: [${w}]`,
        `consulted: ${w}`,
        `${w}: ${w}`,
        `${w}-by: ADR-0001`,
        'overrides: ADR-0001',
        `supersedes: ${w}`,
        `amends: ${w}.md`,
        '---',
        `# ${w}`,
        '',
        `${w} text.`,
        '',
      ].join('\n'),
    );
    // MADR 2 / log4brains bullets: the word as a value and as a key.
    files.set(
      `${main}/${n(1)}-${w}-bullets.md`,
      [`# ${w}`, '', `* Status: ${w}`, `* Owner: ${w}`, `* Date: ${w}`, `* Trigger: ${w}`, `* Elevated from: ${w}`, `* ${w}: ${w}`, `* ${w} by: [ADR-0001](0001-first.md)`, '', '## Context', '', w, ''].join('\n'),
    );
    // adr-tools: the word as the status and as link verbs, with and without `by`.
    files.set(
      `${main}/${n(2)}-${w}-nygard.md`,
      [`# ${Number(n(2))}. ${w}`, '', `Date: ${w}`, '', '## Status', '', w, '', `${w} [1. First](0001-first.md)`, '', `${w} by [1. First](0001-first.md)`, '', `Superseded by [${w}](${w}.md)`, '', '## Context', '', w, ''].join('\n'),
    );
    // A status line that names a successor with the word, and the word as a status under the title.
    files.set(`${main}/${n(3)}-${w}-status.md`, [`# ${w}`, '', `Status: ${w}`, '', `* Owner: ${w}`, `* Overrides: ${w}`, `* Trigger: new-resource`, ''].join('\n'));
    // An accepted decision whose link lines name the first with the word as their verb: a successor kind no table holds.
    files.set(`${main}/${n(4)}-${w}-linked.md`, [`# ${Number(n(4))}. ${w} linked`, '', 'Date: 2021-02-01', '', '## Status', '', 'Accepted', '', `${w} [1. First](0001-first.md)`, '', `${w} by [1. First](0001-first.md)`, ''].join('\n'));
    // Files named for the word alone: a slug, not a number.
    files.set(`${main}/${w}.md`, `---\nstatus: accepted\nowner: cto\ntitle: ${w}\noverrides: ${w}\n---\n# ${w}\n`);
    // A folder named for the word, with a file named for it.
    files.set(`docs/${w}/0001-${w}.md`, `---\nstatus: ${w}\nowner: ${w}\n---\n# ${w}\n`);
    files.set(`docs/${w}/${w}.md`, `---\nstatus: proposed\nowner: hoe\nsupersedes: ADR-0001\n---\n# ${w}\n`);
  });
  return files;
}

/** How adr-roles folds a key: `hasOwnProperty` → `has-own-property`, `__proto__` → `-proto-`. */
function folded(word: string): string {
  return word
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** The forms a word is shown in: as written, lower and upper case, folded, in words, capitalised, and without markdown's `__` around it. */
function forms(word: string): string[] {
  const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const of = (w: string): string[] => [w, w.toLowerCase(), w.toUpperCase(), folded(w), folded(w).replaceAll('-', ' '), capital(w), capital(w.toLowerCase())];
  return [...of(word), ...of(word.replace(/^__|__$/g, ''))];
}

const BACK = new Map(PROTOTYPE_NAMES.flatMap((name) => {
  const names = forms(name);
  return forms(controlWord(name)).map((form, i): [string, string] => [form, names[i] ?? form]);
}));
const BACK_PATTERN = new RegExp(
  [...BACK.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** Output for the control words, with each of their forms put back to the name it stands for. */
export function asWritten(text: string): string {
  return text.replace(BACK_PATTERN, (form) => BACK.get(form) ?? form);
}
