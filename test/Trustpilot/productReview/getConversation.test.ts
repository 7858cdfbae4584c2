// Product Review › Get Conversation: by conversation ID and by review ID; no conversation gives an empty item.

import { run, useProductReviewEmulator, conversations, unansweredReview } from './support';

const env = useProductReviewEmulator();

describe('Conversations', () => {
	test('Get Conversation by ID and by review ID; a review without one gives an empty item', async () => {
		const [conversation] = await conversations(env);
		const direct = await run(env, 'getConversation', {
			conversationBy: 'conversationId',
			conversationId: conversation.id as string,
		});
		expect(direct.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/private/conversations/${conversation.id}`,
		]);
		expect(direct.items).toEqual([{ ...conversation, hasConversation: true }]);

		const viaReview = await run(env, 'getConversation', {
			conversationBy: 'reviewId',
			reviewId: conversation.sourceId as string,
		});
		expect(viaReview.requests.map((request) => request.path)).toEqual([
			`/v1/private/product-reviews/${conversation.sourceId}`,
			`/v1/private/conversations/${conversation.id}`,
		]);
		expect(viaReview.items).toEqual(direct.items);

		const review = await unansweredReview(env);
		const none = await run(env, 'getConversation', {
			conversationBy: 'reviewId',
			reviewId: review.id as string,
		});
		expect(none.requests).toHaveLength(1);
		expect(none.items).toEqual([
			{ reviewId: review.id, conversationId: null, hasConversation: false, comments: [] },
		]);
	});

	test('Find By from an expression in another case finds by review ID; a value that is no choice is refused', async () => {
		const [conversation] = await conversations(env);
		const byReview = await run(env, 'getConversation', {
			conversationBy: '={{ "ReviewId" }}',
			reviewId: conversation.sourceId as string,
			conversationId: 'not-used',
		});
		expect(byReview.error).toBeUndefined();
		expect(byReview.items[0]).toMatchObject({ hasConversation: true });
		const bad = await run(env, 'getConversation', {
			conversationBy: '={{ "email" }}',
			conversationId: conversation.id as string,
			reviewId: conversation.sourceId as string,
		});
		expect(bad.error?.message).toBe('Find By: "email" is not one of conversationId, reviewId');
		expect(bad.allRequests).toHaveLength(0);
	});
});
