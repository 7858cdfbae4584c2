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
	test('Get Web Links: locale is sent; a missing locale fails before sending', async () => {
		const run = await runBusinessUnit(emulator, 'getWebLinks', {
			businessUnit: byId(buId),
			locale: 'da-DK',
		});
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${buId}/web-links`,
		});
		expect(run.requests[0].query).toEqual({ locale: 'da-DK' });
		expect(run.items[0]).toMatchObject({ locale: 'da-DK' });
		expect(String(run.items[0].profileUrl)).toContain(info.mainBusinessUnit.domain);

		const missing = await runBusinessUnit(emulator, 'getWebLinks', {
			businessUnit: byId(buId),
			locale: '={{ $json.locale }}',
		});
		expect(errorOf(missing)?.message).toBe('Locale: is required and was empty');
		expect(missing.allRequests).toHaveLength(0);
	});
});
