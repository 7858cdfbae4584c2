// Shared state and helpers of the end-to-end suite: one fresh n8n instance (random ports) with
// the packed package installed, the emulator and the mail catcher, plus small clients for
// n8n's APIs, the emulator's admin API and the caught mail.
import { freePort } from '../../scripts/n8n/instance.mjs';
import { publicApi, restRequest } from '../../scripts/n8n/owner.mjs';
import { sleep } from '../../scripts/n8n/process.mjs';
import { createStack, missingNodeTypes } from '../../scripts/n8n/stack.mjs';
import { webhookEndpoints } from '../../scripts/n8n/webhooks.mjs';
import { emulatorAdminAt } from './executions.mjs';
export { describeExecution, outputOf } from './executions.mjs';

/**
 * Poll triggers run every minute in the suite, whatever the example's schedule: n8n refuses
 * anything shorter ("The polling interval is too short"), and an hourly sync would not fit.
 */
const E2E_POLL_TIMES = { item: [{ mode: 'everyMinute' }] };

export const ctx = { stack: undefined };

export async function startE2eStack() {
	const stack = createStack();
	ctx.stack = stack;
	await stack.start({
		instanceName: 'e2e',
		fresh: true,
		n8nPort: await freePort(),
		brokerPort: await freePort(),
		emulatorPort: 0,
		adjustWorkflow: (workflow) => {
			for (const node of workflow.nodes) {
				if (node.parameters?.pollTimes || /PollTrigger$/.test(node.type)) {
					node.parameters = { ...node.parameters, pollTimes: E2E_POLL_TIMES };
				}
			}
			workflow.json.nodes = workflow.nodes;
			return workflow;
		},
	});
	return stack;
}

export async function stopE2eStack() {
	await ctx.stack?.stop();
}

/** The demo workflow from `examples/NN-*.json`; fails (never skips) when it is missing or unusable. */
export function demoWorkflow(number) {
	const prefix = `${String(number).padStart(2, '0')}-`;
	const workflow = ctx.stack.workflows.find((candidate) => candidate.fileName.startsWith(prefix));
	if (!workflow) throw new Error(`examples/${prefix}*.json does not exist yet`);
	const missing = missingNodeTypes(ctx.stack, workflow);
	if (missing.length > 0) {
		throw new Error(
			`${workflow.fileName} uses node types n8n did not load (not built or not in package.json "n8n"): ${missing.join(', ')}`,
		);
	}
	if (workflow.publish) {
		const outcome = ctx.stack.published.find((candidate) => candidate.id === workflow.id);
		if (!outcome?.ok)
			throw new Error(`${workflow.fileName} could not be published: ${outcome?.message}`);
	}
	return workflow;
}

export function missingNodeTypesOf(workflow) {
	return missingNodeTypes(ctx.stack, workflow);
}

export function nodeOfType(workflow, typeSuffix) {
	const node = workflow.nodes.find((candidate) => candidate.type.endsWith(typeSuffix));
	if (!node) throw new Error(`${workflow.fileName} has no node of type *${typeSuffix}`);
	return node;
}

export function endpointOf(workflow, typeSuffix) {
	const endpoint = webhookEndpoints(ctx.stack, workflow).find((candidate) =>
		candidate.nodeType.endsWith(typeSuffix),
	);
	if (!endpoint)
		throw new Error(`${workflow.fileName} has no webhook trigger of type *${typeSuffix}`);
	return endpoint;
}

export async function waitFor(what, check, { timeoutMs = 60000, everyMs = 1000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		last = await check();
		if (last) return last;
		await sleep(everyMs);
	}
	throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

// ── n8n ─────────────────────────────────────────────────────────────────────────────────────────

export async function executionsOf(workflowId) {
	const { body } = await publicApi(
		ctx.stack.instance,
		'GET',
		`/executions?workflowId=${workflowId}&limit=100`,
	);
	return body.data;
}

export async function executionWithData(executionId) {
	return (await publicApi(ctx.stack.instance, 'GET', `/executions/${executionId}?includeData=true`))
		.body;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Waits until the execution has ended and returns it with its data. */
export async function finishedExecution(executionId, timeoutMs = 60000) {
	return waitFor(
		`execution ${executionId} to finish`,
		async () => {
			const execution = await executionWithData(executionId);
			return FINISHED.has(execution.status) ? execution : undefined;
		},
		{ timeoutMs, everyMs: 500 },
	);
}

/** Executions of a workflow that started after `sinceIds` was taken, once all of them have ended. */
export async function newFinishedExecutions(
	workflowId,
	knownIds,
	{ atLeast = 1, timeoutMs = 60000 } = {},
) {
	return waitFor(
		`${atLeast} new execution(s) of ${workflowId}`,
		async () => {
			const fresh = (await executionsOf(workflowId)).filter(
				(execution) => !knownIds.has(execution.id),
			);
			if (fresh.length < atLeast || fresh.some((execution) => !FINISHED.has(execution.status)))
				return undefined;
			return Promise.all(fresh.map((execution) => executionWithData(execution.id)));
		},
		{ timeoutMs },
	);
}

/** Runs a workflow the way the editor's "Execute workflow" button does, from its manual trigger. */
export async function runFromEditor(workflow, triggerName) {
	const { executionId } = await restRequest(
		ctx.stack.instance,
		ctx.stack.cookie,
		'POST',
		`/workflows/${workflow.id}/run`,
		{
			triggerToStartFrom: { name: triggerName },
		},
	);
	return finishedExecution(executionId);
}

/** Every row of a Data Table (the public API pages them, 250 at most per page). */
export async function dataTableRows(tableId) {
	const rows = [];
	let cursor = '';
	do {
		const query = `limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const { body } = await publicApi(
			ctx.stack.instance,
			'GET',
			`/data-tables/${tableId}/rows?${query}`,
		);
		rows.push(...body.data);
		cursor = body.nextCursor ?? '';
	} while (cursor);
	return rows;
}

// ── emulator and mail ───────────────────────────────────────────────────────────────────────────

export async function emulatorAdmin(method, route, body) {
	return emulatorAdminAt(ctx.stack.emulator.adminUrl)(method, route, body);
}

export async function addReview(fields) {
	const { reviews } = await emulatorAdmin('POST', '/reviews', {
		businessUnitId: ctx.stack.emulatorInfo.mainBusinessUnit.id,
		...fields,
	});
	return reviews[0];
}

/** Delivers a Trustpilot webhook event for a stored review to `url`; returns n8n's reply. */
export async function fireReviewEvent(url, reviewId, eventName = 'service-review-created') {
	return emulatorAdmin('POST', '/webhooks/fire', { url, reviewId, eventName });
}

export async function mails() {
	const response = await fetch(`http://127.0.0.1:${ctx.stack.smtp.httpPort}/messages`);
	return response.json();
}

export function uniqueText(label) {
	return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
