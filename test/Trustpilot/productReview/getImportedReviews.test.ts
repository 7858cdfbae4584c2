// Product Review › Get Imported Reviews: every page of a SKU, the stars filter sent comma-separated.
import type { IDataObject } from 'n8n-workflow';

import { byId, run, useProductReviewEmulator, seedSummaryReviews, publicApi } from './support';

const env = useProductReviewEmulator();

describe('Summaries and imported reviews', () => {
	seedSummaryReviews(env);

	test('Get Imported Reviews: every page of a SKU, stars filter sent comma-separated', async () => {
		const sku = env.info.importedReviewSkus[0];
		const expected = (
			await publicApi(
				env,
				`/product-reviews/business-units/${env.buId}/imported-reviews?sku=${sku}&perPage=100`,
			)
		).productReviews as IDataObject[];
		const all = await run(
			env,
			'getImportedReviews',
			{ businessUnit: byId(env.buId), sku, returnAll: true },
			{ credential: env.apiKeyOnly },
		);
		expect(all.error).toBeUndefined();
		expect(all.requests).toHaveLength(Math.ceil(expected.length / 100));
		expect(all.requests[0]).toMatchObject({
			path: `/v1/product-reviews/business-units/${env.buId}/imported-reviews`,
			query: { sku, perPage: '100', page: '1' },
		});
		expect(all.items).toEqual(expected);

		const low = await run(
			env,
			'getImportedReviews',
			{ businessUnit: byId(env.buId), sku, returnAll: true, filters: { stars: [2, 1] } },
			{ credential: env.apiKeyOnly },
		);
		expect(low.requests[0].query).toMatchObject({ stars: '1,2' });
		expect(low.items.map((item) => item.id)).toEqual(
			expected.filter((review) => Number(review.stars) <= 2).map((review) => review.id),
		);
	});

	test('by domain, a missing SKU or a bad Limit fails before the business unit is looked up', async () => {
		for (const parameters of [
			{ sku: '={{ " " }}' },
			{ sku: 'TEE-1', returnAll: false, limit: 'many' },
		]) {
			const result = await run(
				env,
				'getImportedReviews',
				{
					businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
					...parameters,
				},
				{ credential: env.apiKeyOnly },
			);
			expect(result.error).toBeDefined();
			expect(result.allRequests).toHaveLength(0);
		}
	});
});
