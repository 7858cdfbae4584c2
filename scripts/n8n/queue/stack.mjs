// n8n in queue mode, the way teams scale it out: PostgreSQL as the shared database, Redis (Bull)
// as the queue, one main process (editor, API, timers, pollers), workers that run executions and
// a webhook processor that receives production webhooks. Every process has the packed package
// installed in its own user folder, shares one encryption key and knows the webhook processor's
// URL. Reuses the single-process tooling (install, pack, instances, import, owner, Data Tables).
import fs from 'node:fs';
import path from 'node:path';

import { startEmulator } from '../../../emulator/index.mjs';
import { ensureDataTables, importContent, publishTriggerWorkflows } from '../content.mjs';
import { ensureRuntime } from '../install.mjs';
import { createInstance, startServer, stopServer } from '../instance.mjs';
import { ensureApiKey, ensureOwnerSession } from '../owner.mjs';
import { buildAndPack, installIntoUserFolder } from '../package.mjs';
import { log } from '../process.mjs';
import { startScriptedModel } from '../scriptedModel.mjs';
import { startSmtpCatcher } from '../smtpCatcher.mjs';
import { loadedNodeTypes, runCleanups } from '../stack.mjs';
import { dataTablesUsed, demoCredentials, prepareWorkflows } from '../workflows.mjs';
import { ensureDebianPackages, QUEUE_DIR, startPostgres, startRedis } from './services.mjs';

/** The database the PostgreSQL demo workflow writes to (beside n8n's own `n8n` database). */
export const REVIEWS_DATABASE = 'reviews';
export const POSTGRES_CREDENTIAL = {
	id: 'demo-postgres',
	name: 'Demo PostgreSQL (reviews database)',
};

const REVIEWS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS trustpilot_reviews (
  review_id text PRIMARY KEY,
  business_unit_id text NOT NULL,
  stars integer NOT NULL,
  title text,
  review_text text,
  language text,
  consumer_name text,
  review_created_at timestamptz NOT NULL,
  review_updated_at timestamptz,
  change_type text,
  deliveries integer NOT NULL DEFAULT 1,
  first_synced_at timestamptz NOT NULL DEFAULT now(),
  last_synced_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Environment every n8n process of the setup shares: database, queue, encryption key (set by
 * createInstance), and the public webhook base URL, which is the webhook processor's.
 */
function sharedEnv({ postgres, redis, webhookBaseUrl, lockDurationMs }) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// Under a burst of webhooks n8n's defaults (pool of 2, 2-second-ish health pings that
		// count a busy pool as a dead database) made the webhook processor drop its connection
		// and answer 500: a bigger pool, and pings that wait for a free slot.
		DB_POSTGRESDB_POOL_SIZE: '20',
		DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
		DB_PING_TIMEOUT_MS: '30000',
		DB_PING_MAX_FAILURES_BEFORE_RECOVERY: '5',
		DB_CONNECTION_ACQUISITION_TIMEOUT_MS: '60000',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// `N8N_WEBHOOK_URL` is what n8n 2.x reads; `WEBHOOK_URL` is its older name in n8n's docs.
		N8N_WEBHOOK_URL: webhookBaseUrl,
		WEBHOOK_URL: webhookBaseUrl,
		// The editor's "Execute workflow" runs on workers too (n8n 3 makes this the only way).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// A worker that dies loses its job lock after this long; the job is then failed (n8n sets
		// Bull's maxStalledCount to 0) and main's queue recovery marks the execution crashed.
		QUEUE_WORKER_LOCK_DURATION: String(lockDurationMs),
		QUEUE_WORKER_LOCK_RENEW_TIME: String(Math.max(1000, Math.floor(lockDurationMs / 3))),
		QUEUE_WORKER_STALLED_INTERVAL: String(Math.max(1000, Math.floor(lockDurationMs / 2))),
		N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
		N8N_LOG_LEVEL: 'info',
	};
}

export function createQueueStack() {
	const cleanups = [];
	const stack = {
		timings: {},
		workers: [],
		async stop() {
			await runCleanups(cleanups);
		},
	};

	/**
	 * `ports`: { main, webhook, workers: [healthPort…], brokers: [main, webhook, worker…],
	 * postgres, redis, emulator, smtp, smtpWeb }. `fresh` wipes databases and user folders.
	 */
	stack.start = async function start({
		name = 'queue',
		fresh = false,
		ports,
		workerConcurrency = 5,
		lockDurationMs = 10000,
		adjustWorkflow = (workflow) => workflow,
		extraWorkflows = [],
	}) {
		const began = Date.now();
		const mark = (step, since) => {
			stack.timings[step] = Date.now() - since;
		};
		let since = Date.now();
		stack.timings.debianPackages = 0;
		const installed = await ensureDebianPackages();
		if (installed.length > 0) mark('debianPackages', since);
		stack.timings.install = await ensureRuntime();

		since = Date.now();
		const packed = await buildAndPack();
		mark('buildAndPack', since);

		since = Date.now();
		const dir = path.join(QUEUE_DIR, name);
		stack.postgres = await startPostgres({
			dir: path.join(dir, 'postgres'),
			port: ports.postgres,
			fresh,
		});
		cleanups.push(() => stack.postgres.stop());
		stack.redis = await startRedis({
			dir: path.join(dir, 'redis'),
			port: ports.redis,
			fresh: true,
		});
		cleanups.push(() => stack.redis.stop());
		await ensureReviewsDatabase(stack.postgres);
		mark('services', since);

		const webhookBaseUrl = `http://127.0.0.1:${ports.webhook}/`;
		const env = sharedEnv({
			postgres: stack.postgres,
			redis: stack.redis,
			webhookBaseUrl,
			lockDurationMs,
		});
		const instanceName = (role) => `${name}-${role}`;
		stack.main = createInstance({
			name: instanceName('main'),
			port: ports.main,
			brokerPort: ports.brokers[0],
			fresh,
			// Production webhooks are the webhook processor's job; main keeps /webhook-test (editor).
			extraEnv: { ...env, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
		});
		stack.webhook = createInstance({
			name: instanceName('webhook'),
			port: ports.webhook,
			brokerPort: ports.brokers[1],
			fresh,
			extraEnv: env,
		});
		stack.workers = ports.workers.map((healthPort, index) => {
			const worker = createInstance({
				name: instanceName(`worker-${index + 1}`),
				// A worker serves nothing but its health check, on a port of its own.
				port: healthPort,
				brokerPort: ports.brokers[2 + index],
				fresh,
				extraEnv: {
					...env,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				},
			});
			worker.label = `worker-${index + 1}`;
			worker.concurrency = workerConcurrency;
			return worker;
		});
		stack.main.label = 'main';
		stack.webhook.label = 'webhook';
		stack.processes = [stack.main, stack.webhook, ...stack.workers];

		since = Date.now();
		// The same tarball in every process's user folder, as `npm install` in each container would.
		for (const instance of stack.processes) await installIntoUserFolder(instance.dir, packed);
		mark('installPackage', since);

		stack.emulator = await startEmulator({ port: ports.emulator ?? 0 });
		cleanups.push(() => stack.emulator.close());
		stack.emulatorInfo = await (await fetch(`${stack.emulator.adminUrl}/info`)).json();
		stack.smtp = await startSmtpCatcher({
			smtpPort: ports.smtp ?? 0,
			httpPort: ports.smtpWeb ?? 0,
		});
		cleanups.push(() => stack.smtp.close());
		// The AI demos' chat model (a scripted stand-in), as in `npm start`.
		stack.scriptedModel = await startScriptedModel({ port: ports.scriptedModel ?? 0 });
		cleanups.push(() => stack.scriptedModel.close());

		// Extra workflows (the e2e suite's) may depend on the emulator's seeded ids.
		const extras =
			typeof extraWorkflows === 'function' ? extraWorkflows(stack.emulatorInfo) : extraWorkflows;
		stack.workflows = [...prepareWorkflows(), ...extras].map(adjustWorkflow);
		const credentials = [
			...demoCredentials({
				emulatorInfo: stack.emulatorInfo,
				smtpPort: stack.smtp.smtpPort,
				scriptedModelUrl: stack.scriptedModel.baseUrl,
			}),
			{
				...POSTGRES_CREDENTIAL,
				type: 'postgres',
				data: {
					host: stack.postgres.host,
					port: stack.postgres.port,
					database: REVIEWS_DATABASE,
					user: stack.postgres.user,
					password: stack.postgres.password,
					ssl: 'disable',
					maxConnections: 5,
				},
			},
		];
		since = Date.now();
		// CLI imports run against the shared PostgreSQL database (and migrate it the first time).
		await importContent(stack.main, { credentials, workflows: stack.workflows });
		mark('import', since);

		since = Date.now();
		log(
			`Starting n8n main ${stack.main.baseUrl}, webhook processor ${stack.webhook.baseUrl} and ${stack.workers.length} workers …`,
		);
		for (const instance of stack.processes) cleanups.push(() => stopServer(instance));
		// Main first: it owns the migrations and leadership; the others attach to its database.
		await startServer(stack.main);
		await Promise.all([
			startServer(stack.webhook, { args: ['webhook'] }),
			...stack.workers.map((worker) => startWorker(worker)),
		]);
		mark('n8nStart', since);

		since = Date.now();
		stack.cookie = await ensureOwnerSession(stack.main);
		await ensureApiKey(stack.main, stack.cookie);
		stack.loadedNodeTypes = await loadedNodeTypes(stack.main, stack.cookie);
		const { tables } = dataTablesUsed(stack.workflows);
		stack.dataTables = await ensureDataTables(stack.main, tables);
		stack.published = await publishTriggerWorkflows(stack.main, stack.workflows);
		mark('setup', since);
		stack.timings.total = Date.now() - began;
		return stack;
	};

	return stack;
}

/** `n8n worker`, ready once its health endpoint answers. The log is kept across restarts. */
export function startWorker(worker, { appendLog = false } = {}) {
	return startServer(worker, {
		args: ['worker', `--concurrency=${worker.concurrency}`],
		readinessUrl: `${worker.baseUrl}/healthz/readiness`,
		appendLog,
	});
}

/** Kills a worker at once (SIGKILL to its process group: n8n and its task runner), as a crash would. */
export async function killWorker(worker) {
	const server = worker.server;
	if (!server) return;
	worker.server = undefined;
	try {
		process.kill(-server.child.pid, 'SIGKILL');
	} catch {
		// already gone
	}
	await server.exited;
	fs.rmSync(path.join(worker.dir, 'n8n.pid'), { force: true });
}

async function ensureReviewsDatabase(postgres) {
	const exists = await postgres.query(
		`select 1 from pg_database where datname = '${REVIEWS_DATABASE}'`,
		'postgres',
	);
	if (exists.trim() !== '1')
		await postgres.query(`create database ${REVIEWS_DATABASE}`, 'postgres');
	await postgres.query(REVIEWS_TABLE_DDL, REVIEWS_DATABASE);
}

/** Executions each process's log says it ran: `Worker started execution <id>` lines. */
export function executionsStartedBy(instance) {
	let text = '';
	try {
		text = fs.readFileSync(instance.logFile, 'utf8');
	} catch {
		return [];
	}
	return [...text.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
}
