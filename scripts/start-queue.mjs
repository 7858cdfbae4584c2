// `npm run start:queue`: n8n in queue mode with this package — PostgreSQL and Redis (Debian
// packages, installed with apt-get when missing), n8n main + 2 workers + 1 webhook processor, the
// Trustpilot emulator, the mail catcher, demo credentials and workflows. Ctrl-C stops it all.
import { DEMO_OWNER } from './n8n/owner.mjs';
import { formatDuration, log } from './n8n/process.mjs';
import { createQueueStack, REVIEWS_DATABASE } from './n8n/queue/stack.mjs';
import { assertPortsFree, stopOnSignals, workflowState, writeDemoFile } from './n8n/startup.mjs';
import { webhookEndpoints } from './n8n/webhooks.mjs';

// Ports of their own, so `npm start` (5678, 8787 …) can run beside it.
const PORTS = {
	main: 5690,
	webhook: 5691,
	workers: [5692, 5693],
	brokers: [5694, 5695, 5696, 5697],
	postgres: 15432,
	redis: 16379,
	emulator: 8797,
	emulatorInvitations: 8798,
	smtp: 1035,
	smtpWeb: 8035,
	scriptedModel: 8799,
};

const stack = createQueueStack();
const { shutdown, isStopping } = stopOnSignals(
	stack,
	'Stopping n8n (main, workers, webhook processor), Redis, PostgreSQL, the emulator and the mail catcher …',
);

try {
	const started = Date.now();
	await assertPortsFree(PORTS, 'is `npm run start:queue` already running?');
	await stack.start({ name: 'demo', ports: PORTS });
	for (const instance of stack.processes) {
		instance.server.exited.then(({ code, signal }) => {
			if (!isStopping()) {
				log(
					`n8n ${instance.label} exited unexpectedly (${signal ?? code}); see ${instance.logFile}`,
				);
				shutdown(1);
			}
		});
	}
	printWelcome(Date.now() - started);
} catch (error) {
	process.stderr.write(`\n${error.stack ?? error.message}\n`);
	await shutdown(1);
}

function printWelcome(tookMs) {
	const {
		main,
		webhook,
		workers,
		emulator,
		emulatorInfo,
		smtp,
		postgres,
		redis,
		workflows,
		published,
	} = stack;
	const line = (text = '') => process.stdout.write(`${text}\n`);
	// Production webhooks are served by the webhook processor, so that is the URL Trustpilot gets.
	const viaWebhookProcessor = { instance: webhook, loadedNodeTypes: stack.loadedNodeTypes };
	const endpoints = workflows.flatMap((workflow) =>
		webhookEndpoints(viaWebhookProcessor, workflow),
	);
	writeDemoFile(main.dir, { baseUrl: main.baseUrl, emulator, emulatorInfo, endpoints });
	line();
	line(
		`n8n in queue mode with n8n-nodes-trustpilot is ready in ${formatDuration(tookMs)} (build ${formatDuration(stack.timings.buildAndPack)}, n8n start ${formatDuration(stack.timings.n8nStart)})`,
	);
	line();
	line(`  Editor (main)      ${main.baseUrl}   — timers, pollers, editor, API`);
	line(`  Login              ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
	line(
		`  Webhook processor  ${webhook.baseUrl}/webhook/…   — production webhooks (N8N_WEBHOOK_URL)`,
	);
	for (const worker of workers) {
		line(
			`  ${worker.label.padEnd(18)} concurrency ${worker.concurrency}, health ${worker.baseUrl}/healthz   (log ${worker.logFile})`,
		);
	}
	line(
		`  PostgreSQL         127.0.0.1:${postgres.port}  user ${postgres.user} / ${postgres.password}, databases "${postgres.database}" (n8n) and "${REVIEWS_DATABASE}" (demo 07)`,
	);
	line(`  Redis              127.0.0.1:${redis.port}`);
	line(`  Mail catcher       http://127.0.0.1:${smtp.httpPort}  (SMTP 127.0.0.1:${smtp.smtpPort})`);
	line(`  Emulator           ${emulator.apiUrl} · admin ${emulator.adminUrl}/counters`);
	line();
	line('  Demo workflows:');
	for (const workflow of workflows) {
		const state = workflowState(
			stack,
			workflow,
			published,
			'run it with "Execute workflow" (runs on a worker)',
		);
		line(`    ${workflow.fileName.padEnd(38)} ${main.baseUrl}/workflow/${workflow.id}  — ${state}`);
	}
	for (const endpoint of endpoints) line(`    webhook of "${endpoint.nodeName}": ${endpoint.url}`);
	line();
	line(
		`  Rows synced by demo 07: psql -h 127.0.0.1 -p ${postgres.port} -U ${postgres.user} ${REVIEWS_DATABASE} -c 'select review_id, stars, deliveries from trustpilot_reviews limit 5'`,
	);
	line(
		'  Which worker ran what: grep "Worker started execution" .cache/instances/demo-worker-*/n8n.log',
	);
	line();
	line('  Ctrl-C stops every process started here.');
	line();
}
