// Product Review › Get Many, Get, summaries and imported reviews against the emulator: what each
// operation sends (method, host, path, query, body, auth headers), the items it produces, page
// costs and error paths.
import type { IDataObject } from 'n8n-workflow';

import { callApi, type JsonObject } from '../harness/emulatorClient';
import {
	addScarfReviews,
	byId,
	run,
	SCARF,
	useProductReviewEmulator,
} from './productReview.shared';

const env = useProductReviewEmulator();

async function productLink(sku: string): Promise<string> {
	const product = (await env.emulator.client.state()).products.find((entry) => entry.sku === sku);
	return String(product?.link);
}

async function publicApi(path: string): Promise<JsonObject> {
	const response = await callApi(`${env.emulator.handle.apiUrl}${path}`, {
		headers: { apikey: env.info.account.apiKey },
	});
	expect(response.status).toBe(200);
	return response.json;
}

describe('Get Many', () => {
	const publicPath = () => `/v1/product-reviews/business-units/${env.buId}/reviews`;

	test('public, Return All: ⌈N/100⌉ requests with the API key only, flat items', async () => {
		const added = await addScarfReviews(env, { count: 230, stars: 4, content: 'Warm and soft.' });
		const result = await run(
			env,
			'getAll',
			{ businessUnit: byId(env.buId), source: 'public', sku: SCARF, returnAll: true },
			{ credential: env.apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(Math.ceil(230 / 100));
		result.requests.forEach((request, index) => {
			expect(request).toMatchObject({ method: 'GET', host: 'api', path: publicPath() });
			expect(request.query).toEqual({ sku: SCARF, perPage: '100', page: String(index + 1) });
			expect(request.headers.apikey).toBe(env.info.account.apiKey);
			expect(request.headers.authorization).toBeUndefined();
		});
		expect(result.items).toHaveLength(230);
		expect(new Set(result.items.map((item) => item.id))).toEqual(
			new Set(added.map((review) => review.id)),
		);
		const sample = added[17];
		const consumer = sample.consumer as IDataObject;
		expect(result.items.find((item) => item.id === sample.id)).toEqual({
			id: sample.id,
			stars: 4,
			content: 'Warm and soft.',
			language: sample.language,
			createdAt: sample.createdAt,
			// Public items carry no product: the SKU is the one the node asked for.
			sku: SCARF,
			consumerName: consumer.name,
			businessUnitId: env.buId,
			reply: null,
		});
	});

	test('public, several SKUs: one list per SKU, every row labelled with its SKU', async () => {
		const scarves = await addScarfReviews(env, { count: 3, stars: 5, content: 'Scarf.' });
		const other = 'TEE-BLK-M';
		const truth = await publicApi(
			`/product-reviews/business-units/${env.buId}/reviews?sku=${other}&perPage=100`,
		);
		const result = await run(
			env,
			'getAll',
			{
				businessUnit: byId(env.buId),
				source: 'public',
				sku: `${SCARF}, ${other}`,
				returnAll: true,
			},
			{ credential: env.apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.query.sku)).toEqual([SCARF, other]);
		const skuOf = new Map(result.items.map((item) => [item.id, item.sku]));
		for (const review of scarves) expect(skuOf.get(review.id)).toBe(SCARF);
		const others = truth.productReviews as IDataObject[];
		expect(others.length).toBeGreaterThan(0);
		for (const review of others) expect(skuOf.get(review.id)).toBe(other);
		expect(result.items).toHaveLength(scarves.length + others.length);
		expect(result.items.every((item) => item.sku !== null)).toBe(true);
	});

	test('public by product URL with stars and language filters and a limit: one request', async () => {
		const url = await productLink('TEE-BLK-M');
		const expected = await publicApi(
			`/product-reviews/business-units/${env.buId}/reviews?productUrl=${encodeURIComponent(url)}&stars=4,5&language=en&perPage=5`,
		);
		const result = await run(env, 'getAll', {
			businessUnit: byId(env.buId),
			source: 'public',
			productUrl: url,
			limit: 5,
			simplify: false,
			filters: { stars: [5, 4], language: 'en' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query).toEqual({
			productUrl: url,
			stars: '4,5',
			language: 'en',
			perPage: '5',
			page: '1',
		});
		// Raw items are Trustpilot's, plus the product URL they were listed under.
		expect(result.items).toEqual(
			(expected.productReviews as IDataObject[]).map((review) => ({ ...review, productUrl: url })),
		);
		expect(result.items).toHaveLength(5);
	});

	test('public without SKU or product URL fails naming both fields, before any request', async () => {
		const result = await run(env, 'getAll', {
			businessUnit: byId(env.buId),
			source: 'public',
			returnAll: true,
		});
		expect(result.error?.message).toBe('SKU or Product URL: set at least one of them');
		expect(result.allRequests).toHaveLength(0);
	});

	test('private: states and SKU filter, Bearer token, consumer email and reference ID', async () => {
		const archived = await addScarfReviews(env, {
			count: 3,
			state: 'archived',
			email: 'scarf.buyer@mail.example.net',
		});
		await addScarfReviews(env, { count: 2 });
		const result = await run(env, 'getAll', {
			businessUnit: byId(env.buId),
			source: 'private',
			states: ['archived', 'underModeration'],
			returnAll: true,
			filters: { sku: ` ${SCARF} ` },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		const [request] = result.requests;
		expect(request).toMatchObject({
			method: 'GET',
			path: `/v1/private/product-reviews/business-units/${env.buId}/reviews`,
		});
		expect(request.query).toEqual({
			state: 'archived,underModeration',
			sku: SCARF,
			perPage: '100',
			page: '1',
		});
		expect(String(request.headers.authorization)).toMatch(/^Bearer \S+/);
		expect(result.items.map((item) => item.id).sort()).toEqual(
			archived.map((review) => review.id).sort(),
		);
		for (const item of result.items) {
			const source = archived.find((review) => review.id === item.id) as IDataObject;
			expect(item).toMatchObject({
				consumerEmail: 'scarf.buyer@mail.example.net',
				state: 'archived',
				referenceId: source.referenceId,
				conversationId: null,
				businessUnitId: env.buId,
			});
		}
	});

	test('private, Return All over every state: ⌈N/100⌉ requests, raw items with Simplify off', async () => {
		const total =
			env.info.businessUnits.find((unit) => unit.id === env.buId)?.productReviewCount ?? 0;
		expect(total).toBeGreaterThan(100);
		const result = await run(env, 'getAll', {
			businessUnit: byId(env.buId),
			source: 'private',
			states: ['published', 'unpublished', 'underModeration', 'archived'],
			returnAll: true,
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(Math.ceil(total / 100));
		expect(new Set(result.items.map((item) => item.id)).size).toBe(total);
		expect(result.items[0]).toHaveProperty('attributeRatings');
		expect((result.items[0].consumer as IDataObject).email).toEqual(expect.stringContaining('@'));
	});

	test('private with an API-key-only credential fails before any request', async () => {
		const result = await run(
			env,
			'getAll',
			{ businessUnit: byId(env.buId), source: 'private', returnAll: true },
			{ credential: env.apiKeyOnly },
		);
		expect(result.error?.message).toBe(
			'This operation reads or changes private data, which needs an access token',
		);
		expect(result.allRequests).toHaveLength(0);
	});
});

describe('Get', () => {
	test('reads the private review with a locale and flattens it', async () => {
		const [review] = await addScarfReviews(env, {
			stars: 5,
			email: 'happy@mail.example.net',
			content: 'Lovely scarf.',
		});
		const result = await run(env, 'get', {
			reviewId: review.id as string,
			options: { locale: 'en-US' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'GET',
			path: `/v1/private/product-reviews/${review.id}`,
			query: { locale: 'en-US' },
		});
		expect(result.items).toEqual([
			expect.objectContaining({
				id: review.id,
				stars: 5,
				content: 'Lovely scarf.',
				sku: SCARF,
				productName: 'Wool Scarf',
				consumerEmail: 'happy@mail.example.net',
				state: 'published',
				conversationId: null,
			}),
		]);
	});

	test('continueOnFail: an invalid ID becomes an error item, the next item is still read', async () => {
		const [review] = await addScarfReviews(env);
		const result = await run(
			env,
			'get',
			{ reviewId: '={{ $json.reviewId }}' },
			{ input: [{ reviewId: 'not-an-id' }, { reviewId: review.id }], continueOnFail: true },
		);
		expect(result.requests).toHaveLength(1);
		expect(result.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].error).toBe('Product Review ID: "not-an-id" is not a Trustpilot ID');
		expect(result.items[1].id).toBe(review.id);
	});
});

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
