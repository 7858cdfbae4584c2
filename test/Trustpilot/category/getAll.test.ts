// Category › Get Many: the top-level categories, or the children of a parent.

import { errorOf, runCategory, useCategoryEmulator } from './support';

const env = useCategoryEmulator();
const { emulator } = env;

describe('Category', () => {
	test('Get Many: top-level categories, or the children of a parent', async () => {
		const top = await runCategory(emulator, 'getAll', { returnAll: true });
		expect(errorOf(top)).toBeUndefined();
		expect(top.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/categories',
			query: {},
		});
		expect(top.items.map((category) => category.categoryId)).toContain('shopping_fashion');
		expect(top.items.length).toBeGreaterThan(3);

		const children = await runCategory(emulator, 'getAll', {
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

	test('Get Many: a Limit that is no whole number fails before any request, naming Limit and the item', async () => {
		for (const limit of [0, -3, 2.5, 'ten', '={{ NaN }}']) {
			const run = await runCategory(emulator, 'getAll', { returnAll: false, limit });
			expect(errorOf(run)?.message).toMatch(/^Limit: must be a whole number at least 1/);
			expect((errorOf(run) as unknown as { description: string }).description).toMatch(/item 1/);
			expect(run.requests).toHaveLength(0);
		}
	});

	test('Get Many: a Parent Category ID an expression gave as an object fails before any request', async () => {
		const run = await runCategory(emulator, 'getAll', {
			returnAll: true,
			options: { parentId: '={{ { id: "shopping_fashion" } }}' },
		});
		expect(errorOf(run)?.message).toMatch(
			/^Parent Category ID: must be text, but the value is an object/,
		);
		expect(run.requests).toHaveLength(0);
	});

	test('Get Many: a Limit given as a long text or a whole object is not echoed in full into the error', async () => {
		for (const limit of ['={{ "x".repeat(100000) }}', '={{ { token: "t".repeat(5000) } }}']) {
			const run = await runCategory(emulator, 'getAll', { returnAll: false, limit });
			expect(errorOf(run)?.message).toMatch(/^Limit: must be a whole number at least 1, but is /);
			expect(errorOf(run)!.message.length).toBeLessThan(200);
			expect(run.requests).toHaveLength(0);
		}
	});
});
