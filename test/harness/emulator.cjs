'use strict';
// CommonJS bridge for jest: runs the .mjs emulator as a child process (jest cannot import ESM
// without experimental flags, and a separate process guarantees test files share nothing).
const { spawn } = require('node:child_process');
const path = require('node:path');

const CLI_PATH = path.resolve(__dirname, '../../emulator/cli.mjs');
const READY_TIMEOUT_MS = 10000;
const STOP_TIMEOUT_MS = 5000;
const MAX_STDERR = 64 * 1024;

/**
 * Starts `node emulator/cli.mjs --port 0 --json [...args]` and resolves once it prints its ready line.
 * @param {{ args?: string[] }} [options]
 */
function startEmulator(options = {}) {
	const args = Array.isArray(options.args) ? [...options.args] : [];
	// `npm run test:variants` runs the affected suites once per emulator variant.
	const variants = process.env.TRUSTPILOT_EMULATOR_VARIANTS;
	if (variants && !args.includes('--variant')) args.push('--variant', variants);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI_PATH, '--port', '0', '--json', ...args], {
			stdio: ['pipe', 'pipe', 'pipe'],
			windowsHide: true,
		});
		let stdout = '';
		let stderr = '';
		let settled = false;
		let exited = false;
		const exitPromise = new Promise((resolveExit) => {
			child.once('exit', (code, signal) => {
				exited = true;
				resolveExit({ code, signal });
			});
		});

		const timer = setTimeout(() => {
			fail(new Error(`emulator did not become ready within ${READY_TIMEOUT_MS} ms\n${stderr}`));
		}, READY_TIMEOUT_MS);

		function cleanupStreams() {
			child.stdout.removeAllListeners('data');
			child.stdin.destroy();
		}

		function fail(error) {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (!exited) child.kill('SIGKILL');
			cleanupStreams();
			reject(error);
		}

		async function stop() {
			if (!exited) {
				child.kill('SIGTERM');
				const killTimer = setTimeout(() => {
					if (!exited) child.kill('SIGKILL');
				}, STOP_TIMEOUT_MS);
				await exitPromise;
				clearTimeout(killTimer);
			}
			child.stdin.destroy();
			child.stdout.destroy();
			child.stderr.destroy();
		}

		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => {
			if (settled) return;
			stdout += chunk;
			const newline = stdout.indexOf('\n');
			if (newline < 0) return;
			let ready;
			try {
				ready = JSON.parse(stdout.slice(0, newline));
			} catch {
				fail(
					new Error(
						`emulator printed an unexpected first line: ${stdout.slice(0, newline)}\n${stderr}`,
					),
				);
				return;
			}
			if (!ready || ready.ready !== true) {
				fail(new Error(`emulator ready line is missing "ready": ${stdout.slice(0, newline)}`));
				return;
			}
			settled = true;
			clearTimeout(timer);
			resolve({
				apiUrl: ready.apiUrl,
				invitationsUrl: ready.invitationsUrl,
				apiOrigin: ready.apiOrigin,
				invitationsOrigin: ready.invitationsOrigin,
				adminUrl: ready.adminUrl,
				pid: child.pid,
				stop,
			});
		});
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk) => {
			if (stderr.length < MAX_STDERR) stderr += chunk;
		});
		child.once('error', (error) => fail(error));
		exitPromise.then(({ code, signal }) => {
			fail(
				new Error(
					`emulator exited before it was ready (code ${code}, signal ${signal})\n${stderr}`,
				),
			);
		});
	});
}

/** The emulator variants of this jest run (`npm run test:variants` sets one per run). */
function activeVariants() {
	return String(process.env.TRUSTPILOT_EMULATOR_VARIANTS ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

module.exports = { activeVariants, startEmulator };
