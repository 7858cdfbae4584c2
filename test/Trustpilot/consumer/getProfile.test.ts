// Consumer and Category resources against the emulator: request paths and queries, items
// produced, page-link pagination costs and input checks.
import type { IDataObject } from 'n8n-workflow';

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { runConsumer } from './support';

// Read-only operations: one seeded state (plus the reviews added below) serves the whole file.
const emulator = useEmulator({ resetBeforeEach: false });
let info: EmulatorInfo;

beforeAll(async () => {
	info = await emulator.client.info();
});

describe('Consumer', () => {
	// A prolific reviewer: 100 five-star English reviews of the main company and 30 one-star
	// Danish reviews of the second one, so lists span two pages of 100.
	const email = 'prolific.reviewer@mail.example.net';
	let consumerId: string;
	let secondBusinessUnitId: string;

	beforeAll(async () => {
		secondBusinessUnitId = info.businessUnits.find(
			(unit) => unit.id !== info.mainBusinessUnit.id,
		)!.id;
		const first = await emulator.client.addReviews({
			businessUnitId: info.mainBusinessUnit.id,
			email,
			count: 100,
			stars: 5,
			language: 'en',
		});
		await emulator.client.addReviews({
			businessUnitId: secondBusinessUnitId,
			email,
			count: 30,
			stars: 1,
			language: 'da',
		});
		consumerId = String((first.reviews[0].consumer as IDataObject).id);
	});

	test('Get Profile: GET /consumers/{id}/profile', async () => {
		const done = await runConsumer(emulator, 'getProfile', { consumerId });
		expect(done.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/consumers/${consumerId}/profile`,
		});
		expect(done.items[0]).toMatchObject({ id: consumerId, numberOfReviews: 130 });
		// Public consumer data never carries the email address.
		expect(JSON.stringify(done.items[0])).not.toContain(email);
	});
});
