// Product Review › Get Many, Get, summaries and imported reviews against the emulator: what each
// operation sends (method, host, path, query, body, auth headers), the items it produces, page
// costs and error paths.
import type { IDataObject } from 'n8n-workflow';

import { addScarfReviews, byId, run, SCARF, useProductReviewEmulator } from './support';

const env = useProductReviewEmulator();

async function productLink(sku: string): Promise<string> {
	const product = (await env.emulator.client.state()).products.find((entry) => entry.sku === sku);
	return String(product?.link);
}

describe('Summaries and imported reviews', () => {
	beforeEach(async () => {
		await addScarfReviews(env, { count: 3, stars: 5 });
		await addScarfReviews(env, { count: 1, stars: 2 });
		await addScarfReviews(env, { count: 2, stars: 1, state: 'archived' });
	});

	test('Get Summary by SKU counts the published reviews (public, API key)', async () => {
		const result = await run(
			env,
			'getSummary',
			{ businessUnit: byId(env.buId), productBy: 'sku', sku: SCARF },
			{ credential: env.apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'GET',
			path: `/v1/product-reviews/business-units/${env.buId}`,
			query: { sku: SCARF },
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].numberOfReviews).toMatchObject({
			total: 4,
			fiveStars: 3,
			twoStars: 1,
			oneStar: 0,
		});
	});

	test('Get Summary by product URL', async () => {
		const url = await productLink(SCARF);
		const result = await run(
			env,
			'getSummary',
			{ businessUnit: byId(env.buId), productBy: 'productUrl', productUrl: url },
			{ credential: env.apiKeyOnly },
		);
		expect(result.requests[0].query).toEqual({ productUrl: url });
		expect((result.items[0].numberOfReviews as IDataObject).total).toBe(4);
	});
});
