// Prints one plain closing line, "Tests: N passed, N failed, N skipped", that
// CI tools read whatever the runner.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
