// Business Unit resource against the emulator: every operation's request (host, path, query)
// and output items, cursor and page pagination costs, and the private-data guard.

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { byId, errorOf, runBusinessUnit } from './support';

// Read-only operations: one seeded state serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;
let buId: string;

beforeAll(async () => {
	info = await emulator.client.info();
	buId = info.mainBusinessUnit.id;
});

describe('single business unit', () => {
	test("Get Private: needs a token, returns the owner's view with locations", async () => {
		const run = await runBusinessUnit(
			emulator,
			'getPrivate',
			{ businessUnit: byId(buId) },
			{ mode: 'clientCredentials' },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/private/business-units/${buId}`,
		});
		expect(String(run.requests[0].headers.authorization)).toMatch(/^Bearer /);
		expect(run.items[0]).toMatchObject({ id: buId, locations: info.locations });
	});

	test('Get Private with API Key Only fails before any request', async () => {
		const run = await runBusinessUnit(emulator, 'getPrivate', { businessUnit: byId(buId) });
		expect(errorOf(run)?.message).toMatch(/needs an access token/);
		expect(run.allRequests).toHaveLength(0);
	});

	test("Get Private of another account's business unit: a readable 403", async () => {
		const run = await runBusinessUnit(
			emulator,
			'getPrivate',
			{ businessUnit: byId(info.otherAccount.businessUnitId) },
			{ mode: 'clientCredentials' },
		);
		const error = errorOf(run) as Error & { httpCode?: string };
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/refused access/);
	});
});
