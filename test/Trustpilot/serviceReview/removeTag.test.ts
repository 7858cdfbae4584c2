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

const privateReview = async (id: unknown) => await emulator.client.getReview(String(id));

describe('Tags', () => {
	test('Remove Tag sends DELETE with group and value', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [
				{ group: 'generic', value: 'vip' },
				{ group: 'crm', value: 'case-17' },
			],
		});
		const run = await runServiceReview(emulator, 'removeTag', {
			reviewId: String(review.id),
			group: 'crm',
			value: 'case-17',
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`DELETE /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].query).toEqual({ group: 'crm', value: 'case-17' });
		expect(run.items).toEqual([
			{
				success: true,
				action: 'tagRemoved',
				reviewId: String(review.id),
				tag: { group: 'crm', value: 'case-17' },
			},
		]);
		expect((await privateReview(review.id)).tags).toEqual([{ group: 'generic', value: 'vip' }]);
	});
});
