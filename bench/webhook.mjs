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
import { N8N_BIN, N8N_DIR, N8N_VERSION, NODE_BIN, NODE_DIR } from '../scripts/n8n/paths.mjs';

const EVENTS_PER_PASS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? 2);
const STALL_MS = 20000;

/**
 * The expression-engine settings each measured on a fresh instance. "vm" is n8n 2.x's default;
 * with lazy acquisition n8n creates an isolate only when an expression really reaches the engine;
 * "legacy" has no isolates at all. BENCH_WEBHOOK_ENGINES=vm,legacy picks a subset.
 */
export const WEBHOOK_ENGINES = [
	{ name: 'vm', key: 'vmEngine', label: "n8n's default expression engine", env: {} },
	{
		name: 'lazy',
		key: 'lazyEngine',
		label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
		env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
	{
		name: 'legacy',
		key: 'legacyEngine',
		label: 'N8N_EXPRESSION_ENGINE=legacy',
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
];

function selectedEngines() {
	const wanted = process.env.BENCH_WEBHOOK_ENGINES?.split(',').map((name) => name.trim());
	if (!wanted) return WEBHOOK_ENGINES;
	const unknown = wanted.filter((name) => !WEBHOOK_ENGINES.some((engine) => engine.name === name));
	if (unknown.length) throw new Error(`BENCH_WEBHOOK_ENGINES: unknown ${unknown.join(', ')}`);
	return WEBHOOK_ENGINES.filter((engine) => wanted.includes(engine.name));
}

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

// Version 1 (workflows saved before version 2 existed) and version 2, which spares n8n the
// per-request `binaryData` expression it evaluates for every version-1 start node.
function trustpilotTriggerWorkflow(typeVersion) {
	// Version 1 keeps the ids and names it had before version 2 existed.
	const suffix = typeVersion === 1 ? '' : `-v${typeVersion}`;
	return workflow(
		`TpBenchTrigger0${typeVersion}`,
		`Bench: Trustpilot Trigger${typeVersion === 1 ? '' : ` v${typeVersion}`}`,
		{
			id: uuid(`bench-trustpilot-node${suffix}`),
			name: 'Trustpilot Trigger',
			type: 'n8n-nodes-trustpilot.trustpilotTrigger',
			typeVersion,
			position: [0, 0],
			webhookId: uuid(`bench-trustpilot-webhook${suffix}`),
			parameters: { events: ['*'], authentication: 'none', simplify: true },
		},
	);
}
const TRUSTPILOT = trustpilotTriggerWorkflow(1);
const TRUSTPILOT_V2 = trustpilotTriggerWorkflow(2);
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
	// On an overloaded machine n8n can lose an execution (SQLite lock timeouts while saving it):
	// stop waiting once nothing more finished for STALL_MS and report the lost ones, instead of
	// hanging; the rate counts the executions that did finish, up to the last one.
	let finished = 0;
	let finishedMs = acceptedMs;
	let lastProgress = Date.now();
	while (finished < count - failed && Date.now() - lastProgress < STALL_MS) {
		const now = (await finishedCount(instance, workflowId)) - before;
		if (now > finished) {
			finished = now;
			finishedMs = performance.now() - began;
			lastProgress = Date.now();
		}
		if (finished < count - failed) await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		events: finished,
		failed,
		lost: count - failed - finished,
		acceptedPerSecond: ((count - failed) / acceptedMs) * 1000,
		finishedPerSecond: (finished / finishedMs) * 1000,
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

/** Where a workflow's only node listens. */
function webhookUrl(instance, flow) {
	const node = flow.json.nodes[0];
	const path =
		node.type === 'n8n-nodes-base.webhook' ? node.parameters.path : `${node.webhookId}/webhook`;
	return `${instance.baseUrl}/webhook/${path}`;
}

/**
 * A fresh n8n instance with this package (`packed` by buildAndPack) and the given workflows
 * active (default: both sides of the comparison).
 */
export async function startBenchInstance(
	packed,
	extraEnv = {},
	flows = [TRUSTPILOT, N8N_WEBHOOK],
	name = 'bench',
) {
	const instance = createInstance({
		name,
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
		await importContent(instance, { credentials, workflows: flows });
		await startServer(instance);
		const cookie = await ensureOwnerSession(instance);
		await ensureApiKey(instance, cookie);
		const published = await publishTriggerWorkflows(instance, flows);
		const failed = published.filter((outcome) => !outcome.ok);
		if (failed.length)
			throw new Error(
				`could not activate: ${failed.map((outcome) => `${outcome.name}: ${outcome.message}`).join('; ')}`,
			);
	});
	const urls = Object.fromEntries(flows.map((flow) => [flow.id, webhookUrl(instance, flow)]));
	// Webhooks answer 404 for a moment after activation: wait until all accept.
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

/** The sides measured against each other on one instance: the key in the results → workflow. */
const SIDES = { trustpilot: TRUSTPILOT, trustpilotV2: TRUSTPILOT_V2, n8n: N8N_WEBHOOK };

/**
 * From version 2 on n8n leaves a body it does not parse unread: the node must still accept a
 * JSON body sent with a sloppy content type, on the real n8n too.
 */
async function assertSloppyBodiesAccepted(urls) {
	for (const flow of [TRUSTPILOT, TRUSTPILOT_V2]) {
		const response = await fetch(urls[flow.id], {
			method: 'POST',
			headers: { 'content-type': 'application/octet-stream' },
			body: eventBody(0),
		});
		const text = await response.text();
		if (response.status !== 200 || !text.includes('"accepted":1'))
			throw new Error(`${flow.name}: octet-stream body answered ${response.status} ${text}`);
	}
}

async function measureInstance(packed, extraEnv) {
	const flows = Object.values(SIDES);
	const { instance, urls, stop } = await startBenchInstance(packed, extraEnv, flows);
	try {
		await assertSloppyBodiesAccepted(urls);
		for (const flow of flows) await pass(instance, urls[flow.id], flow.id, 30, 0);
		// Alternated passes; the better pass of each side counts.
		const runs = Object.fromEntries(Object.keys(SIDES).map((key) => [key, []]));
		for (let round = 0; round < ROUNDS; round++) {
			for (const [key, flow] of Object.entries(SIDES)) {
				runs[key].push(
					await pass(instance, urls[flow.id], flow.id, EVENTS_PER_PASS, 1000 * (round + 1)),
				);
			}
		}
		const best = (list, field) => Math.max(...list.map((run) => run[field]));
		const result = {};
		for (const [key, list] of Object.entries(runs)) {
			result[key] = {
				finishedPerSecond: best(list, 'finishedPerSecond'),
				acceptedPerSecond: best(list, 'acceptedPerSecond'),
				passes: list.map((run) => Number(run.finishedPerSecond.toFixed(1))),
			};
		}
		result.failedRequests = Object.values(runs)
			.flat()
			.reduce((sum, run) => sum + run.failed, 0);
		result.lostExecutions = Object.values(runs)
			.flat()
			.reduce((sum, run) => sum + run.lost, 0);
		return result;
	} finally {
		await stop();
	}
}

/**
 * Per webhook request, n8n 2.40/2.41 takes an isolated-vm isolate out of its pool for the webhook
 * phase (live-webhooks.js, webhookPhaseNeedsIsolate) unless the start node is its own Webhook node
 * (n8n-nodes-base.webhook, version ≥ 2, static parameters) — every other trigger pays for one, on
 * top of the one the execution takes. Measured with n8n's default expression engine ("vm"), with
 * lazy acquisition, and with "legacy", which has no isolates.
 */
export async function benchWebhook() {
	if (!realN8nInstalled())
		return {
			measured: false,
			reason: 'not measured: no real n8n install (run `npm start` once to install it)',
		};
	const packed = await quietly(() => buildAndPack());
	const result = {
		measured: true,
		n8nVersion: N8N_VERSION,
		eventsPerPass: EVENTS_PER_PASS,
		concurrency: CONCURRENCY,
	};
	for (const engine of selectedEngines()) {
		result[engine.key] = await measureInstance(packed, engine.env);
	}
	return result;
}

export { eventBody, pass, TRUSTPILOT, TRUSTPILOT_V2, N8N_WEBHOOK };

// `node bench/webhook.mjs` (N8N_VERSION=2.41.3 for another installed n8n): this part alone, as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
	const result = await benchWebhook();
	for (const engine of WEBHOOK_ENGINES) {
		const sides = result[engine.key];
		if (!sides) continue;
		const n8n = sides.n8n.finishedPerSecond;
		const describe = (key) =>
			`${sides[key].finishedPerSecond.toFixed(1)}/s ${JSON.stringify(sides[key].passes)} (${(sides[key].finishedPerSecond / n8n).toFixed(2)}×)`;
		process.stderr.write(
			`n8n ${result.n8nVersion}, ${engine.label}: Trustpilot v1 ${describe('trustpilot')}, v2 ${describe('trustpilotV2')}, Webhook ${n8n.toFixed(1)}/s ${JSON.stringify(sides.n8n.passes)}\n`,
		);
	}
	process.stdout.write(`${JSON.stringify(result, null, '\t')}\n`);
}
