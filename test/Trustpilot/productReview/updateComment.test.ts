// Product Review › Update Comment: the new text PUT and stored.
import type { IDataObject } from 'n8n-workflow';

import { run, useProductReviewEmulator, conversations } from './support';

const env = useProductReviewEmulator();

describe('Conversations', () => {
	test('Update Comment PUTs the new text', async () => {
		const [conversation] = await conversations(env);
		const [comment] = conversation.comments as IDataObject[];
		const result = await run(env, 'updateComment', {
			conversationId: conversation.id as string,
			commentId: comment.commentId as string,
			content: 'Thanks a lot for your review!',
			options: { integrationId: 'crm-7' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'PUT',
			path: `/v1/private/conversations/${conversation.id}/comments/${comment.commentId}`,
		});
		expect(result.requests[0].body).toEqual({
			content: 'Thanks a lot for your review!',
			integrationId: 'crm-7',
		});
		const stored = (
			(await conversations(env)).find((entry) => entry.id === conversation.id)
				?.comments as IDataObject[]
		)[0];
		expect(stored).toMatchObject({
			content: 'Thanks a lot for your review!',
			integrationId: 'crm-7',
		});
		expect(result.items).toEqual([{ ...stored, conversationId: conversation.id }]);
	});
});
