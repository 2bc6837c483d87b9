import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump when the generator changes: the corpus directory name hashes it, so stale corpora are never reused. */
const GENERATOR_VERSION = 2;

const WORDS = 'service queue latency budget tenant schema cache region vendor contract team replica index gateway event stream audit billing search migration'.split(' ');

/** A small deterministic generator (mulberry32): the same corpus on every machine and every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'x');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = sentence(next, 8 + Math.floor(next() * 10));
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join(' ');
}

const pad = (n: number): string => String(n).padStart(4, '0');
const id = (n: number): string => `ADR-${pad(n)}`;

/**
 * One MADR 4 decision with the role fields. Every 10th overrides the one 7 before it (with a
 * trigger, and the old one points back); every 13th supersedes the one 3 before it.
 */
export function decisionText(n: number, total: number, bodyBytes?: number): string {
  const next = random(n * 7919 + total);
  const overrides = n % 10 === 0 && n > 7 ? n - 7 : null;
  const supersedes = n % 13 === 0 && n > 3 && overrides === null ? n - 3 : null;
  const overriddenBy = (n + 7) % 10 === 0 && n + 7 <= total ? n + 7 : null;
  const supersededBy = (n + 3) % 13 === 0 && n + 3 <= total && (n + 3) % 10 !== 0 ? n + 3 : null;
  const fm = [
    '---',
    `status: ${overriddenBy ? 'overridden' : supersededBy ? 'superseded' : n % 17 === 0 ? 'proposed' : 'accepted'}`,
    `date: 20${String(10 + (n % 15)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    `owner: ${n % 3 === 0 ? 'cto' : 'hoe'}`,
    'decision-makers: [CTO]',
    'consulted: [Head of Engineering, Data team lead]',
    'informed: [Product team, Engineering team]',
  ];
  if (overrides) fm.push(`overrides: ${id(overrides)}`, `trigger: ${n % 20 === 0 ? 'new-resource' : 'new-requirement'}`, `trigger-detail: ${sentence(next, 6)}`);
  if (supersedes) fm.push(`supersedes: ${id(supersedes)}`);
  if (overriddenBy) fm.push(`overridden-by: ${id(overriddenBy)}`);
  if (supersededBy) fm.push(`superseded-by: ${id(supersededBy)}`);
  fm.push('---');
  const target = bodyBytes ?? 1800 + Math.floor(next() * 1900);
  const section = Math.max(200, Math.floor(target / 5));
  const body = [
    `# ${sentence(next, 5).slice(0, -1)}`,
    '',
    '## Context and Problem Statement',
    '',
    paragraph(next, section),
    '',
    '## Decision Drivers',
    '',
    `* ${sentence(next, 6)}`,
    `* ${sentence(next, 7)}`,
    '',
    '## Considered Options',
    '',
    `* ${sentence(next, 4)}`,
    `* ${sentence(next, 4)}`,
    '',
    '## Decision Outcome',
    '',
    paragraph(next, section),
    '',
    '```yaml',
    'status: not-a-field',
    '# not a heading',
    '```',
    '',
    '### Consequences',
    '',
    `* Good, because ${paragraph(next, section / 2)}`,
    `* Bad, because ${paragraph(next, section / 2)}`,
    '',
    '## More Information',
    '',
    paragraph(next, Math.max(0, target - 3 * section)),
    '',
  ];
  return `${fm.join('\n')}\n${body.join('\n')}`;
}

export function fileName(n: number): string {
  return `${pad(n)}-decision-${n}.md`;
}

/** The corpus folder, generated once under the OS temp dir and reused while the generator is unchanged. */
export function ensureCorpus(count: number): string {
  const hash = createHash('sha256').update(`${GENERATOR_VERSION}:${count}`).digest('hex').slice(0, 10);
  const dir = join(tmpdir(), `adr-roles-bench-${hash}`);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  // Written aside and renamed, so an interrupted run never leaves a half corpus that looks complete.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (let n = 1; n <= count; n++) writeFileSync(join(partial, fileName(n)), decisionText(n, count));
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return dir;
}
