// A stand-in for an OpenAI-compatible chat model, served on 127.0.0.1, for the AI Agent demo
// workflow and the e2e suite. It is NOT a language model: it answers by a fixed script, so a test
// can decide exactly which tool the agent calls and with which arguments.
//
// Script (per chat request to POST /v1/chat/completions):
//   1. The last message is a tool result → reply with text: "Tool <name> answered: <result>".
//   2. The last user message names one of the offered tools, optionally followed by a JSON object
//      ("get_reviews {"limit": 3}") → answer with a tool call of that tool with those arguments.
//   3. Otherwise → reply with text listing the tools it was offered.
// Every request is recorded (method, path, headers, body) for the test: GET /__scripted/requests;
// DELETE /__scripted/requests clears the record.
import http from 'node:http';

export const SCRIPTED_MODEL_NAME = 'scripted-tool-caller';

function lastUserText(messages) {
	for (let index = messages.length - 1; index >= 0; index--) {
		const message = messages[index];
		if (message.role !== 'user') continue;
		if (typeof message.content === 'string') return message.content;
		if (Array.isArray(message.content))
			return message.content.map((part) => part.text ?? '').join(' ');
	}
	return '';
}

/** The JSON object that follows the tool name in the user's text, or {}. */
function argumentsAfter(text, toolName) {
	const rest = text.slice(text.indexOf(toolName) + toolName.length);
	const start = rest.indexOf('{');
	const end = rest.lastIndexOf('}');
	if (start === -1 || end < start) return {};
	try {
		return JSON.parse(rest.slice(start, end + 1));
	} catch {
		return {};
	}
}

function toolNameOf(tool) {
	return tool?.function?.name ?? tool?.name;
}

/** What the script answers to one chat request: `{ text }` or `{ toolCall: { name, arguments } }`. */
export function scriptedTurn(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const tools = Array.isArray(body.tools) ? body.tools : [];
	const last = messages[messages.length - 1];
	if (last?.role === 'tool') {
		const call = messages
			.flatMap((message) => message.tool_calls ?? [])
			.find((candidate) => candidate.id === last.tool_call_id);
		const content = typeof last.content === 'string' ? last.content : JSON.stringify(last.content);
		return { text: `Tool ${call?.function?.name ?? '?'} answered: ${content}` };
	}
	const text = lastUserText(messages);
	// Longest name first, so "get_review" does not win over "get_reviews".
	const names = tools
		.map(toolNameOf)
		.filter(Boolean)
		.sort((a, b) => b.length - a.length);
	const named = names.find((name) => text.includes(name));
	if (named) return { toolCall: { name: named, arguments: argumentsAfter(text, named) } };
	return {
		text: `I am a scripted stand-in, not a model. Name a tool and its arguments, e.g. "${names.at(-1) ?? 'tool'} {}". Tools offered: ${names.join(', ') || 'none'}.`,
	};
}

let sequence = 0;

function completion(body, turn) {
	const id = `chatcmpl-scripted-${++sequence}`;
	const message = turn.toolCall
		? {
				role: 'assistant',
				content: null,
				tool_calls: [
					{
						id: `call_scripted_${sequence}`,
						type: 'function',
						function: {
							name: turn.toolCall.name,
							arguments: JSON.stringify(turn.toolCall.arguments),
						},
					},
				],
			}
		: { role: 'assistant', content: turn.text };
	return {
		id,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model ?? SCRIPTED_MODEL_NAME,
		choices: [
			{ index: 0, message, finish_reason: turn.toolCall ? 'tool_calls' : 'stop', logprobs: null },
		],
		usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
	};
}

/** The same answer as server-sent chunks, for clients that ask with `stream: true`. */
function streamChunks(full) {
	const choice = full.choices[0];
	const base = {
		id: full.id,
		object: 'chat.completion.chunk',
		created: full.created,
		model: full.model,
	};
	const delta = choice.message.tool_calls
		? {
				role: 'assistant',
				tool_calls: choice.message.tool_calls.map((call, index) => ({ index, ...call })),
			}
		: { role: 'assistant', content: choice.message.content };
	return [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason }] },
	];
}

function readBody(request) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function sendJson(response, status, value) {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(value));
}

export async function startScriptedModel({ port = 0 } = {}) {
	const requests = [];
	const server = http.createServer(async (request, response) => {
		const url = new URL(request.url, 'http://127.0.0.1');
		const raw = await readBody(request);
		if (url.pathname === '/__scripted/requests') {
			if (request.method === 'DELETE') requests.length = 0;
			return sendJson(response, 200, requests);
		}
		let body = {};
		try {
			body = raw ? JSON.parse(raw) : {};
		} catch {
			return sendJson(response, 400, { error: { message: 'Body is not JSON' } });
		}
		requests.push({
			method: request.method,
			path: url.pathname,
			headers: request.headers,
			raw,
			body,
		});
		if (request.method === 'GET' && url.pathname.endsWith('/models')) {
			return sendJson(response, 200, {
				object: 'list',
				data: [{ id: SCRIPTED_MODEL_NAME, object: 'model', owned_by: 'local-script' }],
			});
		}
		if (request.method === 'POST' && url.pathname.endsWith('/chat/completions')) {
			const full = completion(body, scriptedTurn(body));
			if (!body.stream) return sendJson(response, 200, full);
			response.writeHead(200, { 'content-type': 'text/event-stream' });
			for (const chunk of streamChunks(full)) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
			response.end('data: [DONE]\n\n');
			return;
		}
		sendJson(response, 404, {
			error: {
				message: `The scripted model serves only /v1/chat/completions, not ${url.pathname}`,
			},
		});
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${server.address().port}`;
	return {
		origin,
		baseUrl: `${origin}/v1`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
