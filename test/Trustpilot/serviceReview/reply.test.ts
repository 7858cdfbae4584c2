// Service Review › Reply: author default and override, checks before sending, no resend after a 5xx, a retried 429.
import type { IDataObject } from 'n8n-workflow';

import {
	addKnownReview,
	errorOf,
	runServiceReview,
	useServiceReviewEmulator,
	storedReview,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

describe('Reply', () => {
	test("posts the message as the credential's business user and the reply is stored", async () => {
		const review = await addKnownReview(emulator, env.info);
		const message = 'Sorry about the delay. We have refunded the shipping cost.';
		const run = await runServiceReview(emulator, 'reply', { reviewId: String(review.id), message });

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		const [request] = run.requests;
		expect(`${request.method} ${request.path}`).toBe(
			`POST /v1/private/reviews/${String(review.id)}/reply`,
		);
		expect(request.body).toEqual({
			authorBusinessUserId: env.info.account.businessUser.id,
			message,
		});
		expect(String(request.headers['content-type'])).toMatch(/^application\/json/);
		expect(request.status).toBe(201);
		expect(run.items).toEqual([
			{
				success: true,
				action: 'replied',
				reviewId: String(review.id),
				authorBusinessUserId: env.info.account.businessUser.id,
				message,
			},
		]);

		const stored = (await storedReview(env, review.id)).companyReply as IDataObject;
		expect(stored).toMatchObject({
			text: message,
			authorBusinessUserId: env.info.account.businessUser.id,
			authorBusinessUserName: env.info.account.businessUser.name,
		});
		// Visible to the node too: Get (private) shows the reply.
		const get = await runServiceReview(emulator, 'get', {
			reviewId: String(review.id),
			source: 'private',
		});
		expect(get.items[0].replyText).toBe(message);
	});

	test('an explicit author overrides the credential (Business User Login has no default)', async () => {
		const review = await addKnownReview(emulator, env.info);
		const author = env.info.account.twoFactorUser.id;
		const run = await runServiceReview(
			emulator,
			'reply',
			{ reviewId: String(review.id), message: 'Thanks!', authorBusinessUserId: author },
			{ mode: 'password' },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((request) => request.body)).toEqual([
			{ authorBusinessUserId: author, message: 'Thanks!' },
		]);
		expect(
			((await storedReview(env, review.id)).companyReply as IDataObject).authorBusinessUserName,
		).toBe(env.info.account.twoFactorUser.name);
	});

	test('without author and without a credential Business User ID it fails before sending', async () => {
		const review = await addKnownReview(emulator, env.info);
		const run = await runServiceReview(
			emulator,
			'reply',
			{ reviewId: String(review.id), message: 'Hi' },
			{ mode: 'password' },
		);
		const error = errorOf(run) as unknown as { message: string; description: string };
		expect(error.message).toBe('Author Business User ID: is required and was empty');
		expect(error.description).toMatch(/Business User ID/);
		expect(run.requests).toHaveLength(0);
	});

	test('a malformed author ID or an empty message is rejected before sending', async () => {
		const review = await addKnownReview(emulator, env.info);
		const badAuthor = await runServiceReview(emulator, 'reply', {
			reviewId: String(review.id),
			message: 'Hi',
			authorBusinessUserId: 'jane',
		});
		expect(errorOf(badAuthor)?.message).toBe(
			'Author Business User ID: "jane" is not a Trustpilot ID',
		);
		const noMessage = await runServiceReview(emulator, 'reply', {
			reviewId: String(review.id),
			message: '   ',
		});
		expect(errorOf(noMessage)?.message).toBe('Message: is required and was empty');
		expect([...badAuthor.requests, ...noMessage.requests]).toHaveLength(0);
	});

	test('a 5xx after Trustpilot stored the reply: error item says the outcome is uncertain, no second attempt', async () => {
		const review = await addKnownReview(emulator, env.info);
		await emulator.client.addFault({
			match: { method: 'POST', route: '/v1/private/reviews/{reviewId}/reply' },
			action: { status: 503, afterProcess: true, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const run = await runServiceReview(
			emulator,
			'reply',
			{ reviewId: String(review.id), message: 'We are on it.' },
			{ continueOnFail: true },
		);
		expect(run.items).toHaveLength(1);
		expect(String(run.items[0].error)).toMatch(/^Outcome unknown: /);
		expect(String(run.items[0].details)).toMatch(/may already have been processed/);
		expect(run.items[0].httpCode).toBe('503');
		expect(
			run.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([`POST /v1/private/reviews/${String(review.id)}/reply 503`]);
		// The emulator did store it: a retry would have posted it twice.
		expect(((await storedReview(env, review.id)).companyReply as IDataObject).text).toBe(
			'We are on it.',
		);
	});

	test('a 429 on Reply is retried (Trustpilot did not process it) and succeeds', async () => {
		const review = await addKnownReview(emulator, env.info);
		await emulator.client.addFault({
			match: { method: 'POST', route: '/v1/private/reviews/{reviewId}/reply' },
			action: { status: 429, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const run = await runServiceReview(emulator, 'reply', {
			reviewId: String(review.id),
			message: 'Thank you',
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests.map((request) => request.status)).toEqual([429, 201]);
		expect(run.items[0]).toMatchObject({ success: true, action: 'replied' });
	});
});
