// Child processes with their output streamed through, failing loudly with the command line.
import { spawn } from 'node:child_process';

/** Runs a command to completion; rejects with its exit code and command line when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

/** Runs a command and returns its exit code and stdout, echoing stdout as it arrives. */
export function runCapturing(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolvePromise({ code: code ?? 128, signal, stdout }));
  });
}
