// Service Review › writes: Reply (author default, no resend after a 5xx), Delete Reply, tags and
// Request Find Reviewer. Results are checked in the emulator's state, not only in node output.

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { addKnownReview, runServiceReview } from './support';

const emulator = useEmulator();
let info: EmulatorInfo;

beforeAll(async () => {
	info = await emulator.client.info();
});

describe('Tags', () => {
	test('Get Tags lists the tags of a review', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [{ group: 'generic', value: 'vip' }],
		});
		const run = await runServiceReview(emulator, 'getTags', { reviewId: String(review.id) });
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.items).toEqual([
			{
				reviewId: String(review.id),
				tags: [{ group: 'generic', value: 'vip' }],
				tagList: 'generic:vip',
			},
		]);
	});
});
