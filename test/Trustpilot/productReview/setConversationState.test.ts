// Product Review › Reply and the conversation operations against the emulator: the requests of
// the reply flow (starting a conversation when needed), what is stored, and error paths.

import type { JsonObject } from '../../harness/emulatorClient';
import { run, useProductReviewEmulator } from './support';

const env = useProductReviewEmulator();

async function conversations(): Promise<JsonObject[]> {
	return (await env.emulator.client.state()).conversations;
}

describe('Conversations', () => {
	test('Set Conversation State: empty 204 becomes a success item; a malformed ID is refused first', async () => {
		const [conversation] = await conversations();
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
		expect((await conversations()).find((entry) => entry.id === conversation.id)?.state).toBe(
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
