// One place that knows what must be torn down: servers' process groups and run folders.
// Cleanups run on normal completion (callers await runCleanups), on SIGINT/SIGTERM, and as a
// last resort synchronously on exit, so no code-server outlives the script that started it.
const cleanups = [];
const groupsToKill = new Set();
let signalsHooked = false;
let signalExitCode = (defaultCode) => defaultCode;

/** For long-running commands such as `npm start`, where Ctrl+C is the normal way to stop. */
export function exitCleanlyOnSignals() {
  signalExitCode = () => 0;
}

/** Registers an async cleanup; returns a function that unregisters it. */
export function onCleanup(fn) {
  hookSignals();
  cleanups.push(fn);
  return () => {
    const index = cleanups.indexOf(fn);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/** A detached child's process group, killed synchronously on exit if nothing stopped it before. */
export function trackProcessGroup(pid) {
  hookSignals();
  groupsToKill.add(pid);
  return () => groupsToKill.delete(pid);
}

export async function runCleanups() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (error) {
      process.stderr.write(`cleanup failed: ${error?.stack ?? error}\n`);
    }
  }
}

export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: shutting down\n`);
      void runCleanups().finally(() => process.exit(signalExitCode(code)));
    });
  }
  process.once('exit', () => {
    for (const pid of groupsToKill) killGroup(pid, 'SIGKILL');
  });
}
