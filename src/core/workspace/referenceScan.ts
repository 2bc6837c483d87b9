// What the editor's workspace reference scan (CodeLens counts, find all references) reads. A cloned
// repository decides how many files it has and what is in them, so every amount here is bounded,
// and generated files (bundles, minified code, lock files) are left out: they do not cite decisions.

export interface ScanLimits {
  /** Files searched at most; a setting (adrRoles.references.maxFiles) may change it. */
  maxFiles: number;
  /** Files larger than this are not read. */
  maxFileBytes: number;
  /** Bytes read at most over the whole scan. */
  maxTotalBytes: number;
  /** A file with a longer line is taken for generated or minified and not searched. */
  maxLineLength: number;
  /** References kept at most over the whole workspace. */
  maxReferences: number;
  /** Files asked of the editor's search at most, before ordering and the cap. */
  maxListed: number;
  /** Comparisons the .gitignore matcher may make per listing. */
  ignoreSteps: number;
}

export const SCAN_LIMITS: ScanLimits = {
  maxFiles: 5_000,
  maxFileBytes: 512 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxLineLength: 4_000,
  maxReferences: 100_000,
  maxListed: 20_000,
  ignoreSteps: 20_000_000,
};

/** Where decisions get mentioned: docs, and code comments in the common languages. */
export const SEARCHED_FILES = '**/*.{md,markdown,txt,ts,tsx,js,jsx,mjs,cjs,py,go,java,kt,rb,rs,cs,c,cc,cpp,h,hpp,swift,php,scala,sh,yaml,yml,toml,tf}';

/**
 * Never searched, whatever the settings say: dependencies, build output, virtual environments,
 * caches, and minified or lock files. files.exclude, search.exclude and .gitignore add to these.
 */
export const ALWAYS_EXCLUDED = [
  '**/node_modules/**',
  '**/bower_components/**',
  '**/.git/**',
  '**/dist/**',
  '**/out/**',
  '**/build/**',
  '**/target/**',
  '**/coverage/**',
  '**/vendor/**',
  '**/.venv/**',
  '**/venv/**',
  '**/__pycache__/**',
  '**/.tox/**',
  '**/.next/**',
  '**/.cache/**',
  '**/*.min.*',
  '**/*-lock.yaml',
  '**/*.lock.yml',
];

/** The reason a listed file was not searched, or null when it was. */
export type SkipReason = 'too-large' | 'generated' | 'linked' | null;

/** A line over `maxLineLength` characters, or a NUL: minified, generated or binary. Linear in the text. */
export function looksGenerated(text: string, maxLineLength: number): boolean {
  if (text.includes('\u0000')) return true;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > maxLineLength) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/** Docs first (decisions are cited there most), then shallower files, then by path: the cap keeps what matters. */
export function scanOrder<T>(items: readonly T[], pathOf: (item: T) => string): T[] {
  const keyed = items.map((item) => {
    const path = pathOf(item);
    return { item, path, doc: /\.(md|markdown|txt)$/i.test(path) ? 0 : 1, depth: path.split('/').length };
  });
  keyed.sort((a, b) => a.doc - b.doc || a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return keyed.map((k) => k.item);
}

/** The alternatives of a glob's `{a,b}` groups (not nested, at most `limit`), or undefined when it cannot be expanded. */
export function expandBraces(glob: string, limit = 64): string[] | undefined {
  const open = glob.indexOf('{');
  if (open === -1) return glob.includes('}') || glob.includes(',') ? undefined : [glob];
  const close = glob.indexOf('}', open);
  if (close === -1) return undefined;
  const inner = glob.slice(open + 1, close);
  const head = glob.slice(0, open);
  if (inner.includes('{') || head.includes(',') || head.includes('}')) return undefined;
  const tails = expandBraces(glob.slice(close + 1), limit);
  if (!tails) return undefined;
  const expanded: string[] = [];
  for (const choice of inner.split(',')) {
    for (const tail of tails) {
      expanded.push(`${head}${choice}${tail}`);
      if (expanded.length > limit) return undefined;
    }
  }
  return expanded;
}

/**
 * The globs of a `search.exclude`-shaped setting that are switched on (`true`). A folder's glob also
 * excludes what is inside it. Conditional entries (`{ "when": … }`) and globs that cannot be
 * combined into one pattern are left out.
 */
export function enabledGlobs(setting: unknown): string[] {
  if (typeof setting !== 'object' || setting === null) return [];
  const globs: string[] = [];
  for (const [glob, on] of Object.entries(setting)) {
    if (on !== true) continue;
    for (const one of expandBraces(glob) ?? []) {
      if (one === '') continue;
      globs.push(one);
      if (!one.endsWith('/**')) globs.push(`${one.replace(/\/$/, '')}/**`);
    }
  }
  return globs;
}

/** One exclude pattern for the editor's search from many globs (it takes one; groups do not nest). */
export function combineGlobs(globs: readonly string[]): string {
  const unique = [...new Set(globs.filter((g) => g !== '' && !/[{},]/.test(g)))];
  if (unique.length <= 1) return unique[0] ?? '';
  return `{${unique.join(',')}}`;
}
