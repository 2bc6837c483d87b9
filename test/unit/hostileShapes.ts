/**
 * Inputs whose cost once grew faster than their size, each at a size n the unit run affords:
 * the complexity tests time them at n and 8n, `npm run fuzz` at far larger sizes.
 */
export type HostileShape =
  | { kind: 'text'; name: string; n: number; text: (n: number) => string; markdown?: 'tree' }
  | { kind: 'references'; name: string; n: number; text: (n: number) => string }
  | { kind: 'log'; name: string; n: number; files: (n: number) => Record<string, string> };

const pad = (n: number): string => String(n).padStart(5, '0');

function decision(n: number, relations: string): string {
  return `---\nowner: cto\nstatus: accepted\n${relations}---\n# Decision ${n}\n`;
}

function log(count: number, relations: (i: number) => string, name: (i: number) => string = (i) => `d/${pad(i)}-d.md`): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) files[name(i)] = decision(i, relations(i));
  return files;
}

export const HOSTILE_SHAPES: HostileShape[] = [
  { kind: 'text', name: 'a Status section line of `[](` repeated', n: 4000, text: (n) => `# 1. A\n\n## Status\n\nSupersedes ${'[]('.repeat(n)}\n` },
  { kind: 'text', name: 'a status bullet of `](` repeated', n: 4000, text: (n) => `# 1. A\n\n* Status: Superseded by ${']('.repeat(n)}\n` },
  { kind: 'text', name: 'a Supersedes bullet of `[](<` repeated', n: 2000, text: (n) => `# 1. A\n\n* Supersedes: ${'[](<'.repeat(n)}\n` },
  { kind: 'text', name: 'a Supersedes bullet of unclosed Hugo shortcode links `[]({{<` repeated', n: 2000, text: (n) => `# 1. A\n\n* Supersedes: ${'[]({{< ref "a.md" >'.repeat(n)}\n` },
  { kind: 'text', name: 'a title of `[](` repeated', n: 4000, text: (n) => `# 1. A ${'[]('.repeat(n)}\n` },
  { kind: 'text', name: 'frontmatter of `*` lines', n: 300, text: (n) => `---\nx: ""${'\n*'.repeat(n)}\n---\n# 1. Y\n` },
  { kind: 'text', name: 'a tagged frontmatter block of blank lines before its one field', n: 2000, text: (n) => `---yaml\n${' \n'.repeat(n)}x\n---\n# 1. T\n` },
  { kind: 'text', name: 'frontmatter of anchored keys', n: 120, text: (n) => `---\n${Array.from({ length: n }, (_, i) => `a${i}: &a${i} 1`).join('\n')}\n---\n# 1. Y\n` },
  { kind: 'text', name: 'lazy continuation lines under a status bullet (open document)', n: 150, text: (n) => `# 1. L\n\n* Status: x\n${'y\n'.repeat(n)}`, markdown: 'tree' },
  { kind: 'text', name: 'a reference of `1` and blanks before a line break', n: 7000, text: (n) => `---\nowner: cto\nsupersedes: "1${' '.repeat(n)}\\nx"\n---\n# 1. T\n` },
  { kind: 'text', name: 'a successor status of blanks before a line break', n: 7000, text: (n) => `---\nowner: cto\nstatus: "superseded by${' '.repeat(n)}\\nx"\n---\n# 1. T\n` },
  { kind: 'text', name: 'a link target of `.md#` repeated before a line break', n: 1700, text: (n) => `---\nowner: cto\nsupersedes: "${'.md#'.repeat(n)}\\n.md"\n---\n# 1. T\n` },
  { kind: 'text', name: 'a title of zeros, then blanks, then no separator', n: 3000, text: (n) => `# ${'0'.repeat(n)}${' '.repeat(n)}x\n` },
  {
    kind: 'text',
    name: 'successors written both ways, as log4brains writes them',
    n: 200,
    text: (n) => `# 1. X\n\n* Owner: cto\n* Status: superseded\n${Array.from({ length: n }, (_, i) => `* Overridden by: ${i + 2}\n* Superseded by: ${i + 2}\n`).join('')}`,
  },
  { kind: 'text', name: 'broken relations, one per line', n: 400, text: (n) => `# 1. X\n\n* Owner: cto\n* Status: accepted\n${Array.from({ length: n }, (_, i) => `* Supersedes: ${i + 100_000}\n`).join('')}` },
  { kind: 'references', name: 'a text of `](` repeated', n: 4000, text: (n) => ']('.repeat(n) },
  { kind: 'references', name: 'a text of `[](` repeated', n: 4000, text: (n) => '[]('.repeat(n) },
  { kind: 'references', name: 'a text of `ADR-1` mentions', n: 4000, text: (n) => 'ADR-1 '.repeat(n) },
  { kind: 'references', name: 'a text of links to a.md', n: 2000, text: (n) => '[x](a.md) ADR-2 '.repeat(n) },
  { kind: 'log', name: 'files sharing one number', n: 200, files: (n) => log(n, () => '', (i) => `d/0001-d${i}.md`) },
  { kind: 'log', name: 'a supersedes chain', n: 250, files: (n) => log(n, (i) => (i > 1 ? `supersedes: ADR-${i - 1}\n` : '')) },
  { kind: 'log', name: 'a loop of supersedes', n: 250, files: (n) => log(n, (i) => `supersedes: ADR-${(i % n) + 1}\n`) },
  {
    kind: 'log',
    name: 'one decision superseded by all others, each named back',
    n: 400,
    files: (n) => log(n, (i) => (i === 1 ? `superseded-by: [${Array.from({ length: n - 1 }, (_, k) => `ADR-${k + 2}`).join(', ')}]\n` : 'supersedes: ADR-1\n')),
  },
  {
    kind: 'log',
    name: 'decisions with a status and an owner of their own each, overriding the one before over centuries',
    n: 250,
    files: (n) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, k) => [
          `d/${pad(k + 1)}-s.md`,
          `---\nstatus: waiting-${k}\nowner: ${k % 3 === 0 ? 'hoe' : k % 3 === 1 ? 'cto' : `r${k}`}\ndate: ${1000 + ((k * 37) % 9000)}-01-01\n${k > 0 ? `overrides: ADR-${k}\ntrigger: new-resource\n` : ''}---\n# S${k}\n`,
        ]),
      ),
  },
  {
    kind: 'log',
    name: 'pairs of decisions that each supersede both of the next pair',
    n: 10,
    files: (n) => log(2 * n, (i) => {
      const next = 2 * Math.ceil(i / 2) + 1;
      return next <= 2 * n ? `supersedes: [ADR-${next}, ADR-${next + 1}]\n` : '';
    }),
  },
];
