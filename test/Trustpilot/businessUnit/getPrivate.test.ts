// Business Unit › Get Private: the token-only private view, refused with an API key, a readable 403 for another account.

import { byId, errorOf, runBusinessUnit, useBusinessUnitEmulator } from './support';

const env = useBusinessUnitEmulator();
const { emulator } = env;

describe('single business unit', () => {
	test("Get Private: needs a token, returns the owner's view with locations", async () => {
		const run = await runBusinessUnit(
			emulator,
			'getPrivate',
			{ businessUnit: byId(env.buId) },
			{ mode: 'clientCredentials' },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/private/business-units/${env.buId}`,
		});
		expect(String(run.requests[0].headers.authorization)).toMatch(/^Bearer /);
		expect(run.items[0]).toMatchObject({ id: env.buId, locations: env.info.locations });
	});

	test('Get Private with API Key Only fails before any request', async () => {
		const run = await runBusinessUnit(emulator, 'getPrivate', { businessUnit: byId(env.buId) });
		expect(errorOf(run)?.message).toMatch(/needs an access token/);
		expect(run.allRequests).toHaveLength(0);
	});

	test("Get Private of another account's business unit: a readable 403", async () => {
		const run = await runBusinessUnit(
			emulator,
			'getPrivate',
			{ businessUnit: byId(env.info.otherAccount.businessUnitId) },
			{ mode: 'clientCredentials' },
		);
		const error = errorOf(run) as Error & { httpCode?: string };
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/refused access/);
	});
});
