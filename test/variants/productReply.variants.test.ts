// Product-review Reply when create-conversation meets a review that already has a conversation:
// undocumented, so 409 (default), 400 (variant conversation-exists-400) or 201 with the same id
// (variant conversation-exists-201). The node reads the review's conversationId first; the race
// below (a stale read) is the only way it ever calls create-conversation on such a review.
import type { IDataObject } from 'n8n-workflow';

import { activeVariants } from '../harness/variants';
import { run, useProductReviewEmulator } from '../Trustpilot/productReview/support';

const env = useProductReviewEmulator();

async function conversations(): Promise<IDataObject[]> {
	return (await env.emulator.client.state()).conversations;
}

describe(`product Reply (variants: ${activeVariants().join(', ') || 'default'})`, () => {
	it('a review with a conversation: one read, the comment on that conversation, create-conversation never called', async () => {
		const [conversation] = await conversations();
		const done = await run(env, 'reply', {
			reviewId: String(conversation.sourceId),
			content: 'Thanks again.',
		});
		expect(done.error).toBeUndefined();
		expect(done.requests.map((request) => `${request.method} ${request.route}`)).toEqual([
			'GET GET /v1/private/product-reviews/{reviewId}',
			'POST POST /v1/private/conversations/{conversationId}/comments',
		]);
		expect(done.items[0]).toMatchObject({
			conversationId: conversation.id,
			conversationStarted: false,
		});
	});

	it('a conversation started meanwhile (stale read): whatever create-conversation answers, the comment lands on it and no second one exists', async () => {
		const before = await conversations();
		const [conversation] = before;
		const reviewId = String(conversation.sourceId);
		// The first read of the review says "no conversation" (another run is starting one).
		await env.emulator.client.addFault({
			match: { method: 'GET', pathRegex: `/private/product-reviews/${reviewId}$` },
			action: { status: 200, body: { id: reviewId, state: 'published', conversationId: null } },
			times: 1,
		});
		const done = await run(env, 'reply', { reviewId, content: 'Following up.' });
		expect(done.error).toBeUndefined();
		const comment = done.requests.find((request) => request.path.endsWith('/comments'));
		expect(comment?.path).toBe(`/v1/private/conversations/${conversation.id}/comments`);
		expect(done.items[0]).toMatchObject({ conversationId: conversation.id, success: true });
		expect(await conversations()).toHaveLength(before.length);
		const stored = (await conversations()).find(
			(entry) => entry.id === conversation.id,
		) as IDataObject;
		expect((stored.comments as IDataObject[]).map((entry) => entry.content)).toContain(
			'Following up.',
		);
	});
});
