// Workflows only the queue-mode suite imports, beside the demo workflows from examples/: each
// isolates one thing to prove (where an action runs, a webhook burst, the token stampede).
import crypto from 'node:crypto';

import { DEMO_CREDENTIALS } from '../../scripts/n8n/workflows.mjs';

const TRUSTPILOT = 'n8n-nodes-trustpilot';
export const WEBHOOK_TOKEN = 'queue-suite-token-5b1e9c';

function uuidFrom(seed) {
	const hex = crypto.createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function workflow(id, name, nodes, chain, { publish }) {
	const placed = nodes.map((node, index) => ({
		id: uuidFrom(`${id}/${node.name}`),
		typeVersion: 1,
		position: [index * 240, 0],
		...node,
	}));
	const connections = {};
	for (let index = 0; index + 1 < chain.length; index++) {
		connections[chain[index]] = { main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] };
	}
	return {
		file: `(queue suite) ${id}`,
		fileName: `${id}.json`,
		id,
		name,
		nodes: placed,
		publish,
		needsPostgres: false,
		json: {
			id,
			name,
			nodes: placed,
			connections,
			settings: { executionOrder: 'v1' },
			active: false,
		},
	};
}

const trustpilotCredential = { trustpilotApi: DEMO_CREDENTIALS.trustpilotApi };

/** Manual start → the Trustpilot node lists 40 private reviews of the main unit (an action workflow). */
export function actionWorkflow(businessUnitId) {
	return workflow(
		'TpQueueAction0001',
		'Queue suite: list private reviews',
		[
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
			{
				name: 'List reviews',
				type: `${TRUSTPILOT}.trustpilot`,
				parameters: {
					resource: 'serviceReview',
					operation: 'getAll',
					businessUnit: { __rl: true, mode: 'id', value: businessUnitId },
					source: 'private',
					returnAll: false,
					limit: 40,
					simplify: true,
				},
				credentials: trustpilotCredential,
			},
		],
		['Start', 'List reviews'],
		{ publish: false },
	);
}

/**
 * The Trustpilot Trigger of the suite's workflows: service-review-created events behind the
 * suite's token, simplified; with Fetch Full Review it reads the review and needs the credential.
 */
function trustpilotTrigger(webhookKey, { fetchFullReview = false } = {}) {
	return {
		name: 'Trustpilot Trigger',
		type: `${TRUSTPILOT}.trustpilotTrigger`,
		webhookId: uuidFrom(webhookKey),
		parameters: {
			events: ['service-review-created'],
			authentication: 'token',
			token: WEBHOOK_TOKEN,
			fetchFullReview,
			simplify: true,
		},
		...(fetchFullReview ? { credentials: trustpilotCredential } : {}),
	};
}

/** Trustpilot Trigger alone: one execution per delivered event, its item the review. */
export function webhookWorkflow() {
	return workflow(
		'TpQueueWebhook001',
		'Queue suite: review events',
		[trustpilotTrigger('queue-suite/webhook')],
		['Trustpilot Trigger'],
		{ publish: true },
	);
}

/**
 * The token stampede: the webhook processor reads each private review (Fetch Full Review), then
 * a worker reads it again with the Trustpilot node. Both need the access token.
 */
export function stampedeWorkflow() {
	return workflow(
		'TpQueueStampede01',
		'Queue suite: token stampede',
		[
			trustpilotTrigger('queue-suite/stampede', { fetchFullReview: true }),
			{
				name: 'Get private review',
				type: `${TRUSTPILOT}.trustpilot`,
				parameters: {
					resource: 'serviceReview',
					operation: 'get',
					reviewId: '={{ $json.id }}',
					source: 'private',
					simplify: true,
				},
				credentials: trustpilotCredential,
			},
		],
		['Trustpilot Trigger', 'Get private review'],
		{ publish: true },
	);
}

/**
 * The token stampede on the workers alone: the webhook processor only queues the event (no
 * token needed there), and each execution reads the private review on a worker. The events
 * reach the workers spread over a second or two; a Wait until the next 5-second mark (at least
 * 3 s away, held in the worker's memory) lines the executions up so they all ask at once.
 */
export function workerStampedeWorkflow() {
	return workflow(
		'TpQueueStampede02',
		'Queue suite: token stampede on the workers',
		[
			trustpilotTrigger('queue-suite/stampede-workers'),
			{
				name: 'Line up',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				webhookId: uuidFrom('queue-suite/stampede-workers-wait'),
				parameters: {
					resume: 'specificTime',
					dateTime:
						'={{ DateTime.fromMillis(Math.ceil(($now.toMillis() + 3000) / 5000) * 5000).toISO() }}',
				},
			},
			{
				name: 'Get private review',
				type: `${TRUSTPILOT}.trustpilot`,
				parameters: {
					resource: 'serviceReview',
					operation: 'get',
					reviewId: '={{ $json.id }}',
					source: 'private',
					simplify: true,
				},
				credentials: trustpilotCredential,
			},
		],
		['Trustpilot Trigger', 'Line up', 'Get private review'],
		{ publish: true },
	);
}

/**
 * Demo 07 (reviews → PostgreSQL) as the poll test runs it: only reviews from now on, at most 200
 * per poll, and a 10-second Wait before the upsert so a worker can be killed while it runs one
 * (n8n waits under 65 s in the worker's memory, so the kill really interrupts the execution).
 * The catch-up branch stays as the demo has it, on a schedule that does not fire during the
 * suite (the poll test runs it itself, over its own time range). Not published at start: the
 * poll test publishes it, so its cursor starts then and not at the suite's start.
 */
export function adjustPostgresSync(example) {
	const trigger = example.nodes.find((node) => node.type.endsWith('.trustpilotReviewPollTrigger'));
	const upsert = example.nodes.find((node) => node.name === 'Upsert review into PostgreSQL');
	const catchUp = example.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	if (!upsert || !catchUp) throw new Error('demo 07 lost its upsert or its catch-up branch');
	const farMinute = (new Date().getUTCMinutes() + 30) % 60;
	trigger.parameters = {
		...trigger.parameters,
		start: 'now',
		event: 'new',
		// Far from any clock-aligned schedule: the suite drives its polls itself (see below).
		pollTimes: { item: [{ mode: 'everyHour', minute: farMinute }] },
		options: { maxItemsPerPoll: 200 },
	};
	catchUp.parameters = {
		rule: { interval: [{ field: 'hours', hoursInterval: 1, triggerAtMinute: farMinute }] },
	};
	const wait = {
		id: uuidFrom('queue-suite/wait'),
		name: 'Wait 10 s',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [130, 160],
		webhookId: uuidFrom('queue-suite/wait-webhook'),
		parameters: { resume: 'timeInterval', amount: 10, unit: 'seconds' },
	};
	example.nodes.push(wait);
	example.json.nodes = example.nodes;
	example.json.connections = {
		...example.json.connections,
		[trigger.name]: { main: [[{ node: wait.name, type: 'main', index: 0 }]] },
		[wait.name]: { main: [[{ node: upsert.name, type: 'main', index: 0 }]] },
	};
	return { ...example, publish: false };
}
