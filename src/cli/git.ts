import { execFile } from 'node:child_process';
import { UsageError } from './targets';

export interface GitResult {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

/** What git prints for one listing or one file at most, unless the caller allows more. */
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * Runs `git` with an argument array, never a shell. Global options keep a repository from running
 * anything through git: no fsmonitor hook, no external diff or text conversion; pathspecs are
 * literal, so a folder named `*` is that folder; and git never asks for a password.
 */
export function runGit(cwd: string, args: readonly string[], options: { input?: Buffer; maxBytes?: number } = {}): Promise<GitResult> {
  const full = ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', '--literal-pathspecs', '--no-pager', ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      full,
      { cwd, encoding: 'buffer', maxBuffer: options.maxBytes ?? DEFAULT_MAX_OUTPUT, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT') reject(new UsageError('--base needs the git command, and it is not installed'));
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new UsageError(`git printed more than ${Math.round((options.maxBytes ?? DEFAULT_MAX_OUTPUT) / 1024)} KB for '${args.slice(0, 2).join(' ')}': too much to read`));
        else resolve({ ok: error === null, stdout, stderr: stderr.toString('utf8') });
      },
    );
    if (options.input) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** A git command's output as text, its last line break trimmed; a usage error with `failure` when git fails. */
export async function gitText(cwd: string, args: readonly string[], failure: () => string): Promise<string> {
  const result = await runGit(cwd, args);
  if (!result.ok) throw new UsageError(failure());
  return result.stdout.toString('utf8').replace(/\r?\n$/, '');
}
