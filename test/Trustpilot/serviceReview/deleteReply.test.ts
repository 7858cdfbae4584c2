// Service Review › writes: Reply (author default, no resend after a 5xx), Delete Reply, tags and
// Request Find Reviewer. Results are checked in the emulator's state, not only in node output.

import type { EmulatorInfo } from '../../harness/emulatorClient';
import { useEmulator } from '../../harness/fixtures';
import { addKnownReview, errorOf, runServiceReview } from './support';

const emulator = useEmulator();
let info: EmulatorInfo;

beforeAll(async () => {
	info = await emulator.client.info();
});

const privateReview = async (id: unknown) => await emulator.client.getReview(String(id));

describe('Delete Reply', () => {
	test('removes the stored reply and returns a success item', async () => {
		const review = await addKnownReview(emulator, info);
		await runServiceReview(emulator, 'reply', {
			reviewId: String(review.id),
			message: 'Temporary reply',
		});
		expect((await privateReview(review.id)).companyReply).not.toBeNull();

		const run = await runServiceReview(emulator, 'deleteReply', { reviewId: String(review.id) });
		expect(
			run.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([`DELETE /v1/private/reviews/${String(review.id)}/reply 204`]);
		expect(run.items).toEqual([
			{ success: true, action: 'replyDeleted', reviewId: String(review.id) },
		]);
		expect((await privateReview(review.id)).companyReply).toBeNull();
	});

	test('with an API-key-only credential it fails before any request', async () => {
		const review = await addKnownReview(emulator, info);
		const run = await runServiceReview(
			emulator,
			'deleteReply',
			{ reviewId: String(review.id) },
			{ mode: 'apiKey' },
		);
		expect(errorOf(run)?.message).toMatch(/needs an access token/);
		expect(await emulator.client.requests()).toHaveLength(0);
	});
});
