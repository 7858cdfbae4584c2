// Product Review › Get Many: public lists by SKU or product URL (⌈N/100⌉ pages, filters), private states and the token guard.
import type { IDataObject } from 'n8n-workflow';

import {
	addScarfReviews,
	byId,
	run,
	SCARF,
	useProductReviewEmulator,
	productLink,
	publicApi,
} from './support';

const env = useProductReviewEmulator();

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
			env,
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
		const url = await productLink(env, 'TEE-BLK-M');
		const expected = await publicApi(
			env,
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

	test('by domain, bad input fails before the business unit is looked up: nothing is sent', async () => {
		for (const parameters of [
			{ source: 'public', returnAll: true },
			{ source: 'public', sku: SCARF, returnAll: false, limit: 0 },
			{ source: 'public', sku: SCARF, filters: { stars: '6' } },
			{ source: 'private', states: [], returnAll: true },
		]) {
			const result = await run(env, 'getAll', {
				businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
				...parameters,
			});
			expect(result.error).toBeDefined();
			expect(result.allRequests).toHaveLength(0);
		}
	});

	test('a language or locale an expression gave as a list or object fails before any request', async () => {
		const result = await run(
			env,
			'getAll',
			{
				businessUnit: byId(env.buId),
				source: 'public',
				sku: SCARF,
				limit: 5,
				filters: { language: '={{ $json.language }}', locale: '={{ $json.locale }}' },
			},
			{
				input: [
					{ language: ['en', 'da'], locale: 'en-US' },
					{ language: 'en', locale: { code: 'en-US' } },
				],
				continueOnFail: true,
			},
		);
		expect(result.items[0].error).toMatch(
			/^Filters → Language: must be text, but the value is a list/,
		);
		expect(result.items[1].error).toMatch(
			/^Filters → Locale: must be text, but the value is an object/,
		);
		expect(result.allRequests).toHaveLength(0);
	});

	test('Source "PRIVATE" from an expression is the private list: its consumer emails come back', async () => {
		await addScarfReviews(env, { count: 2, stars: 3, email: 'scarf.buyer@mail.example.net' });
		const result = await run(env, 'getAll', {
			businessUnit: byId(env.buId),
			source: '={{ "PRIVATE" }}',
			states: ['published'],
			returnAll: true,
			filters: { sku: SCARF },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests[0].path).toBe(
			`/v1/private/product-reviews/business-units/${env.buId}/reviews`,
		);
		expect(result.items.map((item) => item.consumerEmail)).toContain(
			'scarf.buyer@mail.example.net',
		);
		const bad = await run(env, 'getAll', {
			businessUnit: byId(env.buId),
			source: '={{ "both" }}',
			returnAll: true,
		});
		expect(bad.error?.message).toBe('Source: "both" is not one of private, public');
		expect(bad.allRequests).toHaveLength(0);
	});

	test('private: States from an expression as text are a list; a state that is none fails naming States', async () => {
		const result = await run(
			env,
			'getAll',
			{
				businessUnit: byId(env.buId),
				source: 'private',
				states: '={{ $json.states }}',
				limit: 5,
			},
			{
				input: [{ states: 'archived, Published' }, { states: 'deleted' }, { states: { a: 1 } }],
				continueOnFail: true,
			},
		);
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query).toMatchObject({ state: 'archived,published' });
		expect(result.items.at(-2)?.error).toBe(
			'States: "deleted" is not one of archived, published, underModeration, unpublished',
		);
		expect(result.items.at(-1)?.error).toBe('States: must be text, but the value is an object');
	});
});
