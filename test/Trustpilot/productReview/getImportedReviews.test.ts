// Product Review › Get Many, Get, summaries and imported reviews against the emulator: what each
// operation sends (method, host, path, query, body, auth headers), the items it produces, page
// costs and error paths.
import type { IDataObject } from 'n8n-workflow';

import { callApi, type JsonObject } from '../../harness/emulatorClient';
import { addScarfReviews, byId, run, useProductReviewEmulator } from './support';

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

	test('Get Imported Reviews: every page of a SKU, stars filter sent comma-separated', async () => {
		const sku = env.info.importedReviewSkus[0];
		const expected = (
			await publicApi(
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
});
