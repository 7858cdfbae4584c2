// Product Review › Get Many, Get, summaries and imported reviews against the emulator: what each
// operation sends (method, host, path, query, body, auth headers), the items it produces, page
// costs and error paths.

import { callApi, type JsonObject } from '../../harness/emulatorClient';
import { addScarfReviews, byId, run, SCARF, useProductReviewEmulator } from './support';

const env = useProductReviewEmulator();

async function publicApi(path: string): Promise<JsonObject> {
	const response = await callApi(`${env.emulator.handle.apiUrl}${path}`, {
		headers: { apikey: env.info.account.apiKey },
	});
	expect(response.status).toBe(200);
	return response.json;
}

describe('Summaries and imported reviews', () => {
	beforeEach(async () => {
		await addScarfReviews(env, { count: 3, stars: 5 });
		await addScarfReviews(env, { count: 1, stars: 2 });
		await addScarfReviews(env, { count: 2, stars: 1, state: 'archived' });
	});

	test('Get Batch Summaries POSTs the SKU list and returns one item per SKU', async () => {
		const result = await run(
			env,
			'getBatchSummaries',
			{ businessUnit: byId(env.buId), skus: `${SCARF}, TEE-BLK-M,${SCARF}` },
			{ credential: env.apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		const [request] = result.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/product-reviews/business-units/${env.buId}/batch-summaries`,
		});
		expect(request.body).toEqual({ skus: [SCARF, 'TEE-BLK-M'] });
		expect(String(request.headers['content-type'])).toContain('application/json');
		const summary = await publicApi(`/product-reviews/business-units/${env.buId}?sku=TEE-BLK-M`);
		expect(result.items.map((item) => item.sku)).toEqual([SCARF, 'TEE-BLK-M']);
		expect(result.items[1].numberOfReviews).toEqual(summary.numberOfReviews);
	});

	test('Get Batch Summaries is a read, so a 503 is retried', async () => {
		await env.emulator.client.addFault({
			match: { method: 'POST', pathRegex: '/batch-summaries$' },
			action: { status: 503, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const result = await run(
			env,
			'getBatchSummaries',
			{ businessUnit: byId(env.buId), skus: SCARF },
			{ credential: env.apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.items).toHaveLength(1);
	});
});
