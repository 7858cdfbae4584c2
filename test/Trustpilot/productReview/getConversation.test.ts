// Product Review › Reply and the conversation operations against the emulator: the requests of
// the reply flow (starting a conversation when needed), what is stored, and error paths.
import type { IDataObject } from 'n8n-workflow';

import type { JsonObject } from '../../harness/emulatorClient';
import { addScarfReviews, run, useProductReviewEmulator } from './support';

const env = useProductReviewEmulator();

async function conversations(): Promise<JsonObject[]> {
	return (await env.emulator.client.state()).conversations;
}

/** A published review the business has not answered yet (no conversation). */
async function unansweredReview(): Promise<IDataObject> {
	const [review] = await addScarfReviews(env, { stars: 2, content: 'Itchy wool.' });
	expect(review.conversationId).toBeNull();
	return review;
}

describe('Conversations', () => {
	test('Get Conversation by ID and by review ID; a review without one gives an empty item', async () => {
		const [conversation] = await conversations();
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

		const review = await unansweredReview();
		const none = await run(env, 'getConversation', {
			conversationBy: 'reviewId',
			reviewId: review.id as string,
		});
		expect(none.requests).toHaveLength(1);
		expect(none.items).toEqual([
			{ reviewId: review.id, conversationId: null, hasConversation: false, comments: [] },
		]);
	});
});
