// Business Unit › Get Many: cursor pagination over every unit, the country filter, Limit, a bad country refused.
import type { IDataObject } from 'n8n-workflow';

import { errorOf, type Run, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

/** Every business unit on the emulator, read once with Return All (the ground truth below). */
let everyUnit: IDataObject[];
let everyUnitRun: Run;

beforeAll(async () => {
	everyUnitRun = await runBusinessUnit(emulator, 'getAll', { returnAll: true });
	everyUnit = everyUnitRun.items;
});

describe('Get Many (/business-units/all, cursor)', () => {
	test('Return All reads every business unit in ⌈N/1000⌉ requests, following the cursor', () => {
		const total = env.info.publicBusinessUnitCount;
		expect(total).toBeGreaterThan(2000);
		expect(errorOf(everyUnitRun)).toBeUndefined();
		expect(everyUnit).toHaveLength(total);
		expect(new Set(everyUnit.map((unit) => unit.id)).size).toBe(total);
		const { requests } = everyUnitRun;
		expect(requests).toHaveLength(Math.ceil(total / 1000));
		expect(requests.every((request) => request.method === 'GET' && request.host === 'api')).toBe(
			true,
		);
		expect(
			requests.every(
				(request) => request.path === '/v1/business-units/all' && request.query.perPage === '1000',
			),
		).toBe(true);
		expect(requests[0].query.cursor).toBeUndefined();
		expect(requests.slice(1).every((request) => typeof request.query.cursor === 'string')).toBe(
			true,
		);
		for (const unit of env.info.businessUnits)
			expect(everyUnit.map((item) => item.id)).toContain(unit.id);
	});

	test('country filter: codes are normalised, only those countries come back', async () => {
		const expected = everyUnit.filter((unit) => unit.country === 'DK' || unit.country === 'SE');
		const run = await runBusinessUnit(emulator, 'getAll', {
			returnAll: true,
			filters: { country: 'dk, se' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.every((request) => request.query.country === 'DK,SE')).toBe(true);
		expect(run.requests).toHaveLength(Math.ceil(expected.length / 1000));
		expect(run.items.map((unit) => unit.id).sort()).toEqual(expected.map((unit) => unit.id).sort());
	});

	test('Limit 30 costs one request with perPage 30', async () => {
		const run = await runBusinessUnit(emulator, 'getAll', { returnAll: false, limit: 30 });
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toEqual({ perPage: '30' });
		expect(run.items.map((unit) => unit.id)).toEqual(everyUnit.slice(0, 30).map((unit) => unit.id));
	});

	test('a bad country code fails before any request', async () => {
		const run = await runBusinessUnit(emulator, 'getAll', {
			returnAll: true,
			filters: { country: 'US,Denmark' },
		});
		expect(errorOf(run)?.message).toBe('Countries: "Denmark" is not a two-letter country code');
		expect(run.allRequests).toHaveLength(0);
	});
});
