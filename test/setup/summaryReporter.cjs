// Prints one plain closing line ("jest: N passed, N failed, N skipped") that CI tools can read,
// and fails the run when no test at all was executed.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const passed = results.numPassedTests;
		// A suite that fails to load runs no test but must still count as a failure.
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(`\njest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
		if (passed + failed === 0) {
			process.stdout.write('jest: no test was executed\n');
			process.exitCode = 1;
		}
	}
}
module.exports = SummaryReporter;
