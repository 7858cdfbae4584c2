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

	test('Set Conversation State: a State from an expression is matched to a choice, or refused before sending', async () => {
		const [conversation] = await conversations(env);
		const result = await run(
			env,
			'setConversationState',
			{ conversationId: conversation.id as string, state: '={{ $json.state }}' },
			{ input: [{ state: 'hidden' }, { state: ' Private ' }], continueOnFail: true },
		);
		expect(result.items[0].error).toBe('State: "hidden" is not one of private, public');
		expect(result.items[1]).toMatchObject({ success: true, state: 'private' });
		expect(result.requests.map((request) => request.body)).toEqual([{ state: 'private' }]);
	});
});
