// Webhook events per second on a real n8n (the install of scripts/n8n, if present): the same
// stream of single-event POSTs to a workflow started by the Trustpilot Trigger and to one started
// by n8n's own Webhook node, on the same instance, alternated. Counted as finished executions,
// so both sides pay n8n's full cost (webhook routing, execution, saving).
import crypto from 'node:crypto';
import fs from 'node:fs';

import { importContent, publishTriggerWorkflows } from '../scripts/n8n/content.mjs';
import { createInstance, freePort, startServer, stopServer } from '../scripts/n8n/instance.mjs';
import { ensureApiKey, ensureOwnerSession, publicApi } from '../scripts/n8n/owner.mjs';
import { buildAndPack, installIntoUserFolder } from '../scripts/n8n/package.mjs';
import { N8N_BIN, N8N_DIR, NODE_BIN, NODE_DIR } from '../scripts/n8n/paths.mjs';

const EVENTS_PER_PASS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 8);

export function realN8nInstalled() {
	const ready = (dir) => fs.existsSync(`${dir}/.ready.json`);
	return ready(NODE_DIR) && ready(N8N_DIR) && fs.existsSync(NODE_BIN) && fs.existsSync(N8N_BIN);
}

const uuid = (seed) => {
	const hex = crypto.createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

function workflow(id, name, node) {
	return {
		id,
		name,
		publish: true,
		json: {
			id,
			name,
			active: false,
			nodes: [node],
			connections: {},
			settings: { executionOrder: 'v1' },
		},
	};
}

const TRUSTPILOT = workflow('TpBenchTrigger01', 'Bench: Trustpilot Trigger', {
	id: uuid('bench-trustpilot-node'),
	name: 'Trustpilot Trigger',
	type: 'n8n-nodes-trustpilot.trustpilotTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: uuid('bench-trustpilot-webhook'),
	parameters: { events: ['*'], authentication: 'none', simplify: true },
});
const N8N_WEBHOOK = workflow('TpBenchWebhook01', "Bench: n8n's Webhook", {
	id: uuid('bench-webhook-node'),
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: uuid('bench-webhook-webhook'),
	parameters: {
		httpMethod: 'POST',
		path: 'bench-n8n-webhook',
		responseMode: 'onReceived',
		options: {},
	},
});

function eventBody(index) {
	return JSON.stringify({
		events: [
			{
				eventName: 'service-review-created',
				version: '1',
				eventData: {
					id: crypto.createHash('md5').update(String(index)).digest('hex').slice(0, 24),
					stars: 1 + (index % 5),
					title: `Review ${index}`,
					text: 'Quick delivery, friendly support.',
					language: 'en',
					createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
					consumer: { id: 'c0ffee000000000000000001', name: 'Ann Example' },
				},
			},
		],
	});
}

async function finishedCount(instance, workflowId) {
	let count = 0;
	let cursor;
	do {
		const query = `/executions?workflowId=${workflowId}&status=success&limit=250${cursor ? `&cursor=${cursor}` : ''}`;
		const { body } = await publicApi(instance, 'GET', query);
		count += body.data.length;
		cursor = body.nextCursor;
	} while (cursor);
	return count;
}

/** Sends `count` POSTs with CONCURRENCY in flight, then waits until all executions finished. */
async function pass(instance, url, workflowId, count, offset) {
	const before = await finishedCount(instance, workflowId);
	const began = performance.now();
	let next = 0;
	let failed = 0;
	const worker = async () => {
		while (next < count) {
			const index = offset + next++;
			try {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: eventBody(index),
				});
				await response.text();
				if (response.status !== 200) failed++;
			} catch {
				// e.g. a kept-alive socket the server closed meanwhile; reported as failed requests.
				failed++;
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const acceptedMs = performance.now() - began;
	const deadline = Date.now() + 180000;
	while ((await finishedCount(instance, workflowId)) - before < count - failed) {
		if (Date.now() > deadline) throw new Error(`executions of ${workflowId} did not finish`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	const finishedMs = performance.now() - began;
	return {
		events: count - failed,
		failed,
		acceptedPerSecond: ((count - failed) / acceptedMs) * 1000,
		finishedPerSecond: ((count - failed) / finishedMs) * 1000,
	};
}

/** Progress of the real-n8n helpers goes to stderr: the benchmark's stdout is its table. */
async function quietly(action) {
	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = (chunk, ...rest) => process.stderr.write(chunk, ...rest);
	try {
		return await action();
	} finally {
		process.stdout.write = write;
	}
}

/** A fresh n8n instance with this package (`packed` by buildAndPack) and both workflows active. */
export async function startBenchInstance(packed, extraEnv = {}) {
	const instance = createInstance({
		name: 'bench',
		port: await freePort(),
		brokerPort: await freePort(),
		fresh: true,
		extraEnv,
	});
	await quietly(async () => {
		await installIntoUserFolder(instance.dir, packed);
		const credentials = [
			{
				id: 'bench-unused',
				name: 'Unused',
				type: 'trustpilotApi',
				data: { environment: 'production', apiKey: 'unused', authentication: 'apiKey' },
			},
		];
		await importContent(instance, { credentials, workflows: [TRUSTPILOT, N8N_WEBHOOK] });
		await startServer(instance);
		const cookie = await ensureOwnerSession(instance);
		await ensureApiKey(instance, cookie);
		const published = await publishTriggerWorkflows(instance, [TRUSTPILOT, N8N_WEBHOOK]);
		const failed = published.filter((outcome) => !outcome.ok);
		if (failed.length)
			throw new Error(
				`could not activate: ${failed.map((outcome) => `${outcome.name}: ${outcome.message}`).join('; ')}`,
			);
	});
	const urls = {
		trustpilot: `${instance.baseUrl}/webhook/${TRUSTPILOT.json.nodes[0].webhookId}/webhook`,
		n8n: `${instance.baseUrl}/webhook/bench-n8n-webhook`,
	};
	// Webhooks answer 404 for a moment after activation: wait until both accept.
	for (const url of Object.values(urls)) {
		for (let attempt = 0; attempt < 100; attempt++) {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: eventBody(0),
			});
			await response.text();
			if (response.status === 200) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	return { instance, urls, stop: () => quietly(() => stopServer(instance)) };
}

async function measureInstance(packed, extraEnv) {
	const { instance, urls, stop } = await startBenchInstance(packed, extraEnv);
	try {
		// Warm-up, then two alternated passes each; the better pass of each side counts.
		await pass(instance, urls.trustpilot, TRUSTPILOT.id, 30, 0);
		await pass(instance, urls.n8n, N8N_WEBHOOK.id, 30, 0);
		const runs = { trustpilot: [], n8n: [] };
		for (let round = 0; round < 2; round++) {
			runs.trustpilot.push(
				await pass(instance, urls.trustpilot, TRUSTPILOT.id, EVENTS_PER_PASS, 1000 * (round + 1)),
			);
			runs.n8n.push(
				await pass(instance, urls.n8n, N8N_WEBHOOK.id, EVENTS_PER_PASS, 1000 * (round + 1)),
			);
		}
		const best = (list, key) => Math.max(...list.map((run) => run[key]));
		return {
			trustpilot: {
				finishedPerSecond: best(runs.trustpilot, 'finishedPerSecond'),
				acceptedPerSecond: best(runs.trustpilot, 'acceptedPerSecond'),
			},
			n8n: {
				finishedPerSecond: best(runs.n8n, 'finishedPerSecond'),
				acceptedPerSecond: best(runs.n8n, 'acceptedPerSecond'),
			},
			failedRequests: [...runs.trustpilot, ...runs.n8n].reduce((sum, run) => sum + run.failed, 0),
		};
	} finally {
		await stop();
	}
}

/**
 * n8n 2.40 skips acquiring an isolated-vm isolate per webhook request only for its own Webhook
 * node (live-webhooks.js, webhookPhaseNeedsIsolate); every other trigger pays for one. Measured
 * with n8n's default expression engine ("vm") and again with "legacy", which has no isolates.
 */
export async function benchWebhook() {
	if (!realN8nInstalled())
		return {
			measured: false,
			reason: 'not measured: no real n8n install (run `npm start` once to install it)',
		};
	const packed = await quietly(() => buildAndPack());
	return {
		measured: true,
		eventsPerPass: EVENTS_PER_PASS,
		concurrency: CONCURRENCY,
		vmEngine: await measureInstance(packed, {}),
		legacyEngine: await measureInstance(packed, { N8N_EXPRESSION_ENGINE: 'legacy' }),
	};
}

export { eventBody, pass, TRUSTPILOT, N8N_WEBHOOK };
