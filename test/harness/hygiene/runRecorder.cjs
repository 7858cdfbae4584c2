'use strict';
// Secret hygiene, part 1 of 3: records what test runs produced (node outputs, run data, errors,
// log lines) so the reporter can scan it for secrets once every test file is done.
// A no-op unless TRUSTPILOT_HYGIENE_DIR is set (the hygiene reporter sets it for its jest run).
// Plain JS: it writes files, which the n8n lint rules forbid in .ts.
const fs = require('node:fs');
const path = require('node:path');

// Credential fields whose values must never show up anywhere a user can see them.
const SECRET_FIELDS = [
	'apiSecret',
	'password',
	'accessToken',
	'refreshToken',
	'encryptSecretKey',
	'authSecretKey',
];

function enabledDir() {
	const dir = process.env.TRUSTPILOT_HYGIENE_DIR;
	return dir ? dir : undefined;
}

function currentTest() {
	try {
		const state = typeof expect === 'function' ? expect.getState() : {};
		return { file: state.testPath ?? null, test: state.currentTestName ?? null };
	} catch {
		return { file: null, test: null };
	}
}

/**
 * JSON text of anything a run produced. Errors keep their non-enumerable parts (message, stack,
 * description, cause) because that is what n8n shows and stores; cycles and binary are cut.
 */
function serialize(value) {
	const seen = new WeakSet();
	return JSON.stringify(value, function replacer(_key, current) {
		if (typeof current === 'bigint') return String(current);
		if (typeof current === 'function') return undefined;
		if (current === null || typeof current !== 'object') return current;
		if (Buffer.isBuffer(current) || current instanceof Uint8Array)
			return `[binary ${current.length} bytes]`;
		if (seen.has(current)) return '[circular]';
		seen.add(current);
		if (current instanceof Error) {
			const copy = { name: current.name };
			for (const key of Object.getOwnPropertyNames(current)) copy[key] = current[key];
			return copy;
		}
		if (current instanceof Map) return Object.fromEntries(current);
		if (current instanceof Set) return [...current];
		return current;
	});
}

/** Secret values held by a CredentialStore, a TestCredential, or plain credential data. */
function secretsOf(source) {
	if (!source || typeof source !== 'object') return [];
	const records = [];
	// CredentialStore keeps its rows in a private map; TestCredential wraps a store.
	const store = source.store && typeof source.store === 'object' ? source.store : source;
	if (store.byId instanceof Map)
		for (const row of store.byId.values()) records.push(row.data ?? {});
	else records.push(source);
	const values = [];
	for (const data of records) {
		for (const field of SECRET_FIELDS) {
			const value = data[field];
			if (typeof value === 'string' && value.trim() !== '') values.push(value);
		}
		// As a Basic auth header would carry them (token requests send key:secret that way).
		for (const [user, secret] of [
			[data.apiKey, data.apiSecret],
			[data.username, data.password],
		]) {
			if (typeof user === 'string' && typeof secret === 'string' && user && secret) {
				values.push(Buffer.from(`${user}:${secret}`, 'utf8').toString('base64').replace(/=+$/, ''));
			}
		}
	}
	return values;
}

function append(entry) {
	const dir = enabledDir();
	if (!dir) return;
	fs.mkdirSync(dir, { recursive: true });
	fs.appendFileSync(path.join(dir, `runs-${process.pid}.jsonl`), `${JSON.stringify(entry)}\n`);
}

/**
 * Records one thing a test run produced. `kind` says what it is (workflow, poll, webhook, log);
 * `secretSource` (a CredentialStore or credential data) adds the secrets that run could leak.
 */
function recordRun(kind, payload, secretSource) {
	if (!enabledDir()) return;
	append({ kind, ...currentTest(), text: serialize(payload), secrets: secretsOf(secretSource) });
}

/** Secrets a test used that no recorded run carries (e.g. a webhook caller token). */
function recordSecrets(values) {
	if (!enabledDir()) return;
	const secrets = values.filter((value) => typeof value === 'string' && value.trim() !== '');
	append({ kind: 'secrets', ...currentTest(), text: '', secrets });
}

/** Whether this jest run records (the hygiene reporter is configured). */
function isRecording() {
	return enabledDir() !== undefined;
}

module.exports = { recordRun, recordSecrets, isRecording, serialize, secretsOf, SECRET_FIELDS };
