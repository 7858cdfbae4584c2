// Business Unit › Search: Return All with the lower-case perpage parameter, and Limit finding a unit by domain.
import type { IDataObject } from 'n8n-workflow';

import { errorOf, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

/** Every business unit on the emulator, read once with Return All (the ground truth below). */
let everyUnit: IDataObject[];

beforeAll(async () => {
	everyUnit = (await runBusinessUnit(emulator, 'getAll', { returnAll: true })).items;
});

describe('Search', () => {
	const matches = (unit: IDataObject, query: string) => {
		const name = unit.name as { identifying: string; referring: string[] };
		const texts = [String(unit.displayName), name.identifying, ...name.referring].map((text) =>
			text.toLowerCase(),
		);
		return texts.some((text) => text.includes(query));
	};

	test('Return All pages with the lower-case perpage parameter until a short page', async () => {
		const expected = everyUnit.filter((unit) => unit.country === 'DE' && matches(unit, '1'));
		expect(expected.length).toBeGreaterThan(100);
		const run = await runBusinessUnit(emulator, 'search', {
			query: '1',
			returnAll: true,
			filters: { country: 'de' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.items.map((unit) => unit.id).sort()).toEqual(expected.map((unit) => unit.id).sort());
		expect(run.requests).toHaveLength(Math.floor(expected.length / 100) + 1);
		expect(run.requests.map((request) => request.query)).toEqual(
			run.requests.map((_, index) => ({
				query: '1',
				country: 'DE',
				perpage: '100',
				page: String(index + 1),
			})),
		);
		expect(run.requests.every((request) => request.path === '/v1/business-units/search')).toBe(
			true,
		);
	});

	test('Limit finds the main business unit by its domain in one request', async () => {
		const run = await runBusinessUnit(emulator, 'search', {
			query: env.info.mainBusinessUnit.domain,
			returnAll: false,
			limit: 5,
		});
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toEqual({
			query: env.info.mainBusinessUnit.domain,
			perpage: '5',
			page: '1',
		});
		expect(run.items.map((unit) => unit.id)).toContain(env.buId);
		expect(run.items.every((unit) => matches(unit, env.info.mainBusinessUnit.domain))).toBe(true);
	});
});
