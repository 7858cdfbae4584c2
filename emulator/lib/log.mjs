// Request log (bounded ring buffer) and counters for the admin API.

const DEFAULT_CAPACITY = 50000;

export function createRequestLog(capacity = DEFAULT_CAPACITY) {
	let entries = [];
	let start = 0; // index of the oldest entry once the buffer has wrapped
	let seq = 0;
	const ordered = () =>
		start === 0 ? entries : [...entries.slice(start), ...entries.slice(0, start)];
	return {
		nextSeq: () => (seq += 1),
		add(entry) {
			if (entries.length < capacity) entries.push(entry);
			else {
				entries[start] = entry;
				start = (start + 1) % capacity;
			}
		},
		query({ host, method, pathPrefix, since } = {}) {
			const sinceSeq = since === undefined || since === '' ? 0 : Number(since);
			return ordered().filter(
				(entry) =>
					(!host || entry.host === host) &&
					(!method || entry.method === String(method).toUpperCase()) &&
					(!pathPrefix || entry.path.startsWith(pathPrefix)) &&
					entry.seq > sinceSeq,
			);
		},
		clear() {
			entries = [];
			start = 0;
		},
	};
}

export function createMetrics() {
	let data;
	const reset = () => {
		data = {
			byRoute: {},
			byStatus: {},
			tokenRequests: {
				total: 0,
				issued: 0,
				rejected: 0,
				rateLimited: 0,
				byGrant: { client_credentials: 0, password: 0, refresh_token: 0, authorization_code: 0 },
			},
			tokensIssued: 0,
			requestsByToken: {},
		};
	};
	reset();
	return {
		reset,
		snapshot: () => JSON.parse(JSON.stringify(data)),
		request(routeKey, status) {
			data.byRoute[routeKey] = (data.byRoute[routeKey] ?? 0) + 1;
			data.byStatus[String(status)] = (data.byStatus[String(status)] ?? 0) + 1;
		},
		tokenUse(accessToken) {
			const key = accessToken.slice(0, 12);
			data.requestsByToken[key] = (data.requestsByToken[key] ?? 0) + 1;
		},
		tokenRequest: () => {
			data.tokenRequests.total += 1;
		},
		tokenIssued(grant) {
			data.tokenRequests.issued += 1;
			data.tokenRequests.byGrant[grant] = (data.tokenRequests.byGrant[grant] ?? 0) + 1;
			data.tokensIssued += 1;
		},
		tokenRejected: () => {
			data.tokenRequests.rejected += 1;
		},
		tokenRateLimited: () => {
			data.tokenRequests.rateLimited += 1;
		},
	};
}
