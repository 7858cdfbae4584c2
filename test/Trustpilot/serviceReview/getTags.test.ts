// Service Review › Get Tags: the tags of a review, as pairs and as one list.

import { addKnownReview, runServiceReview, useServiceReviewEmulator } from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Tags', () => {
	test('Get Tags lists the tags of a review', async () => {
		const review = await addKnownReview(emulator, env.info, {
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
