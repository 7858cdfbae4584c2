// Business Unit › Get Profile Info: GET /profileinfo and continueOnFail over an unknown ID.

import { byId, errorOf, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

describe('single business unit', () => {
	test('Get Profile Info: GET /profileinfo with an API key', async () => {
		const run = await runBusinessUnit(emulator, 'getProfileInfo', { businessUnit: byId(env.buId) });
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${env.buId}/profileinfo`,
			status: 200,
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ isClaimed: true, address: { countryCode: 'US' } });
	});

	test('continueOnFail: an unknown ID becomes an error item, the next item still runs', async () => {
		const run = await runBusinessUnit(
			emulator,
			'getProfileInfo',
			{ businessUnit: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ continueOnFail: true, input: [{ id: '0123456789abcdef01234567' }, { id: env.buId }] },
		);
		expect(run.items).toHaveLength(2);
		expect(run.items[0]).toMatchObject({ httpCode: '404' });
		expect(run.items[1]).toMatchObject({ isClaimed: true });
		expect(run.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
