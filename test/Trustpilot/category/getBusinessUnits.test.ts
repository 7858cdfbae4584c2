// Category › Get Business Units: ⌈N/100⌉ page requests stopping at the total (no empty extra page), Limit with a country.
import type { IDataObject } from 'n8n-workflow';

import { errorOf, runCategory, useCategoryEmulator } from './support';

const env = useCategoryEmulator();
const { emulator } = env;

describe('Category', () => {
	test('Get Business Units, Return All: every member in ⌈N/100⌉ requests, stopping at the total', async () => {
		const totals = await fetch(
			`${env.info.urls.apiUrl}/categories/shoe_store/business-units?perPage=1`,
			{ headers: { apikey: env.info.account.apiKey } },
		);
		const expected = Number(((await totals.json()) as IDataObject).totalNumberOfBusinesses);
		expect(expected).toBeGreaterThan(100);

		const done = await runCategory(emulator, 'getBusinessUnits', {
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
		expect(done.items.map((unit) => unit.id)).toContain(env.info.mainBusinessUnit.id);
		// Documented rows are keyed by businessUnitId; the node adds the same value as `id`.
		expect(
			done.items.every((unit) => typeof unit.id === 'string' && unit.id === unit.businessUnitId),
		).toBe(true);
	});

	test('Get Business Units on an exact multiple of the page size: no extra empty page', async () => {
		const totals = await fetch(
			`${env.info.urls.apiUrl}/categories/shoe_store/business-units?country=US&perPage=1`,
			{ headers: { apikey: env.info.account.apiKey } },
		);
		const total = Number(((await totals.json()) as IDataObject).totalNumberOfBusinesses);
		expect(total).toBeGreaterThan(2);
		const done = await runCategory(emulator, 'getBusinessUnits', {
			categoryId: 'shoe_store',
			returnAll: false,
			limit: 1000,
			options: { country: 'US' },
		});
		expect(done.items).toHaveLength(total);
		expect(done.requests).toHaveLength(Math.ceil(total / 100));
	});

	test('Get Business Units with Limit and a country: one request', async () => {
		const done = await runCategory(emulator, 'getBusinessUnits', {
			categoryId: 'shoe_store',
			returnAll: false,
			limit: 5,
			options: { country: 'de' },
		});
		expect(done.requests).toHaveLength(1);
		expect(done.requests[0].query).toEqual({ country: 'DE', perPage: '5', page: '1' });
		expect(done.items).toHaveLength(5);
		const german = await fetch(
			`${env.info.urls.apiUrl}/categories/shoe_store/business-units?country=DE&perPage=100`,
			{ headers: { apikey: env.info.account.apiKey } },
		);
		const germanIds = new Set(
			(((await german.json()) as IDataObject).businessUnits as IDataObject[]).map(
				(unit) => unit.businessUnitId,
			),
		);
		expect(done.items.every((unit) => germanIds.has(unit.id))).toBe(true);
	});
});
