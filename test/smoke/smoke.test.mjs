// Smoke suite for the n8n versions the full e2e suite does not cover (n8n 1.x): the packed
// package in a real n8n of that version, one workflow per node, both triggers firing, the
// credential test, and a network reset that must be retried. It avoids what only 2.x has (Data
// Tables, "publish", the editor's run API): workflows start from n8n's Webhook node and answer
// with their last node's output. Run with `N8N_VERSION=1.123.81 npm run test:smoke`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { freePort } from '../../scripts/n8n/instance.mjs';
import { restRequest } from '../../scripts/n8n/owner.mjs';
import { PACKAGE_NAME } from '../../scripts/n8n/package.mjs';
import { N8N_MAJOR, N8N_VERSION } from '../../scripts/n8n/paths.mjs';
import { formatDuration } from '../../scripts/n8n/process.mjs';
import { createStack } from '../../scripts/n8n/stack.mjs';
import {
	demoCredentials,
	DEMO_CREDENTIALS,
	prepareWorkflowJson,
} from '../../scripts/n8n/workflows.mjs';
import {
	addReview,
	ctx,
	describeExecution,
	emulatorAdmin,
	endpointOf,
	executionsOf,
	fireReviewEvent,
	newFinishedExecutions,
	outputOf,
	uniqueText,
} from '../e2e/context.mjs';

const TRUSTPILOT = { trustpilotApi: DEMO_CREDENTIALS.trustpilotApi };
const BGL = { trustpilotBusinessLinksApi: DEMO_CREDENTIALS.trustpilotBusinessLinksApi };
const TRIGGER_TOKEN = 'smoke-token-5c2e';

function node(name, type, parameters, extra = {}) {
	return {
		id: `${name}-node`.replace(/\W+/g, '-'),
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...extra,
	};
}

/** Webhook (answers with the last node's output) → one node. */
function viaWebhook(fileName, name, path, target) {
	const webhook = node(
		'Webhook',
		'n8n-nodes-base.webhook',
		{ httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		{ typeVersion: 2, webhookId: `smoke-${path}` },
	);
	return prepareWorkflowJson(fileName, {
		name,
		nodes: [webhook, target],
		connections: { Webhook: { main: [[{ node: target.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
}

function alone(fileName, name, trigger) {
	return prepareWorkflowJson(fileName, {
		name,
		nodes: [trigger],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
}

const WORKFLOWS = [
	viaWebhook(
		'91-smoke-action.json',
		'Smoke: Trustpilot › Business Unit › Get',
		'smoke-action',
		node(
			'Trustpilot',
			`${PACKAGE_NAME}.trustpilot`,
			{
				resource: 'businessUnit',
				operation: 'get',
				businessUnit: { __rl: true, mode: 'domain', value: 'example.com' },
			},
			{ credentials: TRUSTPILOT },
		),
	),
	viaWebhook(
		'92-smoke-link.json',
		'Smoke: Trustpilot Link Generator',
		'smoke-link',
		node(
			'Trustpilot Link Generator',
			`${PACKAGE_NAME}.trustpilotLinkGenerator`,
			{
				operation: 'generate',
				email: 'smoke@example.org',
				name: 'Smoke Tester',
				referenceNumber: 'SMOKE-1001',
				additionalFields: {},
			},
			{ credentials: BGL },
		),
	),
	alone(
		'93-smoke-webhook-trigger.json',
		'Smoke: Trustpilot Trigger',
		node(
			'Trustpilot Trigger',
			`${PACKAGE_NAME}.trustpilotTrigger`,
			{
				events: ['service-review-created'],
				authentication: 'token',
				token: TRIGGER_TOKEN,
				fetchFullReview: true,
				simplify: true,
			},
			{ credentials: TRUSTPILOT },
		),
	),
	alone(
		'94-smoke-poll-trigger.json',
		'Smoke: Trustpilot Review Poll Trigger',
		node(
			'Trustpilot Review Poll Trigger',
			`${PACKAGE_NAME}.trustpilotReviewPollTrigger`,
			{
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				reviewType: 'service',
				businessUnits: {
					unit: [{ businessUnit: { __rl: true, mode: 'domain', value: 'example.com' } }],
				},
				event: 'newAndUpdated',
				start: 'date',
				startDate: '2025-01-01T00:00:00',
				simplify: true,
				options: { maxItemsPerPoll: 50 },
			},
			{ credentials: TRUSTPILOT },
		),
	),
];

async function postWebhook(path, body = {}) {
	const response = await fetch(`${ctx.stack.instance.baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json };
}

function workflowNamed(prefix) {
	return ctx.stack.workflows.find((workflow) => workflow.fileName.startsWith(prefix));
}

describe(`n8n-nodes-trustpilot smoke on a real n8n ${N8N_VERSION}`, () => {
	before(
		async () => {
			const stack = createStack();
			ctx.stack = stack;
			await stack.start({
				instanceName: 'smoke',
				fresh: true,
				n8nPort: await freePort(),
				brokerPort: await freePort(),
				emulatorPort: 0,
				workflows: WORKFLOWS,
			});
			const timings = Object.entries(stack.timings).map(
				([step, ms]) => `${step} ${formatDuration(ms)}`,
			);
			process.stdout.write(`# smoke stack ready on n8n ${N8N_VERSION}: ${timings.join(', ')}\n`);
		},
		{ timeout: 45 * 60 * 1000 },
	);
	after(() => ctx.stack?.stop(), { timeout: 60000 });

	test('the n8n under test is the version asked for', async () => {
		const settings = await restRequest(ctx.stack.instance, ctx.stack.cookie, 'GET', '/settings');
		assert.equal(settings.versionCli, N8N_VERSION);
	});

	test('n8n loads all four nodes (and the action node as an AI tool) and both credentials', async () => {
		for (const name of [
			'trustpilot',
			'trustpilotTrigger',
			'trustpilotReviewPollTrigger',
			'trustpilotLinkGenerator',
			'trustpilotTool',
		]) {
			assert.ok(
				ctx.stack.loadedNodeTypes.has(`${PACKAGE_NAME}.${name}`),
				`${PACKAGE_NAME}.${name} not loaded`,
			);
		}
		const response = await fetch(`${ctx.stack.instance.baseUrl}/types/credentials.json`, {
			headers: { cookie: ctx.stack.cookie },
		});
		const loaded = new Set((await response.json()).map((type) => type.name));
		for (const name of ['trustpilotApi', 'trustpilotBusinessLinksApi'])
			assert.ok(loaded.has(name), `${name} not loaded`);
	});

	test('the nodes panel gets the codex: search aliases, and the AI tool filed under AI › Tools', () => {
		const action = ctx.stack.loadedNodeTypes.get(`${PACKAGE_NAME}.trustpilot`);
		assert.ok(action.codex?.alias?.includes('TrustScore'), JSON.stringify(action.codex));
		const tool = ctx.stack.loadedNodeTypes.get(`${PACKAGE_NAME}.trustpilotTool`);
		assert.deepEqual(tool.codex?.categories, ['AI']);
		assert.ok(tool.codex?.subcategories?.AI?.includes('Tools'), JSON.stringify(tool.codex));
		// n8n 1.x builds the tool variant's codex from categories, subcategories and resources only
		// (no alias); 2.x keeps the node's aliases. The action node itself has them on both.
		if (N8N_MAJOR >= 2)
			assert.ok(tool.codex?.alias?.includes('review request'), JSON.stringify(tool.codex));
		else assert.equal(tool.codex?.alias, undefined, JSON.stringify(tool.codex));
		const links = ctx.stack.loadedNodeTypes.get(`${PACKAGE_NAME}.trustpilotLinkGenerator`);
		assert.ok(links.codex?.alias?.includes('BGL'), JSON.stringify(links.codex));
	});

	test('every trigger workflow is active', () => {
		assert.deepEqual(
			ctx.stack.published.filter((outcome) => !outcome.ok),
			[],
		);
		assert.equal(ctx.stack.published.length, 4);
	});

	test("the credential test (the editor's Test button) passes, and fails for a wrong secret", async () => {
		const credentials = demoCredentials({
			emulatorInfo: ctx.stack.emulatorInfo,
			smtpPort: ctx.stack.smtp.smtpPort,
		});
		const trustpilot = credentials.find((credential) => credential.type === 'trustpilotApi');
		const ok = await restRequest(
			ctx.stack.instance,
			ctx.stack.cookie,
			'POST',
			'/credentials/test',
			{
				credentials: trustpilot,
			},
		);
		assert.equal(ok.status, 'OK', JSON.stringify(ok));
		const wrong = await restRequest(
			ctx.stack.instance,
			ctx.stack.cookie,
			'POST',
			'/credentials/test',
			{
				credentials: { ...trustpilot, data: { ...trustpilot.data, apiSecret: 'not-the-secret' } },
			},
		);
		assert.equal(wrong.status, 'Error', JSON.stringify(wrong));
	});

	test('Trustpilot node: Business Unit › Get by domain returns the business unit', async () => {
		const { status, json, text } = await postWebhook('smoke-action');
		assert.equal(status, 200, text);
		const [unit] = json;
		assert.equal(unit.id, ctx.stack.emulatorInfo.mainBusinessUnit.id);
	});

	test('Trustpilot node: a connection reset on a read is retried (network code read from n8n 1.x httpCode)', async () => {
		const businessUnitId = ctx.stack.emulatorInfo.mainBusinessUnit.id;
		await emulatorAdmin('POST', '/faults', {
			match: { method: 'GET', pathRegex: `/business-units/${businessUnitId}$` },
			action: { reset: true },
			times: 1,
		});
		const { status, json, text } = await postWebhook('smoke-action');
		const faults = await emulatorAdmin('GET', '/faults');
		await emulatorAdmin('DELETE', '/faults');
		assert.equal(
			faults.faults[0]?.hits,
			1,
			`the reset fault did not fire: ${JSON.stringify(faults)}`,
		);
		assert.equal(status, 200, text);
		assert.equal(json[0].id, businessUnitId);
	});

	test('Trustpilot Link Generator: Generate returns a review link for the customer', async () => {
		const { status, json, text } = await postWebhook('smoke-link');
		assert.equal(status, 200, text);
		const [link] = json;
		assert.match(link.url, /^https:\/\/www\.trustpilot\.com\/evaluate-bgl\//);
		assert.equal(link.referenceNumber, 'SMOKE-1001');
		assert.equal(link.email, 'smoke@example.org');
	});

	test(
		'Trustpilot Trigger: an event with the token starts an execution with the review',
		{ timeout: 90000 },
		async () => {
			const workflow = workflowNamed('93-');
			const endpoint = endpointOf(workflow, '.trustpilotTrigger');
			const known = new Set((await executionsOf(workflow.id)).map((execution) => execution.id));
			const review = await addReview({ stars: 2, text: uniqueText('Smoke webhook review') });
			const delivery = await fireReviewEvent(endpoint.urlWithAuth, review.id);
			assert.equal(delivery.status, 200, `webhook answered ${delivery.status}: ${delivery.body}`);
			const [execution] = await newFinishedExecutions(workflow.id, known);
			assert.equal(execution.status, 'success', describeExecution(execution));
			const [item] = outputOf(execution, 'Trustpilot Trigger');
			assert.equal(item.id, review.id);
			assert.equal(item.text, review.text);

			const wrong = new URL(endpoint.urlWithAuth);
			wrong.searchParams.set('token', 'not-the-token');
			const refused = await fireReviewEvent(wrong.toString(), review.id);
			assert.equal(refused.status, 401);
		},
	);

	test(
		'Trustpilot Review Poll Trigger: polls deliver the reviews since the start date',
		{ timeout: 200000 },
		async () => {
			const workflow = workflowNamed('94-');
			const [execution] = await newFinishedExecutions(workflow.id, new Set(), {
				atLeast: 1,
				timeoutMs: 150000,
			});
			assert.equal(execution.status, 'success', describeExecution(execution));
			const reviews = outputOf(execution, 'Trustpilot Review Poll Trigger');
			assert.ok(reviews.length > 0, 'the first poll delivered no reviews');
			assert.ok(reviews.length <= 50, `more than maxItemsPerPoll: ${reviews.length}`);
			for (const review of reviews) {
				assert.equal(review.businessUnitId, ctx.stack.emulatorInfo.mainBusinessUnit.id);
				assert.ok(
					Date.parse(review.createdAt) >= Date.parse('2025-01-01T00:00:00Z'),
					review.createdAt,
				);
			}
		},
	);
});
