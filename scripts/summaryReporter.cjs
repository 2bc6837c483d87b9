// Mocha's spec reporter, closed by the plain summary line CI reads: `N passed, N failed`.
// The label (first CLI reporter option `label=…`) names which runner the line belongs to.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = options?.reporterOption?.label ?? 'unit';
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', () => skipped++);
    runner.once('end', () => {
      const tail = skipped ? `, ${skipped} skipped` : '';
      process.stdout.write(`${label}: ${passed} passed, ${failed} failed${tail}\n`);
    });
  }
}

module.exports = SummaryReporter;
