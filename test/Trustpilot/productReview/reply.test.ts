// Product Review › Reply: starting a conversation when needed, the integration ID, no retry of a 5xx, checks and guards.
import type { IDataObject } from 'n8n-workflow';

import type { JsonObject } from '../../harness/emulatorClient';
import { run, useProductReviewEmulator, conversations, unansweredReview } from './support';

const env = useProductReviewEmulator();

describe('Reply', () => {
	test('a review without conversation: read it, create-conversation, then the comment (3 requests)', async () => {
		const review = await unansweredReview(env);
		const result = await run(env, 'reply', {
			reviewId: review.id as string,
			content: 'Sorry to hear that. We will send a softer one.',
		});
		expect(result.error).toBeUndefined();
		expect(
			result.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([
			`GET /v1/private/product-reviews/${review.id} 200`,
			`POST /v1/private/product-reviews/${review.id}/create-conversation 201`,
			expect.stringMatching(/^POST \/v1\/private\/conversations\/\w+\/comments 201$/),
		]);
		// Client Credentials: both writes act as the credential's business user.
		const credentialUser = env.emulator.info.account.businessUser.id;
		expect(result.requests[1].headers['x-business-user-id']).toBe(credentialUser);
		expect(result.requests[2].headers['x-business-user-id']).toBe(credentialUser);
		expect(result.requests[2].body).toEqual({
			content: 'Sorry to hear that. We will send a softer one.',
		});
		expect(
			result.requests.every((request) =>
				String(request.headers.authorization).startsWith('Bearer '),
			),
		).toBe(true);
		const conversation = (await conversations(env)).find(
			(entry) => entry.sourceId === review.id,
		) as JsonObject;
		const [comment] = conversation.comments as IDataObject[];
		expect(result.items).toEqual([
			{
				success: true,
				action: 'replied',
				reviewId: review.id,
				conversationId: conversation.id,
				conversationStarted: true,
				commentId: comment.commentId,
				createdAt: comment.createdAt,
				content: 'Sorry to hear that. We will send a softer one.',
			},
		]);
	});

	test('with the conversation ID: one request; the comment carries the integration ID', async () => {
		const [conversation] = await conversations(env);
		const result = await run(env, 'reply', {
			reviewId: conversation.sourceId as string,
			content: 'One more thing…',
			options: { conversationId: conversation.id as string, integrationId: 'crm-42' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'POST',
			path: `/v1/private/conversations/${conversation.id}/comments`,
		});
		expect(result.requests[0].body).toEqual({
			content: 'One more thing…',
			integrationId: 'crm-42',
		});
		const after = (await conversations(env)).find(
			(entry) => entry.id === conversation.id,
		) as JsonObject;
		expect((after.comments as IDataObject[]).map((comment) => comment.content)).toEqual([
			'Thanks for your review!',
			'One more thing…',
		]);
		expect(result.items[0]).toMatchObject({
			conversationId: conversation.id,
			conversationStarted: false,
		});
	});

	test('a review that already has a conversation: its conversationId is used, create-conversation is never called', async () => {
		const before = await conversations(env);
		const [conversation] = before;
		const result = await run(env, 'reply', {
			reviewId: conversation.sourceId as string,
			content: 'Following up.',
		});
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
			'GET 200',
			'POST 201',
		]);
		expect(result.requests[1].path).toBe(`/v1/private/conversations/${conversation.id}/comments`);
		expect(await conversations(env)).toHaveLength(before.length);
		expect(result.items[0]).toMatchObject({
			conversationId: conversation.id,
			conversationStarted: false,
		});
	});

	test('a 5xx on create-conversation is not retried and says the outcome is unknown', async () => {
		const review = await unansweredReview(env);
		await env.emulator.client.addFault({
			match: { method: 'POST', pathRegex: '/create-conversation$' },
			action: { status: 503, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const result = await run(env, 'reply', { reviewId: review.id as string, content: 'Hello' });
		expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
			'GET 200',
			'POST 503',
		]);
		expect(result.error?.message).toMatch(/^Outcome unknown: /);
	});

	test('an empty comment fails naming the field; continueOnFail replies to the next item', async () => {
		const review = await unansweredReview(env);
		const result = await run(
			env,
			'reply',
			{ reviewId: review.id as string, content: '={{ $json.text }}' },
			{ input: [{ text: '   ' }, { text: 'Thanks!' }], continueOnFail: true },
		);
		expect(result.items[0]).toEqual({
			error: 'Comment: is required and was empty',
			details: 'Check the "Comment" parameter of item 1.',
		});
		expect(result.items[1]).toMatchObject({
			success: true,
			reviewId: review.id,
			content: 'Thanks!',
		});
		expect(result.requests).toHaveLength(3);
	});

	test('an API-key-only credential fails before any request', async () => {
		const review = await unansweredReview(env);
		const result = await run(
			env,
			'reply',
			{ reviewId: review.id as string, content: 'Hi' },
			{ credential: env.apiKeyOnly },
		);
		expect(result.error?.message).toBe(
			'This operation reads or changes private data, which needs an access token',
		);
		expect(result.allRequests).toHaveLength(0);
	});
});
