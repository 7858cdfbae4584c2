// Runs a node:test suite (`node scripts/run-node-tests.mjs <dir-or-file>…`) and fails unless it
// ran at least one test and every test passed: `node --test` exits 0 for a file that registers no
// test (it reports the file itself as one passing test), which would let CI pass on an empty or
// broken suite. Tests are the TAP test points that are neither a suite nor a test file itself.
// Prints the suite's TAP output as it comes, then one summary line with the wall time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const targets = process.argv.slice(2);
if (targets.length === 0) {
	process.stderr.write('usage: node scripts/run-node-tests.mjs <test dir or file>…\n');
	process.exit(2);
}

function isFile(name) {
	try {
		return fs.statSync(name).isFile();
	} catch {
		return false;
	}
}

const started = Date.now();
const child = spawn(
	process.execPath,
	['--test', '--test-concurrency=1', '--test-reporter=tap', ...targets],
	{ stdio: ['inherit', 'pipe', 'inherit'] },
);
// Ctrl-C / CI timeouts reach the suite, whose own handlers stop what it started.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

const totals = {};
let testPoints = 0;
let suites = 0;
let pending = '';
child.stdout.on('data', (chunk) => {
	process.stdout.write(chunk);
	pending += chunk.toString('utf8');
	const lines = pending.split('\n');
	pending = lines.pop();
	for (const line of lines) {
		// The run's own totals are the unindented `# tests N` … lines at the end of the TAP stream.
		const total = /^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(line);
		if (total) totals[total[1]] = Number(total[2]);
		// A suite says so in its YAML block; a file standing in for its tests is named by its path.
		const point = /^\s*(?:not )?ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(line);
		if (point && !isFile(point[1])) testPoints += 1;
		if (/^\s*type: 'suite'$/.test(line)) suites += 1;
	}
});

const code = await new Promise((resolve) =>
	child.once('exit', (exitCode) => resolve(exitCode ?? 1)),
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const problems = [];
if (code !== 0) problems.push(`node --test exited ${code}`);
const tests = testPoints - suites;
if (!(tests > 0)) problems.push('no test ran');
if (totals.pass !== totals.tests)
	problems.push(`${totals.pass ?? 0} of ${totals.tests ?? 0} passed`);
for (const kind of ['fail', 'cancelled', 'skipped', 'todo']) {
	if (totals[kind] > 0) problems.push(`${totals[kind]} ${kind}`);
}
const summary = `${targets.join(' ')}: ${totals.pass ?? 0}/${tests} tests passed in ${seconds} s`;
if (problems.length > 0) {
	process.stderr.write(`FAILED ${summary} (${problems.join('; ')})\n`);
	process.exit(1);
}
process.stdout.write(`OK ${summary}\n`);
