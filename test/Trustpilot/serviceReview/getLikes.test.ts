// Service Review › Get Likes: GET /reviews/{id}/likes for a known review.

import { addKnownReview, runServiceReview, useServiceReviewEmulator } from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Get Likes and Get Web Links', () => {
	test('Get Likes reads /reviews/{id}/likes', async () => {
		const seeded = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'getLikes',
			{ reviewId: String(seeded.id) },
			{ mode: 'apiKey' },
		);
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/reviews/${String(seeded.id)}/likes`,
		]);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			reviewId: String(seeded.id),
			numberOfLikes: 0,
			likes: [],
		});
	});
});
