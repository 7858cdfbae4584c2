// One n8n instance = one user folder under .cache/instances/<name> (database, config, installed
// nodes) plus the ports it listens on. CLI commands and the server all run from that folder,
// because n8n reads `./.env` from its working directory.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { runtimeEnv } from './install.mjs';
import { N8N_BIN, NODE_BIN, instanceDir } from './paths.mjs';
import { runCommand, sleep } from './process.mjs';

// Fixed so credentials imported by one command stay readable by the next, and across restarts.
const ENCRYPTION_KEY = 'n8n-nodes-trustpilot-local-demo-only';

/** Whether a port can be bound on loopback right now. */
export function canListen(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

// The kernel hands out local ports of outgoing connections (n8n's to PostgreSQL, Redis, the task
// runner) from its ephemeral range, so a port picked there and bound a few seconds later can be
// taken by then: a worker once failed with "Task Broker's port … is already in use". Ports are
// picked below that range, where only listeners live.
const EPHEMERAL_START = (() => {
	try {
		const [low] = fs
			.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
			.trim()
			.split(/\s+/);
		return Number(low) > 20000 ? Number(low) : 32768;
	} catch {
		return 32768;
	}
})();
const LOWEST_PICKED_PORT = 20000;
const pickedPorts = new Set();

export async function freePort() {
	for (let attempt = 0; attempt < 200; attempt++) {
		const port =
			LOWEST_PICKED_PORT + Math.floor(Math.random() * (EPHEMERAL_START - LOWEST_PICKED_PORT));
		// Never the same port twice in one process, even when the first one is not bound yet.
		if (pickedPorts.has(port)) continue;
		if (await canListen(port)) {
			pickedPorts.add(port);
			return port;
		}
	}
	throw new Error(`no free port between ${LOWEST_PICKED_PORT} and ${EPHEMERAL_START}`);
}

/**
 * n8n writes its editor (about 45 MB of bundled .js) to `<user folder>/.cache/n8n/public` on every
 * start. Inside the repository, `npm run lint` — eslint over `.`, whose config we may not change —
 * would lint those bundles: four minutes for a checkout that has run the e2e suites. So that folder
 * is a link to one outside the repository; eslint does not follow links to folders.
 */
export function editorAssetsDir(dir) {
	const key = createHash('sha256').update(dir).digest('hex').slice(0, 16);
	return path.join(os.tmpdir(), 'n8n-nodes-trustpilot-editor', key);
}

function linkEditorAssets(dir) {
	const target = editorAssetsDir(dir);
	fs.mkdirSync(target, { recursive: true });
	const link = path.join(dir, '.cache');
	const current = fs.lstatSync(link, { throwIfNoEntry: false });
	if (current?.isSymbolicLink() && fs.readlinkSync(link) === target) return;
	// A real folder left by a run from before the link, or a link to somewhere else.
	if (current) fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(target, link, 'dir');
}

export function createInstance({ name, port, brokerPort, fresh = false, extraEnv = {} }) {
	const dir = instanceDir(name);
	if (fresh) {
		// A server left running by a killed earlier run would keep using the folder we delete.
		stopLeftoverServer({ dir });
		fs.rmSync(dir, { recursive: true, force: true });
	}
	fs.mkdirSync(dir, { recursive: true });
	linkEditorAssets(dir);
	const baseUrl = `http://127.0.0.1:${port}`;
	const env = runtimeEnv({
		N8N_USER_FOLDER: dir,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		// The task broker defaults to 5679 for every instance; two instances need two ports.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		...extraEnv,
	});
	return {
		name,
		dir,
		port,
		brokerPort,
		baseUrl,
		env,
		logFile: path.join(dir, 'n8n.log'),
		server: undefined,
	};
}

/** Runs one n8n CLI command (import, publish, execute …) against the instance's database. */
// A first CLI command on a fresh instance runs all of n8n's database migrations: ~20 s on an idle
// machine, over 120 s when three instances migrate at once next to the fault suite on 2 cores.
export function runN8nCommand(instance, args, { allowFailure = false, timeoutMs = 360000 } = {}) {
	return runCommand(NODE_BIN, [N8N_BIN, ...args], {
		cwd: instance.dir,
		env: instance.env,
		allowFailure,
		timeoutMs,
	});
}

const PID_FILE = 'n8n.pid';

/** Stops a server a previous, killed run of ours left behind (recognised by its pid file + command line). */
export function stopLeftoverServer(instance) {
	const pidFile = path.join(instance.dir, PID_FILE);
	let pid;
	try {
		pid = Number(fs.readFileSync(pidFile, 'utf8'));
	} catch {
		return;
	}
	fs.rmSync(pidFile, { force: true });
	try {
		const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		const environment = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
		if (
			commandLine.includes(N8N_BIN) &&
			environment.includes(`N8N_USER_FOLDER=${instance.dir}\0`)
		) {
			process.kill(-pid, 'SIGKILL');
		}
	} catch {
		// already gone
	}
}

/**
 * Starts `n8n start` in its own process group (so Ctrl-C reaches us, and we stop n8n and its task
 * runner together) with output going to the instance's n8n.log. Resolves once /healthz/readiness
 * answers 200.
 */
export async function startServer(
	instance,
	// Queue mode starts `worker` / `webhook` the same way; a worker answers on its health port.
	{
		timeoutMs = 180000,
		args = ['start'],
		readinessUrl = `${instance.baseUrl}/healthz/readiness`,
		appendLog = false,
	} = {},
) {
	stopLeftoverServer(instance);
	const logStream = fs.openSync(instance.logFile, appendLog ? 'a' : 'w');
	const child = spawn(NODE_BIN, [N8N_BIN, ...args], {
		cwd: instance.dir,
		env: instance.env,
		detached: true,
		stdio: ['ignore', logStream, logStream],
	});
	fs.closeSync(logStream);
	fs.writeFileSync(path.join(instance.dir, PID_FILE), String(child.pid));
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal })),
	);
	instance.server = { child, exited };

	const deadline = Date.now() + timeoutMs;
	let exitInfo;
	exited.then((info) => {
		exitInfo = info;
	});
	while (Date.now() < deadline) {
		if (exitInfo) {
			throw new Error(
				`n8n exited during start-up (${exitInfo.signal ?? exitInfo.code}):\n${tailOfLog(instance)}`,
			);
		}
		try {
			const response = await fetch(readinessUrl);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	await stopServer(instance);
	throw new Error(`n8n was not ready after ${timeoutMs / 1000}s:\n${tailOfLog(instance)}`);
}

export function tailOfLog(instance, lines = 40) {
	try {
		return fs.readFileSync(instance.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** SIGTERM lets n8n shut down cleanly; whatever is left of its process group after 15 s is killed. */
export async function stopServer(instance) {
	const server = instance.server;
	if (!server) return;
	instance.server = undefined;
	const signalGroup = (signal) => {
		try {
			process.kill(-server.child.pid, signal);
		} catch {
			// group already gone
		}
	};
	signalGroup('SIGTERM');
	const stopped = await Promise.race([
		server.exited.then(() => true),
		sleep(15000).then(() => false),
	]);
	signalGroup('SIGKILL');
	if (!stopped) await server.exited;
	fs.rmSync(path.join(instance.dir, PID_FILE), { force: true });
}
