// Business Unit › Find: the request by domain, and the same company as Get by ID.

import { byId, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

describe('single business unit', () => {
	test('Find by domain and Get by ID return the same company', async () => {
		const found = await runBusinessUnit(emulator, 'find', {
			name: env.info.mainBusinessUnit.domain,
		});
		expect(found.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/business-units/find',
		});
		expect(found.requests[0].query).toEqual({ name: env.info.mainBusinessUnit.domain });
		const got = await runBusinessUnit(emulator, 'get', { businessUnit: byId(env.buId) });
		expect(got.requests[0].path).toBe(`/v1/business-units/${env.buId}`);
		expect(found.items).toEqual(got.items);
		expect(got.items[0]).toMatchObject({
			id: env.buId,
			displayName: env.info.mainBusinessUnit.displayName,
		});
	});
});
