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

describe('Get', () => {
	test('GET /business-units/{id} with the API key: one item for the unit, one request', async () => {
		const run = await runBusinessUnit(emulator, 'get', { businessUnit: byId(buId) });
		expect(errorOf(run)).toBeUndefined();
		expect(run.allRequests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${buId}`,
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			id: buId,
			displayName: info.mainBusinessUnit.displayName,
		});
	});
});
