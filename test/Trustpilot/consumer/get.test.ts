// Consumer › Get: GET /consumers/{id} for a seeded reviewer; a malformed ID refused, continueOnFail goes on.

import { errorOf, runConsumer, seedProlificReviewer, useConsumerEmulator } from './support';

const env = useConsumerEmulator();
const { emulator } = env;

describe('Consumer', () => {
	const reviewer = seedProlificReviewer(env);

	test('Get: GET /consumers/{id}', async () => {
		const done = await runConsumer(emulator, 'get', { consumerId: reviewer.consumerId });
		expect(errorOf(done)).toBeUndefined();
		expect(done.requests).toHaveLength(1);
		expect(done.requests[0]).toMatchObject({
			method: 'GET',
			host: 'api',
			path: `/v1/consumers/${reviewer.consumerId}`,
			status: 200,
		});
		expect(done.items).toHaveLength(1);
		expect(done.items[0]).toMatchObject({ id: reviewer.consumerId, numberOfReviews: 130 });
	});

	test('a malformed consumer ID fails before any request; continueOnFail goes on', async () => {
		const done = await runConsumer(
			emulator,
			'get',
			{ consumerId: '={{ $json.id }}' },
			[{ id: 'jane-doe' }, { id: reviewer.consumerId }],
			true,
		);
		expect(done.items[0].error).toBe('Consumer ID: "jane-doe" is not a Trustpilot ID');
		expect(done.items[1]).toMatchObject({ id: reviewer.consumerId });
		expect(done.requests).toHaveLength(1);
	});
});
