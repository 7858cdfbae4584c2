import { useEmulator } from '../harness/fixtures';
import { callApi, requestToken } from '../harness/emulatorClient';

const env = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });

const headers = () => ({ apikey: env.info.account.apiKey });
const unitUrl = () => `${env.handle.apiUrl}/business-units/${env.info.mainBusinessUnit.id}`;
const UNIT_ROUTE = '/v1/business-units/{businessUnitId}';

async function status(url: string, init: RequestInit = {}): Promise<number | 'reset'> {
	try {
		return (await callApi(url, { headers: headers(), ...init })).status;
	} catch {
		return 'reset';
	}
}

describe('fault injection', () => {
	it('returns a given status, body and headers once by default, before auth runs', async () => {
		await env.client.addFault({
			match: { route: UNIT_ROUTE, method: 'GET' },
			action: {
				status: 503,
				body: { errors: [{ status: 503, title: 'Down' }] },
				headers: { 'retry-after': '2' },
			},
		});
		const faulted = await callApi(unitUrl());
		expect(faulted.status).toBe(503);
		expect(faulted.json).toEqual({ errors: [{ status: 503, title: 'Down' }] });
		expect(faulted.headers.get('retry-after')).toBe('2');
		expect(await status(unitUrl())).toBe(200);
		const [fault] = await env.client.faults();
		expect(fault).toMatchObject({ hits: 1, times: 1 });
	});

	it('with headers alone, answers normally with those headers set (a proxy on the way)', async () => {
		await env.client.addFault({
			match: { route: UNIT_ROUTE, method: 'GET' },
			action: { headers: { date: 'Thu, 01 Jan 1970 00:00:00 GMT' } },
		});
		const faulted = await callApi(unitUrl(), { headers: headers() });
		expect(faulted.status).toBe(200);
		expect((faulted.json as { id: string }).id).toBe(env.info.mainBusinessUnit.id);
		expect(faulted.headers.get('date')).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
		const normal = await callApi(unitUrl(), { headers: headers() });
		expect(normal.headers.get('date')).not.toBe('Thu, 01 Jan 1970 00:00:00 GMT');
	});

	it('serves a CloudFront-style HTML page', async () => {
		await env.client.addFault({
			match: { pathPrefix: '/v1/business-units/' },
			action: { status: 403, html: true },
		});
		const response = await callApi(unitUrl(), { headers: headers() });
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toBe('text/html');
		expect(response.text).toMatch(/cloudfront/i);
	});

	it('truncates JSON bodies with a 200', async () => {
		await env.client.addFault({ match: { route: UNIT_ROUTE }, action: { truncateJson: true } });
		const response = await callApi(unitUrl(), { headers: headers() });
		expect(response.status).toBe(200);
		expect(response.json).toBeUndefined();
		expect(() => JSON.parse(response.text)).toThrow();
		expect(response.text.length).toBeGreaterThan(10);
	});

	it('drops the connection without a response', async () => {
		await env.client.addFault({
			match: { pathRegex: '^/v1/business-units/[0-9a-f]{24}$' },
			action: { reset: true },
		});
		expect(await status(unitUrl())).toBe('reset');
		const [entry] = await env.client.requests();
		expect(entry.status).toBeNull();
		expect((await env.client.counters()).byStatus.reset).toBe(1);
	});

	it('adds latency and then answers normally', async () => {
		await env.client.addFault({ match: { route: UNIT_ROUTE }, action: { latencyMs: 300 } });
		const started = Date.now();
		expect(await status(unitUrl())).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('runs the real handler first with afterProcess, so the write happens but the caller sees a failure', async () => {
		const tokenResponse = await requestToken(
			env.handle.apiUrl,
			{
				grant_type: 'password',
				username: env.info.account.businessUser.email,
				password: env.info.account.businessUser.password,
			},
			env.info.account,
		);
		const url = `${env.handle.invitationsUrl}/private/business-units/${env.info.mainBusinessUnit.id}/email-invitations`;
		await env.client.addFault({
			match: { host: 'invitations', method: 'POST' },
			action: { status: 504, afterProcess: true },
		});
		await env.client.addFault({
			match: { host: 'invitations', method: 'POST' },
			action: { reset: true, afterProcess: true },
		});
		const init = {
			method: 'POST',
			headers: {
				...headers(),
				authorization: `Bearer ${tokenResponse.json.access_token}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				consumerEmail: 'a@b.co',
				consumerName: 'A',
				referenceNumber: 'R',
				serviceReviewInvitation: {},
			}),
		};
		expect(await status(url, init)).toBe(504);
		expect(await status(url, init)).toBe('reset');
		expect(await status(url, init)).toBe(202);
		expect((await env.client.state()).emailInvitations).toHaveLength(3);
	});

	it('honours skip, times and unlimited times', async () => {
		await env.client.addFault({
			match: { route: UNIT_ROUTE },
			action: { status: 500 },
			skip: 2,
			times: 2,
		});
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push(await status(unitUrl()));
		expect(statuses).toEqual([200, 200, 500, 500, 200, 200]);
		await env.client.clearFaults();
		await env.client.addFault({ match: { route: UNIT_ROUTE }, action: { status: 502 }, times: 0 });
		for (let i = 0; i < 4; i++) expect(await status(unitUrl())).toBe(502);
	});

	it('fires with the given probability', async () => {
		await env.client.addFault({
			match: { route: UNIT_ROUTE },
			action: { status: 500 },
			times: 0,
			probability: 0.5,
		});
		let failures = 0;
		for (let i = 0; i < 60; i++) if ((await status(unitUrl())) === 500) failures++;
		expect(failures).toBeGreaterThan(10);
		expect(failures).toBeLessThan(50);
		const [fault] = await env.client.faults();
		expect(fault.hits).toBe(failures);
		expect(fault.seen).toBe(60);
	});

	it('matches by host and method, and can be removed by id', async () => {
		const id = await env.client.addFault({
			match: { host: 'invitations' },
			action: { status: 500 },
			times: 0,
		});
		expect(await status(unitUrl())).toBe(200);
		await env.client.removeFault(id);
		expect(await env.client.faults()).toEqual([]);
		await env.client.addFault({ match: { method: 'POST' }, action: { status: 500 } });
		expect(await status(unitUrl())).toBe(200);
		const invalid = await callApi(`${env.handle.adminUrl}/faults`, {
			method: 'POST',
			body: JSON.stringify({ action: {} }),
		});
		expect(invalid.status).toBe(400);
	});
});

describe('request log and counters', () => {
	it('records each request with route template, parsed query, headers, body and status', async () => {
		await callApi(`${unitUrl()}/reviews?stars=5&language=en&language=da&perPage=3`, {
			headers: { ...headers(), 'X-Trace': 'abc' },
		});
		await requestToken(env.handle.apiUrl, { grant_type: 'client_credentials' }, env.info.account);
		await callApi(`${env.handle.apiUrl}/nowhere`);
		await env.client.info();
		const log = await env.client.requests();
		expect(log).toHaveLength(3);
		const [reviews, tokenCall, unknown] = log;
		expect(reviews).toMatchObject({
			host: 'api',
			method: 'GET',
			path: `/v1/business-units/${env.info.mainBusinessUnit.id}/reviews`,
			route: 'GET /v1/business-units/{businessUnitId}/reviews',
			query: { stars: '5', language: ['en', 'da'], perPage: '3' },
			status: 200,
			faultId: null,
			body: null,
		});
		expect(reviews.headers['x-trace']).toBe('abc');
		expect(reviews.headers.apikey).toBe(env.info.account.apiKey);
		expect(typeof reviews.durationMs).toBe('number');
		expect(Date.parse(reviews.at)).not.toBeNaN();
		expect(tokenCall.body).toEqual({ grant_type: 'client_credentials' });
		expect(unknown).toMatchObject({ route: null, status: 404 });
		expect(reviews.seq).toBeLessThan(tokenCall.seq);

		const filtered = await env.client.requests({ pathPrefix: '/v1/oauth', method: 'post' });
		expect(filtered.map((entry) => entry.seq)).toEqual([tokenCall.seq]);
		expect(await env.client.requests({ since: tokenCall.seq })).toEqual([unknown]);
		expect(await env.client.requests({ host: 'invitations' })).toEqual([]);

		const counters = await env.client.counters();
		expect(counters.byRoute['GET /v1/business-units/{businessUnitId}/reviews']).toBe(1);
		expect(
			counters.byRoute['POST /v1/oauth/oauth-business-users-for-applications/accesstoken'],
		).toBe(1);
		expect(counters.byStatus).toEqual({ '200': 2, '404': 1 });

		await env.client.clearRequests();
		expect(await env.client.requests()).toEqual([]);
	});

	it('tags faulted requests with the fault id and can stop logging bodies', async () => {
		const id = await env.client.addFault({ match: { route: UNIT_ROUTE }, action: { status: 500 } });
		await callApi(unitUrl(), { headers: headers() });
		await env.client.config({ logBodies: false });
		await requestToken(env.handle.apiUrl, { grant_type: 'client_credentials' }, env.info.account);
		const [faulted, tokenCall] = await env.client.requests();
		expect(faulted).toMatchObject({ faultId: id, status: 500, route: `GET ${UNIT_ROUTE}` });
		expect(tokenCall.body).toBeNull();
	});

	it('applies an optional general rate limit per API key', async () => {
		await env.client.config({ rateLimit: { max: 3, windowSeconds: 60 } });
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push(await status(unitUrl()));
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const limited = await callApi(unitUrl(), { headers: headers() });
		expect(limited.json).toMatchObject({
			fault: { detail: { errorcode: 'policies.ratelimit.QuotaViolation' } },
		});
		await env.client.config({ rateLimit: null });
		expect(await status(unitUrl())).toBe(200);
	});
});
