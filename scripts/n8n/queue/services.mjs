// PostgreSQL and Redis for n8n's queue mode, from Debian's packages: installed with apt-get when
// missing, each with its own data directory under .cache/queue/, listening on 127.0.0.1 only, on
// ports of our own (never the system's 5432/6379 services). PostgreSQL refuses to run as root, so
// it runs as the `postgres` user the package creates.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { CACHE_DIR } from '../paths.mjs';
import { log, runCommand, sleep } from '../process.mjs';

export const QUEUE_DIR = path.join(CACHE_DIR, 'queue');

// A fixed demo login: the database listens on loopback only, and holds nothing but demo data.
export const POSTGRES = { user: 'n8n', password: 'n8n-queue-demo-only', database: 'n8n' };

function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((entry) => fs.existsSync(path.join(root, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

function findRedisServer() {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** `apt-get update` + `apt-get install -y postgresql redis-server` for whatever is missing. */
export async function ensureDebianPackages() {
	const missing = [];
	if (!findPostgresBin()) missing.push('postgresql');
	if (!findRedisServer()) missing.push('redis-server');
	if (missing.length === 0) return [];
	if (process.getuid?.() !== 0) {
		throw new Error(
			`Queue mode needs ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` first.`,
		);
	}
	log(`Installing ${missing.join(', ')} from Debian's packages (apt-get) …`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await runCommand('apt-get', ['update'], { env });
	// The packages' own services are not needed (we run private instances); policy-rc.d is
	// not touched, so Debian may start them on their default ports, which we never use.
	await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
	if (!findPostgresBin() || !findRedisServer()) throw new Error('apt-get did not install them');
	return missing;
}

function portAnswers(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Spawns a long-running service in its own process group; `stop()` ends the group. */
function spawnService(name, command, args, { logFile, env }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(command, args, {
		detached: true,
		stdio: ['ignore', out, out],
		env: env ?? process.env,
	});
	fs.closeSync(out);
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal })),
	);
	let done = false;
	exited.then(() => {
		done = true;
	});
	return {
		name,
		child,
		exited,
		get running() {
			return !done;
		},
		async stop(signal = 'SIGTERM') {
			if (done) return;
			try {
				process.kill(-child.pid, signal);
			} catch {
				return;
			}
			const stopped = await Promise.race([exited.then(() => true), sleep(15000).then(() => false)]);
			if (!stopped) {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// gone
				}
				await exited;
			}
		},
	};
}

async function waitForPort(service, port, logFile, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!service.running) {
			throw new Error(`${service.name} exited during start-up:\n${tail(logFile)}`);
		}
		if (await portAnswers(port)) return;
		await sleep(250);
	}
	await service.stop();
	throw new Error(`${service.name} did not listen on ${port} within ${timeoutMs / 1000}s`);
}

function tail(file, lines = 20) {
	try {
		return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** Runs a command as the postgres user (we are root; PostgreSQL refuses to run as root). */
function asPostgres(command, args) {
	return process.getuid?.() === 0
		? ['runuser', ['-u', 'postgres', '--', command, ...args]]
		: [command, args];
}

/**
 * A private PostgreSQL cluster in `<dir>` on 127.0.0.1:`port` with the n8n login and database.
 * `fresh` wipes it first. Resolves to `{ host, port, ...POSTGRES, stop() }`.
 */
export async function startPostgres({ dir = path.join(QUEUE_DIR, 'postgres'), port, fresh }) {
	const bin = findPostgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	if (fresh) fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		// The postgres user must be able to reach its directory: folders inside .cache/ are opened
		// up for it; a folder above .cache/ that it cannot enter is reported, not changed.
		for (let folder = dir; folder !== path.dirname(folder); folder = path.dirname(folder)) {
			const mode = fs.statSync(folder).mode;
			if ((mode & 0o001) !== 0) continue;
			if (!folder.startsWith(CACHE_DIR)) {
				throw new Error(
					`The postgres user cannot enter ${folder} (mode ${(mode & 0o777).toString(8)}); run \`chmod o+x ${folder}\` or move the repository`,
				);
			}
			fs.chmodSync(folder, mode | 0o001);
		}
		await runCommand('chown', ['postgres:postgres', dir]);
	}
	if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
		log(`Creating a PostgreSQL cluster in ${dataDir} …`);
		const passwordFile = path.join(dir, '.pwfile');
		fs.writeFileSync(passwordFile, `${POSTGRES.password}\n`, { mode: 0o600 });
		if (asRoot) await runCommand('chown', ['postgres:postgres', passwordFile]);
		try {
			const [command, args] = asPostgres(path.join(bin, 'initdb'), [
				'-D',
				dataDir,
				'-U',
				POSTGRES.user,
				`--pwfile=${passwordFile}`,
				'--auth-host=scram-sha-256',
				'--auth-local=scram-sha-256',
				'-E',
				'UTF8',
				'--locale=C',
			]);
			await runCommand(command, args);
		} finally {
			fs.rmSync(passwordFile, { force: true });
		}
	}
	fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
	const [command, args] = asPostgres(path.join(bin, 'postgres'), [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dir}`,
		'-c',
		'max_connections=200',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	fs.writeFileSync(logFile, '');
	if (asRoot) await runCommand('chown', ['postgres:postgres', logFile]);
	const service = spawnService('PostgreSQL', command, args, { logFile });
	await waitForPort(service, port, logFile);
	// Accepting TCP connections comes a moment before accepting logins.
	const psql = psqlClient({ bin, port });
	const deadline = Date.now() + 30000;
	for (;;) {
		const probe = await psql(['-d', 'postgres', '-tAc', 'select 1'], { allowFailure: true });
		if (probe.code === 0) break;
		if (Date.now() > deadline) throw new Error(`PostgreSQL refused logins:\n${probe.stderr}`);
		await sleep(300);
	}
	const exists = await psql([
		'-d',
		'postgres',
		'-tAc',
		`select 1 from pg_database where datname = '${POSTGRES.database}'`,
	]);
	if (exists.stdout.trim() !== '1') {
		await psql(['-d', 'postgres', '-c', `create database ${POSTGRES.database}`]);
	}
	log(`PostgreSQL on 127.0.0.1:${port} (data ${dataDir}).`);
	return {
		host: '127.0.0.1',
		port,
		...POSTGRES,
		dataDir,
		logFile,
		service,
		/** Runs SQL through psql; returns its stdout (tuples only, unaligned, `|`-separated). */
		query: async (sql, database = POSTGRES.database) =>
			(await psql(['-d', database, '-v', 'ON_ERROR_STOP=1', '-tAc', sql])).stdout,
		stop: () => service.stop('SIGINT'),
	};
}

function psqlClient({ bin, port }) {
	return (args, options = {}) =>
		runCommand(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES.user, ...args],
			{ env: { ...process.env, PGPASSWORD: POSTGRES.password }, ...options },
		);
}

/** A private Redis on 127.0.0.1:`port`, data in `<dir>` (no persistence: the queue is scratch). */
export async function startRedis({ dir = path.join(QUEUE_DIR, 'redis'), port, fresh }) {
	const server = findRedisServer();
	if (!server) throw new Error('Redis is not installed (apt-get install -y redis-server)');
	if (fresh) fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	fs.writeFileSync(logFile, '');
	const service = spawnService(
		'Redis',
		server,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--protected-mode',
			'yes',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		{ logFile },
	);
	await waitForPort(service, port, logFile);
	log(`Redis on 127.0.0.1:${port}.`);
	return { host: '127.0.0.1', port, logFile, service, stop: () => service.stop('SIGTERM') };
}
