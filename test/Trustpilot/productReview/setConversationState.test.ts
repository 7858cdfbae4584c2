// Product Review › Set Conversation State: an empty 204 becomes a success item; a malformed ID is refused first.

import { run, useProductReviewEmulator, conversations } from './support';

const env = useProductReviewEmulator();

describe('Conversations', () => {
	test('Set Conversation State: empty 204 becomes a success item; a malformed ID is refused first', async () => {
		const [conversation] = await conversations(env);
		const result = await run(env, 'setConversationState', {
			conversationId: conversation.id as string,
			state: 'private',
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'POST',
			path: `/v1/private/conversations/${conversation.id}/state`,
			status: 204,
		});
		expect(result.requests[0].body).toEqual({ state: 'private' });
		expect(result.items).toEqual([
			{ success: true, action: 'stateSet', conversationId: conversation.id, state: 'private' },
		]);
		expect((await conversations(env)).find((entry) => entry.id === conversation.id)?.state).toBe(
			'private',
		);

		const bad = await run(env, 'setConversationState', {
			conversationId: '../state',
			state: 'public',
		});
		expect(bad.error?.message).toBe('Conversation ID: "../state" is not a Trustpilot ID');
		expect(bad.allRequests).toHaveLength(0);
	});
});
