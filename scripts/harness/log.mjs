// Progress lines on stderr, so stdout keeps the runners' own output and summary lines.
// Child scripts (the UI runner) inherit the start time, so all progress lines share one clock.
const START_ENV = 'ADR_ROLES_HARNESS_STARTED';
const started = Number(process.env[START_ENV]) || Date.now();
process.env[START_ENV] = String(started);

export function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[harness ${seconds}s] ${message}\n`);
}
