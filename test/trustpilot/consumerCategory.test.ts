// Consumer and Category resources against the emulator: request paths and queries, items
// produced, page-link pagination costs and input checks.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult } from '../harness/engine';
import type { EmulatorInfo, LoggedRequest } from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator } from '../harness/fixtures';

// Read-only operations: one seeded state (plus the reviews added below) serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;

interface Run {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	requests: LoggedRequest[];
}

async function run(
	resource: string,
	operation: string,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	continueOnFail = false,
): Promise<Run> {
	const credential = await trustpilotCredential(emulator, 'apiKey');
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource, operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail,
		},
		input,
		credential.store,
	);
	return {
		result,
		items: result.output.map((item) => item.json),
		requests: await emulator.client.requests(),
	};
}

const errorOf = (done: Run) => done.result.error ?? done.result.nodeError('Trustpilot');

beforeAll(async () => {
	info = await emulator.client.info();
});

describe('Consumer', () => {
	// A prolific reviewer: 100 five-star English reviews of the main company and 30 one-star
	// Danish reviews of the second one, so lists span two pages of 100.
	const email = 'prolific.reviewer@mail.example.net';
	let consumerId: string;
	let secondBusinessUnitId: string;

	beforeAll(async () => {
		secondBusinessUnitId = info.businessUnits.find(
			(unit) => unit.id !== info.mainBusinessUnit.id,
		)!.id;
		const first = await emulator.client.addReviews({
			businessUnitId: info.mainBusinessUnit.id,
			email,
			count: 100,
			stars: 5,
			language: 'en',
		});
		await emulator.client.addReviews({
			businessUnitId: secondBusinessUnitId,
			email,
			count: 30,
			stars: 1,
			language: 'da',
		});
		consumerId = String((first.reviews[0].consumer as IDataObject).id);
	});

	test('Get: GET /consumers/{id}', async () => {
		const done = await run('consumer', 'get', { consumerId });
		expect(errorOf(done)).toBeUndefined();
		expect(done.requests).toHaveLength(1);
		expect(done.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/consumers/${consumerId}`,
			status: 200,
		});
		expect(done.items).toHaveLength(1);
		expect(done.items[0]).toMatchObject({ id: consumerId, numberOfReviews: 130 });
	});

	test('Get Profile: GET /consumers/{id}/profile', async () => {
		const done = await run('consumer', 'getProfile', { consumerId });
		expect(done.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/consumers/${consumerId}/profile`,
		});
		expect(done.items[0]).toMatchObject({ id: consumerId, numberOfReviews: 130 });
		// Public consumer data never carries the email address.
		expect(JSON.stringify(done.items[0])).not.toContain(email);
	});

	test('Get Reviews, Return All: 130 reviews in two requests of 100, simplified', async () => {
		const done = await run('consumer', 'getReviews', { consumerId, returnAll: true });
		expect(errorOf(done)).toBeUndefined();
		expect(done.items).toHaveLength(130);
		expect(new Set(done.items.map((review) => review.id)).size).toBe(130);
		expect(
			done.requests.map((request) => [request.path, request.query.page, request.query.perPage]),
		).toEqual([
			[`/v1/consumers/${consumerId}/reviews`, '1', '100'],
			[`/v1/consumers/${consumerId}/reviews`, '2', '100'],
		]);
		expect(
			done.items.every(
				(review) => review.consumerId === consumerId && 'link' in review && !('consumer' in review),
			),
		).toBe(true);
		expect(
			done.items.filter((review) => review.businessUnitId === secondBusinessUnitId),
		).toHaveLength(30);
	});

	test('Get Reviews with filters and Limit: one request, filters in the query, raw output', async () => {
		const done = await run('consumer', 'getReviews', {
			consumerId,
			returnAll: false,
			limit: 10,
			simplify: false,
			filters: {
				stars: [1],
				language: 'DA',
				businessUnitId: secondBusinessUnitId,
				orderBy: 'createdat.asc',
				includeReportedReviews: true,
			},
		});
		expect(errorOf(done)).toBeUndefined();
		expect(done.requests).toHaveLength(1);
		expect(done.requests[0].query).toEqual({
			perPage: '10',
			page: '1',
			stars: '1',
			language: 'da',
			businessUnitId: secondBusinessUnitId,
			orderBy: 'createdat.asc',
			includeReportedReviews: 'true',
		});
		expect(done.items).toHaveLength(10);
		expect(
			done.items.every(
				(review) =>
					review.stars === 1 && (review.businessUnit as IDataObject).id === secondBusinessUnitId,
			),
		).toBe(true);
		const dates = done.items.map((review) => Date.parse(String(review.createdAt)));
		expect(dates).toEqual([...dates].sort((a, b) => a - b));
	});

	test('a malformed consumer ID fails before any request; continueOnFail goes on', async () => {
		const done = await run(
			'consumer',
			'get',
			{ consumerId: '={{ $json.id }}' },
			[{ id: 'jane-doe' }, { id: consumerId }],
			true,
		);
		expect(done.items[0].error).toBe('Consumer ID: "jane-doe" is not a Trustpilot ID');
		expect(done.items[1]).toMatchObject({ id: consumerId });
		expect(done.requests).toHaveLength(1);
	});
});

describe('Category', () => {
	test('Get Many: top-level categories, or the children of a parent', async () => {
		const top = await run('category', 'getAll', { returnAll: true });
		expect(errorOf(top)).toBeUndefined();
		expect(top.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/categories',
			query: {},
		});
		expect(top.items.map((category) => category.categoryId)).toContain('shopping_fashion');
		expect(top.items.length).toBeGreaterThan(3);

		const children = await run('category', 'getAll', {
			returnAll: false,
			limit: 2,
			options: { parentId: 'shopping_fashion', country: 'gb', locale: 'en-GB' },
		});
		expect(children.requests).toHaveLength(1);
		expect(children.requests[0].query).toEqual({
			parentId: 'shopping_fashion',
			country: 'GB',
			locale: 'en-GB',
		});
		expect(children.items).toHaveLength(2);
		expect(children.items.map((category) => category.categoryId)).toEqual([
			'clothing_store',
			'shoe_store',
		]);
	});

	test('Get: GET /categories/{id} with country and locale', async () => {
		const done = await run('category', 'get', { categoryId: 'clothing_store', country: 'US' });
		expect(errorOf(done)).toBeUndefined();
		expect(done.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/categories/clothing_store',
			query: { country: 'US' },
		});
		expect(done.items[0]).toMatchObject({
			categoryId: 'clothing_store',
			parentId: 'shopping_fashion',
		});
		expect(typeof done.items[0].businessUnitCount).toBe('number');
	});

	test('Get Business Units, Return All: every member in ⌈N/100⌉ requests, stopping at the total', async () => {
		const totals = await fetch(
			`${info.urls.apiUrl}/categories/shoe_store/business-units?perPage=1`,
			{ headers: { apikey: info.account.apiKey } },
		);
		const expected = Number(((await totals.json()) as IDataObject).totalNumberOfBusinesses);
		expect(expected).toBeGreaterThan(100);

		const done = await run('category', 'getBusinessUnits', {
			categoryId: 'shoe_store',
			returnAll: true,
		});
		expect(errorOf(done)).toBeUndefined();
		expect(done.items).toHaveLength(expected);
		expect(new Set(done.items.map((unit) => unit.id)).size).toBe(expected);
		expect(done.requests).toHaveLength(Math.ceil(expected / 100));
		expect(
			done.requests.every((request) => request.path === '/v1/categories/shoe_store/business-units'),
		).toBe(true);
		expect(done.requests.map((request) => request.query.page)).toEqual(
			done.requests.map((_, index) => String(index + 1)),
		);
		expect(done.items.map((unit) => unit.id)).toContain(info.mainBusinessUnit.id);
		// Documented rows are keyed by businessUnitId; the node adds the same value as `id`.
		expect(
			done.items.every((unit) => typeof unit.id === 'string' && unit.id === unit.businessUnitId),
		).toBe(true);
	});

	test('Get Business Units on an exact multiple of the page size: no extra empty page', async () => {
		const totals = await fetch(
			`${info.urls.apiUrl}/categories/shoe_store/business-units?country=US&perPage=1`,
			{ headers: { apikey: info.account.apiKey } },
		);
		const total = Number(((await totals.json()) as IDataObject).totalNumberOfBusinesses);
		expect(total).toBeGreaterThan(2);
		const done = await run('category', 'getBusinessUnits', {
			categoryId: 'shoe_store',
			returnAll: false,
			limit: 1000,
			options: { country: 'US' },
		});
		expect(done.items).toHaveLength(total);
		expect(done.requests).toHaveLength(Math.ceil(total / 100));
	});

	test('Get Category asks for the documented required country (default US)', async () => {
		const byDefault = await run('category', 'get', { categoryId: 'shoe_store' });
		expect(errorOf(byDefault)).toBeUndefined();
		expect(byDefault.requests[0].query).toEqual({ country: 'US' });
		const danish = await run('category', 'get', { categoryId: 'shoe_store', country: 'dk' });
		expect(danish.requests[0].query).toEqual({ country: 'DK' });
		const empty = await run('category', 'get', { categoryId: 'shoe_store', country: ' ' });
		expect(errorOf(empty)?.message).toBe('Country: is required and was empty');
		expect(empty.requests).toHaveLength(0);
	});

	test('Get Business Units with Limit and a country: one request', async () => {
		const done = await run('category', 'getBusinessUnits', {
			categoryId: 'shoe_store',
			returnAll: false,
			limit: 5,
			options: { country: 'de' },
		});
		expect(done.requests).toHaveLength(1);
		expect(done.requests[0].query).toEqual({ country: 'DE', perPage: '5', page: '1' });
		expect(done.items).toHaveLength(5);
		const german = await fetch(
			`${info.urls.apiUrl}/categories/shoe_store/business-units?country=DE&perPage=100`,
			{ headers: { apikey: info.account.apiKey } },
		);
		const germanIds = new Set(
			(((await german.json()) as IDataObject).businessUnits as IDataObject[]).map(
				(unit) => unit.businessUnitId,
			),
		);
		expect(done.items.every((unit) => germanIds.has(unit.id))).toBe(true);
	});

	test.each([
		[
			'a malformed category ID',
			{ categoryId: 'shoe store' },
			'Category ID: "shoe store" is not a category ID',
		],
		[
			'a bad country',
			{ categoryId: 'shoe_store', country: 'Germany' },
			'Country: "Germany" is not a two-letter country code',
		],
		[
			'a bad locale',
			{ categoryId: 'shoe_store', options: { locale: 'german' } },
			'Locale: "german" is not a locale',
		],
	])('%s fails before any request', async (_label, parameters, message) => {
		const done = await run('category', 'get', parameters as INodeParameters);
		expect(errorOf(done)?.message).toBe(message);
		expect(done.requests).toHaveLength(0);
	});

	test('an unknown category is a readable 404', async () => {
		const done = await run('category', 'get', { categoryId: 'space_travel' });
		const error = errorOf(done) as Error & { httpCode?: string };
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/^Not found/);
	});
});
