// Business Unit › Get Categories: country and locale sent, one paired item per category.

import { byId, errorOf, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

describe('single business unit', () => {
	test('Get Categories: one item per category, country and locale passed on', async () => {
		const run = await runBusinessUnit(emulator, 'getCategories', {
			businessUnit: byId(env.buId),
			options: { country: 'us', locale: 'en-US' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${env.buId}/categories`,
		});
		expect(run.requests[0].query).toEqual({ country: 'US', locale: 'en-US' });
		// The seeded main business unit is a clothing and a shoe store.
		expect(run.items.map((category) => category.categoryId)).toEqual([
			'clothing_store',
			'shoe_store',
		]);
		expect(run.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});
});
