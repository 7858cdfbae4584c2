// Service Review › Delete Reply: the stored reply removed (checked in the emulator), refused with an API key.

import {
	addKnownReview,
	errorOf,
	runServiceReview,
	useServiceReviewEmulator,
	storedReview,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Delete Reply', () => {
	test('removes the stored reply and returns a success item', async () => {
		const review = await addKnownReview(emulator, env.info);
		await runServiceReview(emulator, 'reply', {
			reviewId: String(review.id),
			message: 'Temporary reply',
		});
		expect((await storedReview(env, review.id)).companyReply).not.toBeNull();

		const run = await runServiceReview(emulator, 'deleteReply', { reviewId: String(review.id) });
		expect(
			run.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([`DELETE /v1/private/reviews/${String(review.id)}/reply 204`]);
		expect(run.items).toEqual([
			{ success: true, action: 'replyDeleted', reviewId: String(review.id) },
		]);
		expect((await storedReview(env, review.id)).companyReply).toBeNull();
	});

	test('with an API-key-only credential it fails before any request', async () => {
		const review = await addKnownReview(emulator, env.info);
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
