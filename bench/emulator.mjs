// The emulator for the benchmark: its own child process (so its CPU time is not the node's),
// started through the same bridge the jest harness uses, plus the admin calls the bench needs.
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../test/harness/emulator.cjs');

export async function startBenchEmulator() {
	const handle = await startEmulator({ args: ['--quiet'] });
	// A fresh connection per admin call: a kept-alive socket may be closed by the emulator while
	// the benchmark is busy elsewhere, and a POST on it would fail.
	const admin = (method, path, body) =>
		new Promise((resolve, reject) => {
			const payload = body === undefined ? undefined : JSON.stringify(body);
			const request = http.request(
				`${handle.adminUrl}${path}`,
				{ method, agent: false, headers: payload ? { 'content-type': 'application/json' } : {} },
				(response) => {
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						if (response.statusCode >= 400)
							reject(
								new Error(
									`admin ${method} ${path} → ${response.statusCode}: ${text.slice(0, 300)}`,
								),
							);
						else resolve(text ? JSON.parse(text) : undefined);
					});
				},
			);
			request.on('error', reject);
			request.end(payload);
		});
	return {
		handle,
		admin,
		info: () => admin('GET', '/info'),
		counters: () => admin('GET', '/counters'),
		reset: (body = {}) => admin('POST', '/reset', body),
		config: (partial) => admin('POST', '/config', partial),
		clearRequests: () => admin('DELETE', '/requests'),
		/** Adds `count` reviews to a unit in chunks (the admin API takes at most 200,000 at once). */
		/** `since` (epoch ms): stamp them 1 ms apart from there, as reviews that already exist. */
		async addReviews(businessUnitId, count, since) {
			for (let left = count; left > 0; left -= 200000) {
				const batch = Math.min(left, 200000);
				const body = { businessUnitId, count: batch };
				if (since !== undefined) body.since = since + (count - left);
				await admin('POST', '/reviews', body);
			}
		},
		stop: () => handle.stop(),
	};
}

/** Sums a counters snapshot's requests on routes matching `pattern`. */
export function routeCount(counters, pattern) {
	return Object.entries(counters.byRoute)
		.filter(([route]) => pattern.test(route))
		.reduce((sum, [, count]) => sum + count, 0);
}
