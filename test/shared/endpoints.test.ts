import type { INodeProperties } from 'n8n-workflow';

import {
	endpointPath,
	ENDPOINTS,
	listItems,
	listRequest,
	type ListEndpoint,
} from '../../nodes/shared/endpoints';
import { Trustpilot } from '../../nodes/Trustpilot/Trustpilot.node';
import { startEmulator, type EmulatorHandle } from '../harness/emulator.cjs';
import {
	callApi,
	EmulatorClient,
	requestToken,
	type EmulatorInfo,
	type JsonObject,
} from '../harness/emulatorClient';
import { readRepoFile } from '../harness/repoFiles.cjs';

const entries = Object.entries(ENDPOINTS) as Array<[string, ListEndpoint]>;

describe('endpoint catalogue, without a server', () => {
	it('fills path parameters URL-encoded and refuses a missing one', () => {
		expect(endpointPath(ENDPOINTS.categoryBusinessUnits, { categoryId: 'a b/c' })).toBe(
			'/categories/a%20b%2Fc/business-units',
		);
		expect(() => endpointPath(ENDPOINTS.serviceReviews, {})).toThrow(/businessUnitId/);
	});

	it('builds what the paginator takes, the facts coming from the entry', () => {
		const request = listRequest(ENDPOINTS.businessUnitSearch, { qs: { query: 'x' }, itemIndex: 3 });
		expect(request).toEqual({
			method: 'GET',
			path: '/business-units/search',
			host: 'api',
			access: 'public',
			itemsKey: 'businessUnits',
			style: 'page',
			maxPageSize: 100,
			pageSizeParam: 'perpage',
			qs: { query: 'x' },
			itemIndex: 3,
		});
	});

	it('reads a single-page list under its key, or a bare array the transport wrapped as items', () => {
		const endpoint = ENDPOINTS.reviewTags;
		expect(listItems(endpoint, { tags: [{ group: 'a', value: 'b' }] })).toEqual([
			{ group: 'a', value: 'b' },
		]);
		expect(listItems(endpoint, { items: [{ group: 'c', value: 'd' }] })).toEqual([
			{ group: 'c', value: 'd' },
		]);
		expect(listItems(endpoint, { tags: null })).toEqual([]);
	});

	it('every list operation of the action node reads its endpoint from the catalogue', () => {
		const properties = new Trustpilot().description.properties;
		const listOperations = properties
			.filter((property: INodeProperties) => property.name === 'returnAll')
			.flatMap((property) => {
				const show = property.displayOptions?.show ?? {};
				const resources = (show.resource ?? []) as string[];
				const operations = (show.operation ?? []) as string[];
				return resources.flatMap((resource) =>
					operations.map((operation) => ({ resource, operation, hint: property.hint ?? '' })),
				);
			});
		// 10 list operations; a new one must read its endpoint from the catalogue as well.
		expect(listOperations.length).toBeGreaterThanOrEqual(10);
		for (const { resource, operation, hint } of listOperations) {
			const source = readRepoFile(`nodes/Trustpilot/actions/${resource}/${operation}.operation.ts`);
			const names = [...source.matchAll(/ENDPOINTS\.(\w+)/g)].map((match) => match[1]);
			expect({ resource, operation, usesCatalogue: names.length > 0 }).toEqual({
				resource,
				operation,
				usesCatalogue: true,
			});
			const used = names.map((name) => (ENDPOINTS as Record<string, ListEndpoint>)[name]);
			expect(used.every((entry) => entry !== undefined)).toBe(true);
			const pageSizes = used.flatMap((entry) =>
				entry.style === 'none' ? [] : [entry.maxPageSize],
			);
			if (pageSizes.length === 0) {
				// A single-page list: the editor must not promise pages.
				expect({ resource, operation, hint }).toEqual({
					resource,
					operation,
					hint: expect.stringMatching(/one request/),
				});
			} else {
				// The page size the editor promises is the one the catalogue declares.
				const promised = Number(/\((\d+) /.exec(hint)?.[1]);
				expect({ resource, operation, promised }).toEqual({
					resource,
					operation,
					promised: Math.max(...pageSizes),
				});
			}
		}
	});

	it('no node describes a list itself: items keys and page sizes live only in the catalogue', () => {
		const files = [
			'nodes/TrustpilotReviewPollTrigger/sources.ts',
			'nodes/TrustpilotReviewPollTrigger/scan.ts',
			'nodes/TrustpilotReviewPollTrigger/poll.ts',
			'nodes/Trustpilot/actions/serviceReview/getAll.operation.ts',
			'nodes/Trustpilot/actions/productReview/getAll.operation.ts',
			'nodes/Trustpilot/actions/productReview/getImportedReviews.operation.ts',
			'nodes/Trustpilot/actions/productReview/getSummaries.operation.ts',
			'nodes/Trustpilot/actions/product/getAll.operation.ts',
			'nodes/Trustpilot/actions/consumer/getReviews.operation.ts',
			'nodes/Trustpilot/actions/category/getBusinessUnits.operation.ts',
			'nodes/Trustpilot/actions/businessUnit/getAll.operation.ts',
			'nodes/Trustpilot/actions/businessUnit/search.operation.ts',
		];
		for (const file of files) {
			const source = readRepoFile(file);
			expect({ file, itemsKey: /itemsKey:/.test(source) }).toEqual({ file, itemsKey: false });
			expect({ file, maxPageSize: /maxPageSize:/.test(source) }).toEqual({
				file,
				maxPageSize: false,
			});
		}
	});
});

describe('endpoint catalogue against the emulator (real HTTP)', () => {
	let emulator: EmulatorHandle;
	let info: EmulatorInfo;
	let bearer: string;
	const parameters: Record<string, string> = {};

	const headersFor = (entry: ListEndpoint): Record<string, string> =>
		entry.access === 'private'
			? { apikey: info.account.apiKey, authorization: `Bearer ${bearer}` }
			: { apikey: info.account.apiKey };

	const urlOf = (entry: ListEndpoint, query: Record<string, string | number>) => {
		const base = entry.host === 'invitations' ? emulator.invitationsUrl : emulator.apiUrl;
		const qs = new URLSearchParams(
			Object.entries(query).map(([key, value]) => [key, String(value)]),
		);
		return `${base}${endpointPath(entry, parameters)}?${qs.toString()}`;
	};

	/** What each route needs besides the page size (the emulator answers 400 without it). */
	const queryOf = (name: string): Record<string, string> => {
		switch (name) {
			case 'businessUnitSearch':
				return { query: info.mainBusinessUnit.displayName.slice(0, 4) };
			case 'latestReviews':
				return { language: 'all' };
			case 'productReviews':
			case 'importedProductReviews':
				return { sku: name === 'productReviews' ? info.skus[0] : info.importedReviewSkus[0] };
			case 'categories':
			case 'categoryBusinessUnits':
			case 'businessUnitCategories':
				return { country: info.businessUnits[0].country };
			default:
				return {};
		}
	};

	beforeAll(async () => {
		emulator = await startEmulator();
		info = await new EmulatorClient(emulator.adminUrl).reset({ config: { tokenRateLimit: null } });
		const token = await requestToken(
			emulator.apiUrl,
			{ grant_type: 'client_credentials' },
			info.account,
		);
		bearer = token.json.access_token;
		parameters.businessUnitId = info.mainBusinessUnit.id;
		const headers = { apikey: info.account.apiKey };
		const reviews = await callApi<{ reviews: JsonObject[] }>(
			`${emulator.apiUrl}/business-units/${info.mainBusinessUnit.id}/reviews`,
			{ headers },
		);
		parameters.reviewId = String(reviews.json.reviews[0].id);
		// Reviews carry no tags until a business adds some.
		const tagged = await callApi(`${emulator.apiUrl}/private/reviews/${parameters.reviewId}/tags`, {
			method: 'PUT',
			headers: {
				apikey: info.account.apiKey,
				authorization: `Bearer ${bearer}`,
				'content-type': 'application/json',
				'x-business-user-id': info.account.businessUser.id,
			},
			body: JSON.stringify({ tags: [{ group: 'source', value: 'catalogue-test' }] }),
		});
		expect(tagged.status).toBe(204);
		parameters.consumerId = String((reviews.json.reviews[0].consumer as JsonObject).id);
		const categories = await callApi<{ categories: JsonObject[] }>(
			`${emulator.apiUrl}/categories?country=${info.businessUnits[0].country}`,
			{ headers },
		);
		parameters.categoryId = String(categories.json.categories[0].categoryId);
	});

	afterAll(async () => {
		await emulator?.stop();
	});

	it.each(entries)(
		'%s: the items key names a non-empty list in the answer',
		async (name, entry) => {
			const query: Record<string, string | number> = queryOf(name);
			if (entry.style !== 'none') query[entry.pageSizeParam ?? 'perPage'] = entry.maxPageSize;
			const response = await callApi<JsonObject>(urlOf(entry, query), {
				headers: headersFor(entry),
			});
			expect({ name, status: response.status }).toEqual({ name, status: 200 });
			const list = response.json[entry.itemsKey];
			expect(Array.isArray(list)).toBe(true);
			expect((list as unknown[]).length).toBeGreaterThan(0);
			if (entry.style === 'links') expect(Array.isArray(response.json.links)).toBe(true);
			if (entry.style === 'cursor') expect(Object.keys(response.json)).toContain('cursor');
			if (entry.style !== 'none' && entry.totalKey !== undefined)
				expect(typeof response.json[entry.totalKey]).toBe('number');
		},
	);

	// Search's limit has no source (the emulator allows 1000); the node stays at a safe 100.
	it.each(
		entries.filter(([name, entry]) => entry.style !== 'none' && name !== 'businessUnitSearch'),
	)('%s: the page size is the largest the route accepts', async (name, entry) => {
		if (entry.style === 'none') return;
		const size = entry.pageSizeParam ?? 'perPage';
		const over = await callApi(urlOf(entry, { ...queryOf(name), [size]: entry.maxPageSize + 1 }), {
			headers: headersFor(entry),
		});
		expect({ name, status: over.status }).toEqual({ name, status: 400 });
	});

	it.each(entries.filter(([, entry]) => entry.style === 'none' && entry.maxCount !== undefined))(
		'%s: count goes up to maxCount and no further',
		async (name, entry) => {
			if (entry.style !== 'none' || entry.maxCount === undefined) return;
			const at = await callApi(urlOf(entry, { ...queryOf(name), count: entry.maxCount }), {
				headers: headersFor(entry),
			});
			const over = await callApi(urlOf(entry, { ...queryOf(name), count: entry.maxCount + 1 }), {
				headers: headersFor(entry),
			});
			expect({ name, at: at.status, over: over.status }).toEqual({ name, at: 200, over: 400 });
		},
	);
});
