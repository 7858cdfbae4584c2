'use strict';
// Loopback HTTP receiver that hands each request to a test handler in the shape n8n's webhook
// server gives a trigger node (TypeScript tests may not use node:http under the n8n lint rules).
// Body parsing follows n8n's body parser: JSON bodies are parsed (a broken one is answered 422
// before any node runs, as n8n does), text/plain stays a string, anything else is {} with the
// raw bytes in `rawBody`.
const http = require('node:http');

const { listenOnLoopback } = require('./loopbackServer.cjs');

function contentTypeOf(req) {
	return String(req.headers['content-type'] ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
}

function parseBody(contentType, raw) {
	if (raw.length === 0) return { ok: true, body: {} };
	const text = raw.toString('utf8');
	if (contentType === 'application/json') {
		try {
			return { ok: true, body: JSON.parse(text) };
		} catch (error) {
			return { ok: false, message: error.message };
		}
	}
	if (contentType === 'text/plain') return { ok: true, body: text };
	return { ok: true, body: {} };
}

/** The subset of Express's Response that n8n's webhook context and trigger nodes use. */
function responseAdapter(res) {
	const adapter = {
		get headersSent() {
			return res.headersSent;
		},
		get statusCode() {
			return res.statusCode;
		},
		status(code) {
			res.statusCode = code;
			return adapter;
		},
		setHeader(name, value) {
			res.setHeader(name, value);
			return adapter;
		},
		json(body) {
			const text = JSON.stringify(body);
			res.setHeader('content-type', 'application/json; charset=utf-8');
			res.end(text);
			return adapter;
		},
		send(body) {
			if (body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body))
				return adapter.json(body);
			res.end(body === undefined ? undefined : String(body));
			return adapter;
		},
		end(body) {
			res.end(body);
			return adapter;
		},
	};
	return adapter;
}

/**
 * @param {(req: object, res: object) => Promise<void>} handler
 */
function startWebhookServer(handler) {
	const requests = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url, 'http://127.0.0.1');
			const query = {};
			for (const key of new Set(url.searchParams.keys())) {
				const values = url.searchParams.getAll(key);
				query[key] = values.length > 1 ? values : values[0];
			}
			const rawBody = Buffer.concat(chunks);
			const contentType = contentTypeOf(req);
			requests.push({
				method: req.method,
				path: url.pathname,
				headers: { ...req.headers },
				body: rawBody.toString('utf8'),
			});
			const parsed = parseBody(contentType, rawBody);
			if (!parsed.ok) {
				res.writeHead(422, { 'content-type': 'application/json; charset=utf-8' });
				res.end(
					JSON.stringify({
						code: 422,
						message: 'Failed to parse request body',
						hint: parsed.message,
					}),
				);
				return;
			}
			const request = {
				method: req.method,
				url: req.url,
				path: url.pathname,
				headers: { ...req.headers },
				query,
				params: {},
				body: parsed.body,
				rawBody,
				contentType,
			};
			Promise.resolve()
				.then(() => handler(request, responseAdapter(res)))
				.catch((error) => {
					// What n8n does when a webhook function throws: 500 with the message.
					if (!res.headersSent) {
						res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
						res.end(JSON.stringify({ code: 500, message: String(error && error.message) }));
					}
				})
				.finally(() => {
					if (!res.writableEnded) res.end();
				});
		});
	});
	return listenOnLoopback(server, { requests });
}

module.exports = { startWebhookServer };
