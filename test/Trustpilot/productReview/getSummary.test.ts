// Product Review › Get Summary: the published reviews of a SKU counted (API key), or of a product URL.
import type { IDataObject } from 'n8n-workflow';

import {
	byId,
	run,
	SCARF,
	useProductReviewEmulator,
	productLink,
	seedSummaryReviews,
} from './support';

const env = useProductReviewEmulator();

describe('Summaries and imported reviews', () => {
	seedSummaryReviews(env);

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
		const url = await productLink(env, SCARF);
		const result = await run(
			env,
			'getSummary',
			{ businessUnit: byId(env.buId), productBy: 'productUrl', productUrl: url },
			{ credential: env.apiKeyOnly },
		);
		expect(result.requests[0].query).toEqual({ productUrl: url });
		expect((result.items[0].numberOfReviews as IDataObject).total).toBe(4);
	});

	test('by domain, a bad Product URL fails before the business unit is looked up: nothing is sent', async () => {
		const result = await run(
			env,
			'getSummary',
			{
				businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
				productBy: 'productUrl',
				productUrl: 'not a url',
			},
			{ credential: env.apiKeyOnly },
		);
		expect(result.error?.message).toMatch(/^Product URL: "not a url" is not a web address/);
		expect(result.allRequests).toHaveLength(0);
	});

	test('Product By from an expression in another case reads the product URL; a value that is no choice is refused', async () => {
		const url = await productLink(env, SCARF);
		const result = await run(
			env,
			'getSummary',
			{ businessUnit: byId(env.buId), productBy: '={{ "ProductURL" }}', productUrl: url, sku: 'X' },
			{ credential: env.apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests[0].query).toEqual({ productUrl: url });
		const bad = await run(
			env,
			'getSummary',
			{ businessUnit: byId(env.buId), productBy: '={{ "gtin" }}', sku: SCARF, productUrl: 'x' },
			{ credential: env.apiKeyOnly },
		);
		expect(bad.error?.message).toBe('Product By: "gtin" is not one of sku, productUrl');
		expect(bad.allRequests).toHaveLength(0);
	});
});
