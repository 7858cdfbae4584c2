// Product Review › Get Summaries: every reviewed SKU with perPage 1000; a limit asks for less.

import { byId, run, SCARF, useProductReviewEmulator, seedSummaryReviews } from './support';

const env = useProductReviewEmulator();

describe('Summaries and imported reviews', () => {
	seedSummaryReviews(env);

	test('Get Summaries (private): every reviewed SKU, perPage 1000; a limit asks for less', async () => {
		const all = await run(env, 'getSummaries', { businessUnit: byId(env.buId), returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.requests).toHaveLength(1);
		expect(all.requests[0]).toMatchObject({
			path: `/v1/private/product-reviews/business-units/${env.buId}/summaries`,
			query: { perPage: '1000', page: '1' },
		});
		expect(all.items.map((item) => item.sku)).toEqual([...env.info.skus].sort());
		expect(all.items.find((item) => item.sku === SCARF)?.numberOfReviews).toMatchObject({
			total: 4,
		});

		const limited = await run(env, 'getSummaries', { businessUnit: byId(env.buId), limit: 3 });
		expect(limited.requests[0].query).toEqual({ perPage: '3', page: '1' });
		expect(limited.items).toEqual(all.items.slice(0, 3));
	});

	test('by domain, a bad Limit fails before the business unit is looked up: nothing is sent', async () => {
		const result = await run(env, 'getSummaries', {
			businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
			returnAll: false,
			limit: -1,
		});
		expect(result.error?.message).toMatch(/^Limit: must be a whole number at least 1/);
		expect(result.allRequests).toHaveLength(0);
	});
});
