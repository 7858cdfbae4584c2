// Business Unit resource against the emulator: every operation's request (host, path, query)
// and output items, cursor and page pagination costs, and the private-data guard.

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { byId, runBusinessUnit } from './support';

// Read-only operations: one seeded state serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;
let buId: string;

beforeAll(async () => {
	info = await emulator.client.info();
	buId = info.mainBusinessUnit.id;
});

describe('single business unit', () => {
	test('Find by domain and Get by ID return the same company', async () => {
		const found = await runBusinessUnit(emulator, 'find', { name: info.mainBusinessUnit.domain });
		expect(found.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: '/v1/business-units/find',
		});
		expect(found.requests[0].query).toEqual({ name: info.mainBusinessUnit.domain });
		const got = await runBusinessUnit(emulator, 'get', { businessUnit: byId(buId) });
		expect(got.requests[0].path).toBe(`/v1/business-units/${buId}`);
		expect(found.items).toEqual(got.items);
		expect(got.items[0]).toMatchObject({
			id: buId,
			displayName: info.mainBusinessUnit.displayName,
		});
	});
});
