// Demo workflows 05 and 06 in the real n8n: the Trustpilot node as AI tools.
// 05: an MCP client on the official SDK connects to the published MCP Server Triggers, lists the
//     tools n8n built from this package, calls them and checks the results against the emulator.
// 06: the AI Agent with an OpenAI Chat Model whose endpoint is the scripted stand-in
//     (scripts/n8n/scriptedModel.mjs): the "model" picks a tool and its arguments by a fixed script,
//     n8n and this package do the rest for real.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { DEMO_MCP_TOKEN } from '../../scripts/n8n/workflows.mjs';
import {
	addReview,
	ctx,
	demoWorkflow,
	emulatorAdmin,
	executionsOf,
	newFinishedExecutions,
	uniqueText,
	waitFor,
} from './context.mjs';
import { webhookEndpoints } from '../../scripts/n8n/webhooks.mjs';

const READ_TOOLS = ['find_business_unit', 'get_business_unit', 'get_review', 'get_reviews'];

/** Everything an MCP client or the model endpoint received, for the secret scan at the end. */
const received = [];

function mcpUrl(workflow, nodeName) {
	const endpoint = webhookEndpoints(ctx.stack, workflow).find(
		(candidate) => candidate.nodeName === nodeName,
	);
	assert.ok(endpoint, `${workflow.fileName} has no MCP Server Trigger "${nodeName}"`);
	return endpoint.url;
}

async function connectMcp(url, token = DEMO_MCP_TOKEN) {
	const client = new Client({ name: 'n8n-nodes-trustpilot-e2e', version: '1.0.0' });
	const recordingFetch = async (input, init) => {
		const response = await fetch(input, init);
		if ((init?.method ?? 'GET') === 'POST') {
			response
				.clone()
				.text()
				.then((text) => received.push(`mcp ${url}: ${text}`))
				.catch(() => {});
		}
		return response;
	};
	const transport = new StreamableHTTPClientTransport(new URL(url), {
		requestInit: { headers: token ? { authorization: `Bearer ${token}` } : {} },
		fetch: recordingFetch,
	});
	await client.connect(transport);
	return client;
}

function textOf(result) {
	return (result.content ?? []).map((part) => part.text ?? '').join('\n');
}

async function callTool(client, name, args) {
	const started = Date.now();
	const result = await client.callTool({ name, arguments: args });
	const ms = Date.now() - started;
	received.push(`mcp result ${name}: ${JSON.stringify(result)}`);
	return { result, ms, text: textOf(result) };
}

/** The emulator's own public list, asked directly, for comparison with what a tool returned. */
async function emulatorReviews(query) {
	const { apiUrl } = ctx.stack.emulatorInfo.urls;
	const unit = ctx.stack.emulatorInfo.mainBusinessUnit.id;
	const response = await fetch(
		`${apiUrl}/business-units/${unit}/reviews?${new URLSearchParams(query)}`,
		{ headers: { apikey: ctx.stack.emulatorInfo.account.apiKey } },
	);
	assert.equal(response.status, 200);
	return (await response.json()).reviews;
}

async function trustpilotRequestsSince(seq) {
	const log = await emulatorAdmin('GET', '/requests');
	const entries = Array.isArray(log) ? log : (log.requests ?? log.entries ?? []);
	return entries.filter((entry) => entry.seq > seq);
}

async function lastSeq() {
	const log = await emulatorAdmin('GET', '/requests');
	const entries = Array.isArray(log) ? log : (log.requests ?? log.entries ?? []);
	return entries.reduce((max, entry) => Math.max(max, entry.seq), 0);
}

/** Secrets the Trustpilot credential holds or obtained: none may reach a model or MCP client. */
async function trustpilotSecrets() {
	const { account } = ctx.stack.emulatorInfo;
	const secrets = new Set([account.apiSecret, account.apiKey]);
	if (account.businessUser?.password) secrets.add(account.businessUser.password);
	for (const entry of await trustpilotRequestsSince(0)) {
		const authorization = entry.headers?.authorization ?? entry.headers?.Authorization;
		const bearer = /^Bearer\s+(.+)$/i.exec(String(authorization ?? ''))?.[1];
		if (bearer) secrets.add(bearer);
	}
	const { bgl } = ctx.stack.emulatorInfo;
	for (const key of [bgl?.encryptKey, bgl?.authKey]) if (key) secrets.add(key);
	return [...secrets].filter((secret) => typeof secret === 'string' && secret.length >= 8);
}

export function aiTests() {
	const measured = {};

	test('05 MCP: a client without the bearer token is refused', { timeout: 90000 }, async () => {
		const workflow = demoWorkflow(5);
		const url = mcpUrl(workflow, 'Trustpilot MCP server (read + reply)');
		const post = () =>
			fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json, text/event-stream',
				},
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
			});
		// Publishing returns before n8n has registered every webhook of the workflow (404 until then).
		for (const name of [
			'Trustpilot read-only MCP server',
			'Trustpilot MCP server (read + reply)',
		]) {
			const endpoint = mcpUrl(workflow, name);
			await waitFor(`${endpoint} to be registered`, async () => {
				const probe = await fetch(endpoint, { method: 'POST', body: '{}' });
				return probe.status !== 404;
			});
		}
		const response = await post();
		// n8n answers 403 to a request without a token and 401 to a wrong one; either way no tools.
		assert.ok([401, 403].includes(response.status), `answered ${response.status}`);
		assert.doesNotMatch(await response.text(), /get_reviews/);
		await assert.rejects(connectMcp(url, 'not-the-token'));
	});

	test(
		'05 MCP: the read-only server offers exactly the four read tools; the other adds reply_to_review',
		{ timeout: 120000 },
		async () => {
			const workflow = demoWorkflow(5);
			const readOnly = await connectMcp(mcpUrl(workflow, 'Trustpilot read-only MCP server'));
			const full = await connectMcp(mcpUrl(workflow, 'Trustpilot MCP server (read + reply)'));
			try {
				const readTools = (await readOnly.listTools()).tools;
				const fullTools = (await full.listTools()).tools;
				received.push(`tools: ${JSON.stringify(readTools)} ${JSON.stringify(fullTools)}`);
				process.stdout.write(
					`# MCP tool list (read + reply server):\n${fullTools
						.map(
							(tool) =>
								`#   ${tool.name}(${Object.entries(tool.inputSchema?.properties ?? {})
									.map(([key, schema]) => `${key}: ${schema.type}`)
									.join(', ')}) — ${tool.description}`,
						)
						.join('\n')}\n`,
				);
				assert.deepEqual(readTools.map((tool) => tool.name).sort(), READ_TOOLS);
				assert.deepEqual(
					fullTools.map((tool) => tool.name).sort(),
					[...READ_TOOLS, 'reply_to_review'].sort(),
				);
				const byName = Object.fromEntries(fullTools.map((tool) => [tool.name, tool]));

				// Descriptions written for a model: what comes back, ordering, limits, read vs write.
				const list = byName.get_reviews;
				for (const phrase of ['newest first', 'stars', 'id', 'Limit', 'Read-only'])
					assert.ok(
						list.description.includes(phrase),
						`get_reviews lacks "${phrase}": ${list.description}`,
					);
				assert.match(byName.reply_to_review.description, /public/i);
				assert.match(byName.reply_to_review.description, /Writes/);
				assert.doesNotMatch(byName.reply_to_review.description, /Read-only/);
				for (const name of READ_TOOLS)
					assert.match(byName[name].description, /Read-only: changes nothing in Trustpilot$/, name);

				// Input schemas: the $fromAI() parameters with their types.
				const types = (tool) =>
					Object.fromEntries(
						Object.entries(tool.inputSchema.properties).map(([key, schema]) => [key, schema.type]),
					);
				assert.deepEqual(types(list), { limit: 'number', stars: 'string', language: 'string' });
				assert.match(list.inputSchema.properties.limit.description, /1 to 100/);
				assert.deepEqual(types(byName.get_review), { reviewId: 'string' });
				assert.deepEqual(types(byName.reply_to_review), { reviewId: 'string', message: 'string' });
				assert.deepEqual(types(byName.find_business_unit), { nameOrDomain: 'string' });
				assert.deepEqual(types(byName.get_business_unit), { businessUnitId: 'string' });
				assert.deepEqual(byName.reply_to_review.inputSchema.required?.sort(), [
					'message',
					'reviewId',
				]);
			} finally {
				await readOnly.close();
				await full.close();
			}
		},
	);

	test(
		"05 MCP: get_reviews returns the emulator's newest reviews with the chosen filters, simplified",
		{ timeout: 120000 },
		async () => {
			const workflow = demoWorkflow(5);
			const client = await connectMcp(mcpUrl(workflow, 'Trustpilot read-only MCP server'));
			try {
				const since = await lastSeq();
				const call = await callTool(client, 'get_reviews', {
					limit: 3,
					stars: '1,2',
					language: '',
				});
				assert.notEqual(call.result.isError, true, call.text);
				const items = JSON.parse(call.text);
				const requests = await trustpilotRequestsSince(since);
				measured.getReviews = {
					requests: requests.map((entry) => `${entry.method} ${entry.path}`),
					ms: call.ms,
				};
				const expected = await emulatorReviews({
					stars: '1,2',
					perPage: '3',
					orderBy: 'createdat.desc',
				});
				assert.equal(items.length, 3);
				assert.deepEqual(
					items.map((item) => item.id),
					expected.map((review) => review.id),
				);
				for (const [index, item] of items.entries()) {
					assert.ok([1, 2].includes(item.stars), `stars ${item.stars}`);
					assert.equal(item.text, expected[index].text);
					assert.equal(item.link, `https://www.trustpilot.com/reviews/${item.id}`);
					assert.equal(item.consumerEmail, undefined, 'public source: no consumer email');
				}

				// The default Limit (10) applies when the model leaves it out.
				const defaulted = await callTool(client, 'get_reviews', { stars: '', language: '' });
				assert.notEqual(defaulted.result.isError, true, defaulted.text);
				assert.equal(JSON.parse(defaulted.text).length, 10);

				// get_review with an id from the list gives that review.
				const one = await callTool(client, 'get_review', { reviewId: items[0].id });
				assert.notEqual(one.result.isError, true, one.text);
				const [review] = JSON.parse(one.text);
				assert.equal(review.id, items[0].id);
				assert.equal(review.stars, (await emulatorAdmin('GET', `/reviews/${items[0].id}`)).stars);
			} finally {
				await client.close();
			}
		},
	);

	test(
		'05 MCP: bad arguments come back as tool errors whose first line says what to change, without calling Trustpilot',
		{ timeout: 120000 },
		async () => {
			const workflow = demoWorkflow(5);
			const client = await connectMcp(mcpUrl(workflow, 'Trustpilot MCP server (read + reply)'));
			try {
				const since = await lastSeq();
				for (const limit of [0, -1, 2.5, 500]) {
					const call = await callTool(client, 'get_reviews', { limit, stars: '', language: '' });
					assert.equal(call.result.isError, true, `limit ${limit}: ${call.text}`);
					const firstLine = call.text.split('\n')[0];
					assert.match(firstLine, /Limit/, `limit ${limit}: ${call.text}`);
					process.stdout.write(`# get_reviews limit ${limit} → ${firstLine}\n`);
					assert.doesNotMatch(call.text, /base ?url|127\.0\.0\.1/i);
				}
				const badId = await callTool(client, 'reply_to_review', {
					reviewId: 'the-first-review',
					message: 'Thanks!',
				});
				assert.equal(badId.result.isError, true, badId.text);
				assert.match(badId.text.split('\n')[0], /Review ID/);
				const stars = await callTool(client, 'get_reviews', {
					limit: 3,
					stars: 'six',
					language: '',
				});
				assert.equal(stars.result.isError, true, stars.text);
				assert.match(stars.text.split('\n')[0], /Stars/);
				const sent = await trustpilotRequestsSince(since);
				assert.deepEqual(
					sent.map((entry) => `${entry.method} ${entry.path}`),
					[],
					'a rejected argument must not reach Trustpilot',
				);
			} finally {
				await client.close();
			}
		},
	);

	test('05 MCP: reply_to_review stores exactly one public reply', { timeout: 120000 }, async () => {
		const workflow = demoWorkflow(5);
		const review = await addReview({ stars: 2, text: uniqueText('Slow delivery') });
		const client = await connectMcp(mcpUrl(workflow, 'Trustpilot MCP server (read + reply)'));
		try {
			const message = uniqueText('Sorry for the wait, we are on it');
			const since = await lastSeq();
			const call = await callTool(client, 'reply_to_review', { reviewId: review.id, message });
			assert.notEqual(call.result.isError, true, call.text);
			const [answer] = JSON.parse(call.text);
			assert.equal(answer.success, true);
			assert.equal(answer.reviewId, review.id);
			const stored = await emulatorAdmin('GET', `/reviews/${review.id}`);
			assert.equal(stored.companyReply?.text, message);
			const sentForReply = await trustpilotRequestsSince(since);
			const replies = sentForReply.filter(
				(entry) => entry.method === 'POST' && entry.path.endsWith(`/reviews/${review.id}/reply`),
			);
			assert.equal(replies.length, 1, 'exactly one reply request');
			measured.reply = {
				requests: sentForReply.map((entry) => `${entry.method} ${entry.path}`),
				ms: call.ms,
			};
		} finally {
			await client.close();
		}
	});

	test(
		'06 AI Agent: n8n builds the Trustpilot tools and runs the one the model picks, with its arguments',
		{ timeout: 180000 },
		async () => {
			const workflow = demoWorkflow(6);
			const chat = webhookEndpoints(ctx.stack, workflow).find((endpoint) =>
				endpoint.nodeType.endsWith('.chatTrigger'),
			);
			assert.ok(chat, '06 has no Chat Trigger');
			await fetch(`${ctx.stack.scriptedModel.origin}/__scripted/requests`, { method: 'DELETE' });
			const known = new Set((await executionsOf(workflow.id)).map((execution) => execution.id));
			const started = Date.now();
			const response = await fetch(chat.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					action: 'sendMessage',
					sessionId: 'e2e-agent',
					chatInput:
						'Show the latest bad reviews: get_reviews {"limit": 2, "stars": "1", "language": ""}',
				}),
			});
			const replyText = await response.text();
			measured.agent = { ms: Date.now() - started };
			assert.equal(response.status, 200, replyText);
			const [execution] = await newFinishedExecutions(workflow.id, known);
			assert.equal(execution.status, 'success', JSON.stringify(execution.data?.resultData?.error));

			const output = JSON.parse(replyText).output;
			assert.match(output, /^Tool get_reviews answered: /);
			const toolResult = JSON.parse(output.replace(/^Tool get_reviews answered: /, ''));
			const items = Array.isArray(toolResult) ? toolResult : JSON.parse(toolResult);
			const expected = await emulatorReviews({
				stars: '1',
				perPage: '2',
				orderBy: 'createdat.desc',
			});
			assert.deepEqual(
				items.map((item) => item.id),
				expected.map((review) => review.id),
			);

			const modelRequests = await (
				await fetch(`${ctx.stack.scriptedModel.origin}/__scripted/requests`)
			).json();
			for (const request of modelRequests) received.push(`model: ${request.raw}`);
			const chats = modelRequests.filter((request) => request.path.endsWith('/chat/completions'));
			assert.equal(chats.length, 2, 'one request choosing the tool, one after its result');
			process.stdout.write(
				`# Tools the model was offered by the AI Agent:\n${chats[0].body.tools
					.map(
						(tool) =>
							`#   ${tool.function.name}(${Object.entries(
								tool.function.parameters?.properties ?? {},
							)
								.map(([key, schema]) => `${key}: ${schema.type}`)
								.join(', ')}) — ${tool.function.description}`,
					)
					.join('\n')}\n`,
			);
			const offered = chats[0].body.tools.map((tool) => tool.function.name).sort();
			assert.deepEqual(offered, [...READ_TOOLS, 'reply_to_review'].sort());
			const getReviews = chats[0].body.tools.find((tool) => tool.function.name === 'get_reviews');
			assert.match(getReviews.function.description, /newest first/);
			assert.deepEqual(Object.keys(getReviews.function.parameters.properties).sort(), [
				'language',
				'limit',
				'stars',
			]);
			assert.ok(
				chats[1].body.messages.some((message) => message.role === 'tool'),
				'the tool result went back to the model',
			);
		},
	);

	test('AI: no Trustpilot secret reached an MCP client or the model endpoint', async () => {
		assert.ok(received.length > 5, `only ${received.length} responses recorded`);
		const secrets = await trustpilotSecrets();
		assert.ok(secrets.length >= 3, 'API key, secret and at least one access token to look for');
		const everything = received.join('\n');
		for (const secret of secrets)
			assert.ok(!everything.includes(secret), `a secret (${secret.slice(0, 4)}…) was exposed`);
		process.stdout.write(
			`# AI tool call cost: get_reviews via MCP ${JSON.stringify(measured.getReviews)}, reply ${JSON.stringify(measured.reply)}, agent round trip ${JSON.stringify(measured.agent)}\n`,
		);
	});
}
