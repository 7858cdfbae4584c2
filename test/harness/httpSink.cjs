'use strict';
// Tiny HTTP receiver for tests (TypeScript tests may not use node:http under the n8n lint rules).
const http = require('node:http');

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
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}`,
				port,
				received,
				close: () =>
					new Promise((done) => {
						server.close(() => done());
						server.closeAllConnections();
					}),
			});
		});
	});
}

module.exports = { startHttpSink };
