// Business Unit › Get: one GET /business-units/{id} with the API key and one item for the unit.

import { byId, errorOf, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

describe('Get', () => {
	test('GET /business-units/{id} with the API key: one item for the unit, one request', async () => {
		const run = await runBusinessUnit(emulator, 'get', { businessUnit: byId(env.buId) });
		expect(errorOf(run)).toBeUndefined();
		expect(run.allRequests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${env.buId}`,
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			id: env.buId,
			displayName: env.info.mainBusinessUnit.displayName,
		});
	});

	test('a business unit ID in upper case is sent in lower case, as Trustpilot writes it', async () => {
		const run = await runBusinessUnit(emulator, 'get', {
			businessUnit: byId(env.buId.toUpperCase()),
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((request) => request.path)).toEqual([`/v1/business-units/${env.buId}`]);
		expect(run.items).toEqual([expect.objectContaining({ id: env.buId })]);
	});
});
