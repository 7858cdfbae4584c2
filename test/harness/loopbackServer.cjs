'use strict';
// One way for the harness's small HTTP servers to listen: a free port on 127.0.0.1, and a close that
// also drops kept-alive sockets (otherwise server.close waits for the client's idle timeout).

/**
 * Listens on a free loopback port; resolves with `url`, `port`, `close()` and the given fields.
 * @param {import('node:http').Server} server
 * @param {Record<string, unknown>} fields
 */
function listenOnLoopback(server, fields) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}`,
				port,
				...fields,
				close: () =>
					new Promise((done) => {
						server.close(() => done());
						server.closeAllConnections();
					}),
			});
		});
	});
}

module.exports = { listenOnLoopback };
