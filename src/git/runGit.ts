import { execFile } from 'node:child_process';

/** git failed in a way the user can act on; its message is one line, for stderr or an output channel. */
export class GitError extends Error {}

/** The git executable is not there (or the folder it was to run in is gone). */
export class GitMissing extends GitError {}

export interface GitResult {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

/** Which git runs, and where: the CLI's `git` on PATH, or the path VS Code's git extension found. */
export interface GitLocation {
  /** The git executable: `git`, or an absolute path. */
  gitPath: string;
  /** A folder inside the repository. */
  cwd: string;
}

export interface GitRunOptions {
  input?: Buffer;
  maxBytes?: number;
  /** Ends the git process: a stale editor run is cancelled, not awaited. */
  signal?: AbortSignal;
  /** How long git may take before it is stopped (GIT_TIMEOUT_MS unless given). */
  timeoutMs?: number;
}

/** What git prints for one listing or one file at most, unless the caller allows more. */
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

/** Thrown (as the `AbortError` name) when a run was cancelled through its signal. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A git run that has not ended by then is killed: a configuration can include a named pipe, which blocks for ever. */
const GIT_TIMEOUT_MS = 120_000;

/**
 * Runs git with an argument array, never a shell. Global options keep a repository from running
 * anything through git: no fsmonitor hook, no external diff or text conversion (and the callers
 * only read objects and compare commits, never the working tree, so no clean filter a repository
 * configures runs); a bare repository committed inside the clone is not taken for the repository
 * (`safe.bareRepository=explicit`); pathspecs are literal, so a folder named `*` is that folder;
 * git never asks for a password and takes no optional locks, so a read never blocks or disturbs
 * another git process; and a run that hangs is killed.
 */
export function runGit(where: GitLocation, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  const full = ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', '-c', 'safe.bareRepository=explicit', '--literal-pathspecs', '--no-pager', ...args];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve, reject) => {
    const child = execFile(
      where.gitPath,
      full,
      {
        cwd: where.cwd,
        encoding: 'buffer',
        maxBuffer: maxBytes,
        windowsHide: true,
        shell: false,
        timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        ...(options.signal ? { signal: options.signal } : {}),
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (error?.name === 'AbortError') reject(Object.assign(new Error('the git run was cancelled'), { name: 'AbortError' }));
        else if ((error as { killed?: boolean } | null)?.killed) reject(new GitError(`git did not answer within ${Math.round((options.timeoutMs ?? GIT_TIMEOUT_MS) / 1000)} s for '${args.slice(0, 2).join(' ')}' and was stopped (does the repository's git configuration include a file that blocks?)`));
        else if (code === 'ENOENT') reject(new GitMissing(`the git command (${where.gitPath}) is not installed, or the folder ${where.cwd} is gone`));
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new GitError(`git printed more than ${Math.round(maxBytes / 1024)} KB for '${args.slice(0, 2).join(' ')}': too much to read`));
        else resolve({ ok: error === null, stdout, stderr: stderr.toString('utf8') });
      },
    );
    // git may exit before reading all of its input (an unknown object): the broken pipe is its answer, not ours.
    child.stdin?.on('error', () => {});
    if (options.input) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** A git command's output as text, its last line break trimmed; a GitError with `failure` when git fails. */
export async function gitText(where: GitLocation, args: readonly string[], failure: () => string, options: GitRunOptions = {}): Promise<string> {
  const result = await runGit(where, args, options);
  if (!result.ok) throw new GitError(failure());
  return result.stdout.toString('utf8').replace(/\r?\n$/, '');
}
