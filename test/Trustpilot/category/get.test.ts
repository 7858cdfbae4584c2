// Category › Get: GET /categories/{id} with country and locale, the required country defaulting to US, a readable 404.
import type { INodeParameters } from 'n8n-workflow';

import { errorOf, runCategory, useCategoryEmulator } from './support';

const env = useCategoryEmulator();
const { emulator } = env;

describe('Category', () => {
	test('Get: GET /categories/{id} with country and locale', async () => {
		const done = await runCategory(emulator, 'get', {
			categoryId: 'clothing_store',
			country: 'US',
		});
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

	test('Get Category asks for the documented required country (default US)', async () => {
		const byDefault = await runCategory(emulator, 'get', { categoryId: 'shoe_store' });
		expect(errorOf(byDefault)).toBeUndefined();
		expect(byDefault.requests[0].query).toEqual({ country: 'US' });
		const danish = await runCategory(emulator, 'get', { categoryId: 'shoe_store', country: 'dk' });
		expect(danish.requests[0].query).toEqual({ country: 'DK' });
		const empty = await runCategory(emulator, 'get', { categoryId: 'shoe_store', country: ' ' });
		expect(errorOf(empty)?.message).toBe('Country: is required and was empty');
		expect(empty.requests).toHaveLength(0);
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
		const done = await runCategory(emulator, 'get', parameters as INodeParameters);
		expect(errorOf(done)?.message).toBe(message);
		expect(done.requests).toHaveLength(0);
	});

	test('an unknown category is a readable 404', async () => {
		const done = await runCategory(emulator, 'get', { categoryId: 'space_travel' });
		const error = errorOf(done) as Error & { httpCode?: string };
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/^Not found/);
	});
});
