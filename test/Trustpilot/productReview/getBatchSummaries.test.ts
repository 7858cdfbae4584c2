// Product Review › Get Batch Summaries: the SKU list POSTed, one item per SKU, a 503 retried (it is a read).

import {
	byId,
	run,
	SCARF,
	useProductReviewEmulator,
	seedSummaryReviews,
	publicApi,
} from './support';

const env = useProductReviewEmulator();

describe('Summaries and imported reviews', () => {
	seedSummaryReviews(env);

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
		const summary = await publicApi(
			env,
			`/product-reviews/business-units/${env.buId}?sku=TEE-BLK-M`,
		);
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

	test('by domain, an empty SKU list fails before the business unit is looked up: nothing is sent', async () => {
		const result = await run(
			env,
			'getBatchSummaries',
			{
				businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
				skus: ' , ',
			},
			{ credential: env.apiKeyOnly },
		);
		expect(result.error?.message).toBe('SKUs: is required and was empty');
		expect(result.allRequests).toHaveLength(0);
	});
});
