// The extensionTestsPath entry point: VS Code (desktop through @vscode/test-electron, or
// code-server's smoke-test driver) loads this bundle into the extension host and awaits run().
// esbuild bundles this file with the suites, so the suites are imported here by name.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

/** Where the harness wants the JSON summary; both runners pass it through the extension host's environment. */
export const RESULTS_FILE_ENV = 'ADR_ROLES_TEST_RESULTS';
/** A pattern: only the tests whose full title matches it run (`ADR_ROLES_TEST_GREP=Renumber npm test -- integration`). */
export const GREP_ENV = 'ADR_ROLES_TEST_GREP';

interface Results {
  passed: number;
  failed: number;
  pending: number;
  /** Every test in run order, so the harness can list them outside the workbench. */
  tests: { title: string; state: 'passed' | 'failed' | 'pending' }[];
  failures: { title: string; message: string }[];
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(grep);
  // The suites call describe/it while they load, so the bdd globals must exist before they are
  // imported. esbuild bundles each literal import() below: a new *.test.ts file is added here.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  await import('./activation.test');
  await import('./catalog.test');
  await import('./diagnostics.test');
  await import('./reviewOverdue.test');
  await import('./reviewView.test');
  await import('./decisionsTree.test');
  await import('./quickFix.test');
  await import('./roles.test');
  await import('./newDecision.test');
  await import('./graphReport.test');
  await import('./navigation.test');
  await import('./lifecycle.test');
  await import('./guards.test');
  await import('./addOwners.test');
  await import('./nothingLost.test');
  await import('./faults.test');
  await import('./referenceScan.test');
  await import('./containment.test');
  await import('./branchChecks.test');
  await import('./renumberMonorepo.test');

  const results = await runSuites(mocha);
  const resultsFile = process.env[RESULTS_FILE_ENV];
  if (resultsFile) writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}

function runSuites(mocha: Mocha): Promise<Results> {
  return new Promise((resolve) => {
    const results: Results = { passed: 0, failed: 0, pending: 0, tests: [], failures: [] };
    const runner = mocha.run(() => resolve(results));
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed' });
    });
    runner.on('pending', (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
    // Hook failures arrive here too, so a broken before() is counted rather than silently skipping tests.
    runner.on('fail', (test, error: unknown) => {
      results.failed++;
      results.tests.push({ title: test.fullTitle(), state: 'failed' });
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.failures.push({ title: test.fullTitle(), message });
    });
  });
}
