// Product Review › Get: the private review read with a locale and flattened; continueOnFail over an invalid ID.

import { addScarfReviews, run, SCARF, useProductReviewEmulator } from './support';

const env = useProductReviewEmulator();

describe('Get', () => {
	test('reads the private review with a locale and flattens it', async () => {
		const [review] = await addScarfReviews(env, {
			stars: 5,
			email: 'happy@mail.example.net',
			content: 'Lovely scarf.',
		});
		const result = await run(env, 'get', {
			reviewId: review.id as string,
			options: { locale: 'en-US' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'GET',
			path: `/v1/private/product-reviews/${review.id}`,
			query: { locale: 'en-US' },
		});
		expect(result.items).toEqual([
			expect.objectContaining({
				id: review.id,
				stars: 5,
				content: 'Lovely scarf.',
				sku: SCARF,
				productName: 'Wool Scarf',
				consumerEmail: 'happy@mail.example.net',
				state: 'published',
				conversationId: null,
			}),
		]);
	});

	test('continueOnFail: an invalid ID becomes an error item, the next item is still read', async () => {
		const [review] = await addScarfReviews(env);
		const result = await run(
			env,
			'get',
			{ reviewId: '={{ $json.reviewId }}' },
			{ input: [{ reviewId: 'not-an-id' }, { reviewId: review.id }], continueOnFail: true },
		);
		expect(result.requests).toHaveLength(1);
		expect(result.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].error).toBe('Product Review ID: "not-an-id" is not a Trustpilot ID');
		expect(result.items[1].id).toBe(review.id);
	});
});
