// Consumer › Get Profile: GET /consumers/{id}/profile, without the reviewer's reviewer.email address.

import { runConsumer, seedProlificReviewer, useConsumerEmulator } from './support';

const env = useConsumerEmulator();
const { emulator } = env;

describe('Consumer', () => {
	const reviewer = seedProlificReviewer(env);

	test('Get Profile: GET /consumers/{id}/profile', async () => {
		const done = await runConsumer(emulator, 'getProfile', { consumerId: reviewer.consumerId });
		expect(done.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/consumers/${reviewer.consumerId}/profile`,
		});
		expect(done.items[0]).toMatchObject({ id: reviewer.consumerId, numberOfReviews: 130 });
		// Public consumer data never carries the reviewer.email address.
		expect(JSON.stringify(done.items[0])).not.toContain(reviewer.email);
	});
});
