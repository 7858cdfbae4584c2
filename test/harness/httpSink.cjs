'use strict';
// Tiny HTTP receiver for tests (TypeScript tests may not use node:http under the n8n lint rules).
const http = require('node:http');

const { listenOnLoopback } = require('./loopbackServer.cjs');

/**
 * Starts a loopback server that records every request and answers with a fixed reply.
 * @param {{ status?: number, body?: string, contentType?: string }} [reply]
 */
function startHttpSink(reply = {}) {
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				method: req.method,
				path: req.url,
				headers: { ...req.headers },
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const body = reply.body ?? 'ok';
			res.writeHead(reply.status ?? 200, {
				'content-type': reply.contentType ?? 'text/plain; charset=utf-8',
				'content-length': Buffer.byteLength(body),
			});
			res.end(body);
		});
	});
	return listenOnLoopback(server, { received });
}

module.exports = { startHttpSink };
