// Shared state of the queue-mode suite: one fresh queue-mode setup (PostgreSQL, Redis, n8n main,
// 2 workers, 1 webhook processor; random ports), clients for n8n's public API and the emulator,
// and the per-process evidence (which worker ran which execution).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { freePort, startServer, stopServer } from '../../scripts/n8n/instance.mjs';
import { publicApi } from '../../scripts/n8n/owner.mjs';
import { sleep } from '../../scripts/n8n/process.mjs';
import {
	createQueueStack,
	executionsStartedBy,
	startWorker,
} from '../../scripts/n8n/queue/stack.mjs';
import { webhookEndpoints } from '../../scripts/n8n/webhooks.mjs';
import {
	actionWorkflow,
	adjustPostgresSync,
	stampedeWorkflow,
	webhookWorkflow,
	workerStampedeWorkflow,
} from './fixtures.mjs';
import { emulatorAdminAt } from '../e2e/executions.mjs';
export { describeExecution, outputOf } from '../e2e/executions.mjs';

export const ctx = { stack: undefined };

export async function startQueueStack() {
	const stack = createQueueStack();
	ctx.stack = stack;
	const ports = {
		main: await freePort(),
		webhook: await freePort(),
		workers: [await freePort(), await freePort()],
		brokers: [await freePort(), await freePort(), await freePort(), await freePort()],
		postgres: await freePort(),
		redis: await freePort(),
		emulator: 0,
	};
	await stack.start({
		name: 'e2e',
		fresh: true,
		ports,
		// 20 executions at once per worker (n8n's default is 10): the stampede's 40 run at the same time.
		workerConcurrency: 20,
		extraWorkflows: (emulatorInfo) => [
			actionWorkflow(emulatorInfo.mainBusinessUnit.id),
			webhookWorkflow(),
			stampedeWorkflow(),
			workerStampedeWorkflow(),
		],
		adjustWorkflow: (workflow) => {
			if (workflow.needsPostgres) return adjustPostgresSync(workflow);
			// The other demos are the single-process suite's subject; here they would only add noise.
			if (workflow.file.startsWith('(queue suite)')) return workflow;
			return { ...workflow, publish: false };
		},
	});
	return stack;
}

export function stopQueueStack() {
	return ctx.stack?.stop();
}

export function api(method, route, body, options) {
	return publicApi(ctx.stack.main, method, route, body, options);
}

export function workflowNamed(id) {
	const workflow = ctx.stack.workflows.find((candidate) => candidate.id === id);
	if (!workflow) throw new Error(`workflow ${id} was not imported`);
	return workflow;
}

export function postgresSyncWorkflow() {
	const workflow = ctx.stack.workflows.find((candidate) => candidate.needsPostgres);
	if (!workflow) throw new Error('examples/ has no workflow writing to PostgreSQL');
	return workflow;
}

/** The production URL of a workflow's Trustpilot Trigger on the webhook processor (and on main). */
export function triggerUrls(workflow) {
	const [onWebhookProcessor] = webhookEndpoints(
		{ instance: ctx.stack.webhook, loadedNodeTypes: ctx.stack.loadedNodeTypes },
		workflow,
	);
	const [onMain] = webhookEndpoints(
		{ instance: ctx.stack.main, loadedNodeTypes: ctx.stack.loadedNodeTypes },
		workflow,
	);
	return { webhook: onWebhookProcessor, main: onMain };
}

export async function waitFor(what, check, { timeoutMs = 60000, everyMs = 1000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const result = await check();
		if (result) return result;
		await sleep(everyMs);
	}
	throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Every execution of a workflow (public API pages of 250), newest first. */
export async function allExecutions(workflowId, { includeData = false, status } = {}) {
	const executions = [];
	let cursor = '';
	do {
		const query = new URLSearchParams({
			workflowId,
			limit: '250',
			includeData: String(includeData),
		});
		if (status) query.set('status', status);
		if (cursor) query.set('cursor', cursor);
		const { body } = await api('GET', `/executions?${query}`);
		executions.push(...body.data);
		cursor = body.nextCursor ?? '';
	} while (cursor);
	return executions;
}

export async function executionWithData(id) {
	return (await api('GET', `/executions/${id}?includeData=true`)).body;
}

/** Waits until `count` executions of the workflow beyond `known` exist and have all ended. */
export async function waitForExecutions(workflowId, known, count, timeoutMs = 180000) {
	return waitFor(
		`${count} finished execution(s) of ${workflowId}`,
		async () => {
			const fresh = (await allExecutions(workflowId)).filter(
				(execution) => !known.has(execution.id),
			);
			if (fresh.length < count || fresh.some((execution) => !FINISHED.has(execution.status)))
				return undefined;
			return fresh;
		},
		{ timeoutMs, everyMs: 2000 },
	);
}

/** Which process ran each execution, from the workers' logs: Map(executionId → worker label). */
export function workerOfExecutions() {
	const owners = new Map();
	for (const worker of ctx.stack.workers) {
		for (const id of executionsStartedBy(worker)) {
			const seen = owners.get(id);
			owners.set(id, seen && seen !== worker.label ? `${seen}+${worker.label}` : worker.label);
		}
	}
	return owners;
}

/** Executions that main or the webhook processor ran themselves (they should run none). */
export function executionsRunOutsideWorkers() {
	return [ctx.stack.main, ctx.stack.webhook].flatMap((instance) =>
		executionsStartedBy(instance).map((id) => `${instance.label}:${id}`),
	);
}

export async function emulatorAdmin(method, route, body) {
	return emulatorAdminAt(ctx.stack.emulator.adminUrl)(method, route, body);
}

/** Adds `count` reviews to the main business unit (now, strictly increasing); returns their ids. */
export async function addReviews(count, fields = {}) {
	const ids = [];
	while (ids.length < count) {
		const batch = Math.min(1000, count - ids.length);
		const { reviews } = await emulatorAdmin('POST', '/reviews', {
			businessUnitId: ctx.stack.emulatorInfo.mainBusinessUnit.id,
			count: batch,
			...fields,
		});
		ids.push(...reviews.map((review) => review.id));
	}
	return ids;
}

/**
 * The exact bodies Trustpilot (the emulator) would send for these reviews: the emulator delivers
 * them to a local catcher, so the suite can then post them all at once, with no sender timeout.
 */
export async function trustpilotEventBodies(reviewIds) {
	const bodies = [];
	const catcher = http.createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => {
			body += chunk;
		});
		request.on('end', () => {
			bodies.push(body);
			response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise((resolve) => catcher.listen(0, '127.0.0.1', resolve));
	try {
		const url = `http://127.0.0.1:${catcher.address().port}/catch`;
		for (let start = 0; start < reviewIds.length; start += 50) {
			await Promise.all(reviewIds.slice(start, start + 50).map((id) => fireReviewEvent(url, id)));
		}
	} finally {
		await new Promise((resolve) => catcher.close(resolve));
	}
	return bodies;
}

/** POSTs one webhook body like Trustpilot does (JSON); resolves with the status and reply. */
export async function postEvent(url, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body,
	});
	return { status: response.status, body: await response.text() };
}

export function fireReviewEvent(url, reviewId) {
	return emulatorAdmin('POST', '/webhooks/fire', {
		url,
		reviewId,
		eventName: 'service-review-created',
	});
}

export async function tokenCounters() {
	return (await emulatorAdmin('GET', '/counters')).tokenRequests;
}

/**
 * All log text of the setup, by label: every n8n process (main, webhook processor, workers, each
 * across its restarts) and the PostgreSQL and Redis servers. A log that cannot be read fails the
 * scan rather than passing as empty.
 */
export function processLogs() {
	const files = {
		...Object.fromEntries(
			ctx.stack.processes.map((instance) => [instance.label, instance.logFile]),
		),
		postgres: ctx.stack.postgres.logFile,
		redis: ctx.stack.redis.logFile,
	};
	return Object.fromEntries(
		Object.entries(files).map(([label, file]) => [label, fs.readFileSync(file, 'utf8')]),
	);
}

export const measured = {};

export function report(line) {
	process.stdout.write(`# ${line}\n`);
}

/**
 * The "before" of the token stampede: the webhook processor and the workers restarted with the
 * installed package's single-flight guard bypassed (every caller makes its own token request,
 * as before the fix), everything else (hardening's backoff on a token 429 included) unchanged.
 */
export async function restartWithoutStampedeGuard() {
	const instances = [ctx.stack.webhook, ...ctx.stack.workers];
	const signature = 'async function mintTokenOncePerProcess(credentials, mint, now = Date.now) {';
	for (const instance of instances) {
		const file = path.join(
			instance.dir,
			'.n8n/nodes/node_modules/n8n-nodes-trustpilot/dist/credentials/trustpilotAuth.js',
		);
		const code = fs.readFileSync(file, 'utf8');
		if (!code.includes(signature)) throw new Error(`${file} has no stampede guard to bypass`);
		fs.writeFileSync(
			file,
			code.replace(signature, `${signature}\n    return { ...(await mint()) };`),
		);
	}
	await Promise.all(instances.map((instance) => stopServer(instance)));
	await Promise.all([
		startServer(ctx.stack.webhook, { args: ['webhook'], appendLog: true }),
		...ctx.stack.workers.map((worker) => startWorker(worker, { appendLog: true })),
	]);
}

/** Token requests the emulator received in the last `windowMs`. */
export async function recentTokenRequests(windowMs = 61000) {
	const { requests } = await emulatorAdmin('GET', '/requests?pathPrefix=/v1/oauth/');
	const since = Date.now() - windowMs;
	return requests
		.filter((entry) => Date.parse(entry.at) >= since)
		.map((entry) => Date.parse(entry.at));
}

/**
 * Waits until Trustpilot's token window (5 requests a minute per key) holds at most `allowed`
 * earlier requests, so what a measurement counts is its own stampede and not leftovers.
 */
export async function waitForTokenWindow(allowed = 0) {
	for (;;) {
		const recent = (await recentTokenRequests()).sort((a, b) => a - b);
		if (recent.length <= allowed) return;
		const waitMs = recent[recent.length - allowed - 1] + 61000 - Date.now();
		await sleep(Math.max(250, waitMs));
	}
}
