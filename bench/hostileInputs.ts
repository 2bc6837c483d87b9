// Files a cloned repository could hold to make a decision reader hang or run out of memory. The
// benchmark measures each one's time and memory; test/unit/bounds.test.ts holds them to the bounds
// the README states.
import { admitDecision, DEFAULT_READ_LIMITS, type Admission, type ReadLimits } from '../src/core/read/fileAdmission';

export interface HostileInput {
  name: string;
  /** What the product must do with it: read it (reporting `problem`, if given) or skip it. */
  outcome: 'read' | 'skipped';
  problem?: string;
  /** How it is read, in words, for the benchmark's table. */
  expect: string;
  /** The file's text as the editor or the index would decode it. */
  text: () => string;
  limits?: ReadLimits;
  markdown: 'scan' | 'tree';
}

/** A deterministic byte stream: the same "random" binary file on every run. */
function pseudoRandomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** Nine levels of nine aliases each: 387,420,489 strings if anything expanded them. */
export function aliasBomb(): string {
  const lines = ['---', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 9; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  lines.push('status: accepted', 'owner: cto', '---', '# 1. Alias bomb', '');
  return lines.join('\n');
}

/** A well-formed decision of about `bytes` bytes: real frontmatter, then paragraphs. */
export function largeDecision(bytes: number): string {
  const paragraph = `${'The team weighed the options and chose the one it could run with the people it has. '.repeat(8)}\n\n`;
  const head = '---\nstatus: accepted\nowner: cto\ndate: 2026-01-05\n---\n# 2. A large decision\n\n';
  return head + paragraph.repeat(Math.ceil((bytes - head.length) / paragraph.length));
}

export const MB = 1024 * 1024;
const RAISED: ReadLimits = { maxFileBytes: 8 * MB };

export const HOSTILE_INPUTS: HostileInput[] = [
  { name: 'YAML alias bomb (9×9 aliases)', outcome: 'read', expect: 'read, aliases not expanded', text: aliasBomb, markdown: 'tree' },
  { name: '5 MB decision, default limit', outcome: 'skipped', expect: 'skipped: file-skipped', text: () => largeDecision(5 * MB), markdown: 'tree' },
  { name: '5 MB decision, limit raised to 8 MB', outcome: 'read', expect: 'read by the line scan', text: () => largeDecision(5 * MB), limits: RAISED, markdown: 'tree' },
  { name: '1 MB of binary named .md', outcome: 'skipped', expect: 'skipped: file-skipped', text: () => new TextDecoder().decode(pseudoRandomBytes(MB)), markdown: 'tree' },
  {
    name: 'invalid UTF-8 (Latin-1 decision, 100 KB)',
    outcome: 'read', problem: 'invalid-encoding', expect: 'read, with invalid-encoding',
    text: () => new TextDecoder().decode(Uint8Array.from(largeDecision(100 * 1024).replace(/chose/g, 'chos\u00e9'), (c) => c.charCodeAt(0) & 0xff)),
    markdown: 'tree',
  },
  {
    name: '10,000-line frontmatter (key: value)',
    outcome: 'read', expect: 'read',
    text: () => `---\nstatus: accepted\nowner: cto\n${Array.from({ length: 10_000 }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\n# 3. Long frontmatter\n`,
    markdown: 'tree',
  },
  {
    name: '10,000-line frontmatter (nested flow maps)',
    outcome: 'read', problem: 'invalid-frontmatter', expect: 'plain lines read, with invalid-frontmatter',
    text: () => `---\nstatus: accepted\nowner: cto\nlist:\n${Array.from({ length: 10_000 }, (_, i) => `  - {a: [${i}, {b: c}], d: "e"}`).join('\n')}\n---\n# 3. Long frontmatter\n`,
    markdown: 'tree',
  },
  {
    name: '63 KB of nested flow maps (the most the YAML parser takes)',
    outcome: 'read',
    expect: 'read',
    text: () => `---\nstatus: accepted\nowner: cto\nlist:\n${Array.from({ length: 1_800 }, (_, i) => `  - {a: [${i}, {b: c}], d: "e"}`).join('\n')}\n---\n# 3. Long frontmatter\n`,
    markdown: 'tree',
  },
  { name: 'YAML nested 100,000 deep', outcome: 'read', problem: 'invalid-frontmatter', expect: 'read, with invalid-frontmatter', text: () => `---\nowner: cto\na: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n# 4. Deep\n`, markdown: 'tree' },
  { name: 'YAML block items nested 30,000 deep', outcome: 'read', problem: 'invalid-frontmatter', expect: 'read, with invalid-frontmatter', text: () => `---\nowner: cto\na:\n  ${'- '.repeat(30_000)}x\n---\n# 4. Deep\n`, markdown: 'tree' },
  { name: 'markdown quotes nested 100,000 deep', outcome: 'read', expect: 'read by the line scan', text: () => `---\nowner: cto\n---\n# 5. Deep\n\n${'> '.repeat(100_000)}x\n`, markdown: 'tree' },
  { name: 'one 900 KB line', outcome: 'read', expect: 'read', text: () => `---\nowner: cto\n---\n# 6. Long line\n\n${'x'.repeat(900 * 1024)}\n`, markdown: 'tree' },
  {
    name: '60 KB of setext headings (open document)',
    outcome: 'read', expect: 'read by the line scan',
    text: () => `---\nowner: cto\n---\n# 7. Headings\n\n${Array.from({ length: 15_000 }, (_, i) => (i % 2 ? '===' : 'x')).join('\n')}\n`,
    markdown: 'tree',
  },
  {
    name: '60 KB of emphasis and brackets (open document)',
    outcome: 'read', expect: 'read',
    text: () => `---\nowner: cto\n---\n# 8. Inline\n\n${Array.from({ length: 300 }, () => '*_[`'.repeat(50)).join('\n')}\n`,
    markdown: 'tree',
  },
  {
    name: '62 KB frontmatter of `*` lines (32,000 keys)',
    outcome: 'read', problem: 'invalid-frontmatter', expect: 'read, with invalid-frontmatter',
    text: () => `---\nowner: cto\nx: ""${'\n*'.repeat(31_000)}\n---\n# 9. Stars\n`,
    markdown: 'tree',
  },
  {
    name: '31,000 lazy lines under a list item (open document)',
    outcome: 'read', expect: 'read by the line scan',
    text: () => `---\nowner: cto\n---\n# 10. Lazy\n\n* Status: accepted\n${'y\n'.repeat(31_000)}`,
    markdown: 'tree',
  },
  {
    name: 'Status section of `[](` × 80,000 (240 KB)',
    outcome: 'read', expect: 'read',
    text: () => `# 11. Brackets\n\n* Owner: cto\n\n## Status\n\nSupersedes ${'[]('.repeat(80_000)}\n`,
    markdown: 'scan',
  },
  {
    name: 'status line of `](` × 120,000 (240 KB)',
    outcome: 'read', expect: 'read',
    text: () => `# 12. Parens\n\n* Owner: cto\n* Status: Supersedes ${']('.repeat(120_000)}\n* Supersedes: ${'[]('.repeat(80_000)}\n`,
    markdown: 'scan',
  },
  {
    name: '512 KB of `ADR-1 ` mentions',
    outcome: 'read', expect: 'read',
    text: () => `# 13. Mentions\n\n* Owner: cto\n\n${'ADR-1 '.repeat(Math.floor((512 * 1024) / 6))}\n`,
    markdown: 'tree',
  },
];

export function admit(input: HostileInput, text: string): Admission {
  return admitDecision('docs/decisions/0001-hostile.md', text, input.limits ?? DEFAULT_READ_LIMITS, { markdown: input.markdown });
}
