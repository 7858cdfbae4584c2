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
	test('Get Categories: one item per category, country and locale passed on', async () => {
		const run = await runBusinessUnit(emulator, 'getCategories', {
			businessUnit: byId(buId),
			options: { country: 'us', locale: 'en-US' },
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/business-units/${buId}/categories`,
		});
		expect(run.requests[0].query).toEqual({ country: 'US', locale: 'en-US' });
		// The seeded main business unit is a clothing and a shoe store.
		expect(run.items.map((category) => category.categoryId)).toEqual([
			'clothing_store',
			'shoe_store',
		]);
		expect(run.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});
});
