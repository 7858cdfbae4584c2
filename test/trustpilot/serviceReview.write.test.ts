// Service Review › writes: Reply (author default, no resend after a 5xx), Delete Reply, tags and
// Request Find Reviewer. Results are checked in the emulator's state, not only in node output.
import type { IDataObject } from 'n8n-workflow';

import type { EmulatorInfo } from '../harness/emulatorClient';
import { useEmulator } from '../harness/fixtures';
import { addKnownReview, byId, errorOf, runServiceReview } from './serviceReview.shared';

const emulator = useEmulator();
let info: EmulatorInfo;

beforeAll(async () => {
	info = await emulator.client.info();
});

const privateReview = async (id: unknown) => await emulator.client.getReview(String(id));

describe('Reply', () => {
	test("posts the message as the credential's business user and the reply is stored", async () => {
		const review = await addKnownReview(emulator, info);
		const message = 'Sorry about the delay. We have refunded the shipping cost.';
		const run = await runServiceReview(emulator, 'reply', { reviewId: String(review.id), message });

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		const [request] = run.requests;
		expect(`${request.method} ${request.path}`).toBe(
			`POST /v1/private/reviews/${String(review.id)}/reply`,
		);
		expect(request.body).toEqual({ authorBusinessUserId: info.account.businessUser.id, message });
		expect(String(request.headers['content-type'])).toMatch(/^application\/json/);
		expect(request.status).toBe(201);
		expect(run.items).toEqual([
			{
				success: true,
				action: 'replied',
				reviewId: String(review.id),
				authorBusinessUserId: info.account.businessUser.id,
				message,
			},
		]);

		const stored = (await privateReview(review.id)).companyReply as IDataObject;
		expect(stored).toMatchObject({
			text: message,
			authorBusinessUserId: info.account.businessUser.id,
			authorBusinessUserName: info.account.businessUser.name,
		});
		// Visible to the node too: Get (private) shows the reply.
		const get = await runServiceReview(emulator, 'get', {
			reviewId: String(review.id),
			source: 'private',
		});
		expect(get.items[0].replyText).toBe(message);
	});

	test('an explicit author overrides the credential (Business User Login has no default)', async () => {
		const review = await addKnownReview(emulator, info);
		const author = info.account.twoFactorUser.id;
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
			((await privateReview(review.id)).companyReply as IDataObject).authorBusinessUserName,
		).toBe(info.account.twoFactorUser.name);
	});

	test('without author and without a credential Business User ID it fails before sending', async () => {
		const review = await addKnownReview(emulator, info);
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
		const review = await addKnownReview(emulator, info);
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
		const review = await addKnownReview(emulator, info);
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
		expect(((await privateReview(review.id)).companyReply as IDataObject).text).toBe(
			'We are on it.',
		);
	});

	test('a 429 on Reply is retried (Trustpilot did not process it) and succeeds', async () => {
		const review = await addKnownReview(emulator, info);
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

describe('Delete Reply', () => {
	test('removes the stored reply and returns a success item', async () => {
		const review = await addKnownReview(emulator, info);
		await runServiceReview(emulator, 'reply', {
			reviewId: String(review.id),
			message: 'Temporary reply',
		});
		expect((await privateReview(review.id)).companyReply).not.toBeNull();

		const run = await runServiceReview(emulator, 'deleteReply', { reviewId: String(review.id) });
		expect(
			run.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([`DELETE /v1/private/reviews/${String(review.id)}/reply 204`]);
		expect(run.items).toEqual([
			{ success: true, action: 'replyDeleted', reviewId: String(review.id) },
		]);
		expect((await privateReview(review.id)).companyReply).toBeNull();
	});

	test('with an API-key-only credential it fails before any request', async () => {
		const review = await addKnownReview(emulator, info);
		const run = await runServiceReview(
			emulator,
			'deleteReply',
			{ reviewId: String(review.id) },
			{ mode: 'apiKey' },
		);
		expect(errorOf(run)?.message).toMatch(/needs an access token/);
		expect(await emulator.client.requests()).toHaveLength(0);
	});
});

describe('Tags', () => {
	const tags = (...pairs: Array<[string, string]>) => ({
		tag: pairs.map(([group, value]) => ({ group, value })),
	});

	test('Get Tags lists the tags of a review', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [{ group: 'generic', value: 'vip' }],
		});
		const run = await runServiceReview(emulator, 'getTags', { reviewId: String(review.id) });
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.items).toEqual([
			{
				reviewId: String(review.id),
				tags: [{ group: 'generic', value: 'vip' }],
				tagList: 'generic:vip',
			},
		]);
	});

	test('Add Tags (PUT) keeps existing tags; the group defaults to "generic"', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [{ group: 'generic', value: 'vip' }],
		});
		const run = await runServiceReview(emulator, 'addTags', {
			reviewId: String(review.id),
			tags: { tag: [{ value: 'refund' }, { group: 'crm', value: 'case-17' }] },
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`PUT /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].body).toEqual({
			tags: [
				{ group: 'generic', value: 'refund' },
				{ group: 'crm', value: 'case-17' },
			],
		});
		expect(run.items[0]).toMatchObject({
			success: true,
			action: 'tagsAdded',
			reviewId: String(review.id),
		});
		expect((await privateReview(review.id)).tags).toEqual([
			{ group: 'generic', value: 'vip' },
			{ group: 'generic', value: 'refund' },
			{ group: 'crm', value: 'case-17' },
		]);
	});

	test('Set Tags (POST) replaces all tags', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [{ group: 'generic', value: 'vip' }],
		});
		const run = await runServiceReview(emulator, 'setTags', {
			reviewId: String(review.id),
			tags: tags(['generic', 'handled']),
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].body).toEqual({ tags: [{ group: 'generic', value: 'handled' }] });
		expect(run.items[0]).toMatchObject({ success: true, action: 'tagsSet' });
		expect((await privateReview(review.id)).tags).toEqual([{ group: 'generic', value: 'handled' }]);
	});

	test('Remove Tag sends DELETE with group and value', async () => {
		const review = await addKnownReview(emulator, info, {
			tags: [
				{ group: 'generic', value: 'vip' },
				{ group: 'crm', value: 'case-17' },
			],
		});
		const run = await runServiceReview(emulator, 'removeTag', {
			reviewId: String(review.id),
			group: 'crm',
			value: 'case-17',
		});
		expect(run.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`DELETE /v1/private/reviews/${String(review.id)}/tags`,
		]);
		expect(run.requests[0].query).toEqual({ group: 'crm', value: 'case-17' });
		expect(run.items).toEqual([
			{
				success: true,
				action: 'tagRemoved',
				reviewId: String(review.id),
				tag: { group: 'crm', value: 'case-17' },
			},
		]);
		expect((await privateReview(review.id)).tags).toEqual([{ group: 'generic', value: 'vip' }]);
	});

	test('tags with spaces are review tags like any other: added, then found by the tag filter', async () => {
		// The docs filter by tagGroup=Group Name / tagValue=Tag Name; only BGL and invitation tags forbid spaces.
		const review = await addKnownReview(emulator, info);
		const run = await runServiceReview(
			emulator,
			'addTags',
			{ reviewId: '={{ $json.id }}', tags: tags(['Group Name', 'late delivery']) },
			{ input: [{ id: review.id }] },
		);
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].body).toEqual({
			tags: [{ group: 'Group Name', value: 'late delivery' }],
		});
		const stored = await emulator.client.getReview(String(review.id));
		expect(stored.tags).toEqual([{ group: 'Group Name', value: 'late delivery' }]);
		const listed = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(info.mainBusinessUnit.id),
			source: 'private',
			returnAll: true,
			simplify: false,
			filters: { tagGroup: 'Group Name', tagValue: 'late delivery' },
		});
		expect(errorOf(listed)).toBeUndefined();
		expect(listed.requests[0].query).toMatchObject({
			tagGroup: 'Group Name',
			tagValue: 'late delivery',
		});
		expect(listed.items.map((item) => item.id)).toEqual([review.id]);
	});

	test('Add Tags without any tag is rejected', async () => {
		const review = await addKnownReview(emulator, info);
		const run = await runServiceReview(emulator, 'addTags', {
			reviewId: String(review.id),
			tags: {},
		});
		expect(errorOf(run)?.message).toBe('Tags: add at least one tag');
		expect(run.requests).toHaveLength(0);
	});
});

describe('Request Find Reviewer', () => {
	test('posts the message and the emulator records the request', async () => {
		const review = await addKnownReview(emulator, info);
		const message = 'Could you share your order number so we can help?';
		const run = await runServiceReview(emulator, 'findReviewer', {
			reviewId: String(review.id),
			message,
			skipNotificationEmailToBusinessUser: true,
		});
		expect(
			run.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([`POST /v1/private/reviews/${String(review.id)}/find-reviewer 201`]);
		expect(run.requests[0].body).toEqual({ message, skipNotificationEmailToBusinessUser: true });
		expect(run.items).toEqual([
			{ success: true, action: 'findReviewerRequested', reviewId: String(review.id) },
		]);
		const recorded = (await emulator.client.state()).findReviewerRequests.filter(
			(entry) => entry.reviewId === review.id,
		);
		expect(recorded).toHaveLength(1);
		expect(recorded[0]).toMatchObject({
			message,
			skipNotificationEmailToBusinessUser: true,
			businessUnitId: info.mainBusinessUnit.id,
		});
	});
});
