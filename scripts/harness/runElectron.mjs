// Runs the integration suites in desktop VS Code through @vscode/test-electron, for machines that
// can download VS Code (`ADR_ROLES_VSCODE=electron npm test`). The suites are the same bundle the
// code-server runner loads; only the way VS Code is started differs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { log } from './log.mjs';
import { demoWorkspace, integrationBundle, repoRoot } from './paths.mjs';
import { didNotRun, readResultsFile, reportLines, summaryLine } from './results.mjs';
import { createRunFolder } from './runFolder.mjs';

const LABEL = 'integration';

export async function runIntegrationInElectron() {
  const runFolder = createRunFolder('electron');
  const workspace = runFolder.copyWorkspace(demoWorkspace);
  const resultsFile = join(runFolder.root, 'results.json');
  let failure = null;
  try {
    log('running integration suites in desktop VS Code (@vscode/test-electron)');
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: integrationBundle,
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        `--user-data-dir=${runFolder.userDataDir}`,
        `--extensions-dir=${runFolder.extensionsDir}`,
      ],
      extensionTestsEnv: { ADR_ROLES_TEST_RESULTS: resultsFile, ...(process.env.ADR_ROLES_TEST_GREP ? { ADR_ROLES_TEST_GREP: process.env.ADR_ROLES_TEST_GREP } : {}) },
    });
  } catch (error) {
    failure = error; // runTests rejects when a test fails, too: the results file tells which it was
  }
  const result = readResultsFile(LABEL, resultsFile);
  if (result?.failed > 0) {
    log(`kept the run folder for inspection: ${runFolder.root}`);
    return result;
  }
  runFolder.remove();
  return result ?? didNotRun(LABEL, failure?.message ?? 'the suites wrote no results');
}

// `node scripts/harness/runElectron.mjs` runs just this runner.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runIntegrationInElectron();
  console.log(reportLines(result).join('\n'));
  console.log(summaryLine(result));
  process.exitCode = result.failed > 0 ? 1 : 0;
}
