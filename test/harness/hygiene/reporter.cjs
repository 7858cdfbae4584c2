'use strict';
// Secret hygiene, part 3 of 3 (a jest reporter): switches recording on for the run (workers
// inherit TRUSTPILOT_HYGIENE_DIR) and at the end scans everything recorded (runs, polls,
// webhook calls, n8n log lines, console output) for the secrets the tests used: the
// emulator's seeded API secrets, passwords and BGL keys, every credential secret and token a
// run held, and anything token-shaped. A leak fails the jest run.
// The emulator's own request log is deliberately not scanned: it legitimately sees tokens.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const { SecretSet, readRecords, scan } = require('./scanner.cjs');

const EMULATOR_ENTRY = path.resolve(__dirname, '..', '..', '..', 'emulator', 'index.mjs');

/** The secrets of the emulator's seeded world, read from a throw-away instance's /info. */
async function seededSecrets(secrets) {
	const { startEmulator } = await import(pathToFileURL(EMULATOR_ENTRY).href);
	const emulator = await startEmulator({ port: 0 });
	try {
		const info = await (await fetch(`${emulator.adminUrl}/info`)).json();
		const { account, otherAccount, bgl } = info;
		secrets.add(account.apiSecret, 'seeded API secret');
		secrets.addPair(account.apiKey, account.apiSecret, 'seeded key:secret (Basic)');
		for (const user of [
			account.businessUser,
			account.twoFactorUser,
			account.readerUser,
			otherAccount.businessUser,
		]) {
			secrets.add(user.password, 'seeded password');
		}
		secrets.add(otherAccount.apiSecret, 'seeded API secret (other account)');
		secrets.add(bgl.encryptKey, 'seeded BGL encrypt key');
		secrets.add(bgl.authKey, 'seeded BGL auth key');
	} finally {
		await emulator.close();
	}
}

class SecretHygieneReporter {
	constructor(globalConfig, options = {}) {
		this.suite = options.suite ?? 'tests';
		this.dir = path.join(globalConfig.rootDir, '.cache', 'secret-hygiene', this.suite);
		this.error = undefined;
		process.env.TRUSTPILOT_HYGIENE_DIR = this.dir;
	}

	onRunStart() {
		fs.rmSync(this.dir, { recursive: true, force: true });
		fs.mkdirSync(this.dir, { recursive: true });
	}

	async onRunComplete() {
		const secrets = new SecretSet();
		await seededSecrets(secrets);
		const entries = readRecords(this.dir);
		const result = scan({ entries, secrets });
		const { counts } = result;
		const summary =
			`secret hygiene (${this.suite}): ${result.findings.length} leak(s) in ${counts.workflow} workflow runs, ` +
			`${counts.poll} polls, ${counts.webhook} webhook calls, ${counts.log} n8n log batches, ${counts.console} console batches ` +
			`and ${counts.other} other records, checked for ${result.secretCount} secrets and token-shaped strings`;
		fs.writeFileSync(
			path.join(this.dir, 'summary.json'),
			`${JSON.stringify({ ...result, findings: result.findings.length }, null, 2)}\n`,
		);
		process.stdout.write(`\n${summary}\n`);
		for (const finding of result.findings.slice(0, 20)) {
			const where = [finding.file && path.relative(process.cwd(), finding.file), finding.test]
				.filter(Boolean)
				.join(' › ');
			process.stdout.write(
				`  LEAK ${finding.secret} in ${finding.where}${where ? ` (${where})` : ''}: …${finding.excerpt}…\n`,
			);
		}
		if (result.findings.length > 0) {
			this.error = new Error(
				`Secret hygiene: ${result.findings.length} secret(s) found in test outputs, errors or logs`,
			);
		}
		if (this.error) process.stdout.write(`${this.error.message}\n`);
	}

	/** Jest marks the run failed when a reporter reports an error here. */
	getLastError() {
		return this.error;
	}
}

module.exports = SecretHygieneReporter;
