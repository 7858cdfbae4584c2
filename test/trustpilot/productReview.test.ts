// Product Review resource against the emulator: what each operation sends (method, host, path,
// query, body, auth headers), the items it produces, page costs, the reply flow and error paths.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult } from '../harness/engine';
import {
	callApi,
	type EmulatorInfo,
	type JsonObject,
	type LoggedRequest,
} from '../harness/emulatorClient';
import { trustpilotCredential, useEmulator, type TestCredential } from '../harness/fixtures';

// Reply and the conversation operations write, so every test starts from the seeded state.
const emulator = useEmulator();
let info: EmulatorInfo;
let buId: string;
let apiKeyOnly: TestCredential;
let clientCredentials: TestCredential;

beforeEach(async () => {
	info = await emulator.client.info();
	buId = info.mainBusinessUnit.id;
	apiKeyOnly = await trustpilotCredential(emulator, 'apiKey');
	clientCredentials = await trustpilotCredential(emulator, 'clientCredentials');
});

interface Run {
	result: RunResult & { output: INodeExecutionData[] };
	items: IDataObject[];
	/** API requests of this run, token requests left out. */
	requests: LoggedRequest[];
	allRequests: LoggedRequest[];
	error: Error | undefined;
}

async function run(
	operation: string,
	parameters: INodeParameters,
	options: { credential?: TestCredential; input?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<Run> {
	const credential = options.credential ?? clientCredentials;
	await emulator.client.clearRequests();
	const result = await runNode(
		{
			type: 'trustpilot',
			parameters: { resource: 'productReview', operation, ...parameters },
			credentials: credential.credentials,
			continueOnFail: options.continueOnFail,
		},
		options.input ?? [{}],
		credential.store,
	);
	const allRequests = await emulator.client.requests();
	return {
		result,
		items: result.output.map((item) => item.json),
		requests: allRequests.filter((request) => !request.path.includes('/oauth/')),
		allRequests,
		error: result.error ?? result.nodeError('Trustpilot'),
	};
}

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const SCARF = 'SCARF-WOL-01'; // in the seeded catalogue, with no reviews yet

async function addScarfReviews(
	extra: { count?: number; stars?: number; state?: string; email?: string; content?: string } = {},
) {
	const added = await emulator.client.addProductReviews({
		businessUnitId: buId,
		sku: SCARF,
		...extra,
	});
	return added.productReviews as IDataObject[];
}

async function productLink(sku: string): Promise<string> {
	const product = (await emulator.client.state()).products.find((entry) => entry.sku === sku);
	return String(product?.link);
}

async function publicApi(path: string): Promise<JsonObject> {
	const response = await callApi(`${emulator.handle.apiUrl}${path}`, {
		headers: { apikey: info.account.apiKey },
	});
	expect(response.status).toBe(200);
	return response.json;
}

async function conversations(): Promise<JsonObject[]> {
	return (await emulator.client.state()).conversations;
}

/** A published review the business has not answered yet (no conversation). */
async function unansweredReview(): Promise<IDataObject> {
	const [review] = await addScarfReviews({ stars: 2, content: 'Itchy wool.' });
	expect(review.conversationId).toBeNull();
	return review;
}

describe('Get Many', () => {
	const publicPath = () => `/v1/product-reviews/business-units/${buId}/reviews`;

	test('public, Return All: ⌈N/100⌉ requests with the API key only, flat items', async () => {
		const added = await addScarfReviews({ count: 230, stars: 4, content: 'Warm and soft.' });
		const result = await run(
			'getAll',
			{ businessUnit: byId(buId), source: 'public', sku: SCARF, returnAll: true },
			{ credential: apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(Math.ceil(230 / 100));
		result.requests.forEach((request, index) => {
			expect(request).toMatchObject({ method: 'GET', host: 'api', path: publicPath() });
			expect(request.query).toEqual({ sku: SCARF, perPage: '100', page: String(index + 1) });
			expect(request.headers.apikey).toBe(info.account.apiKey);
			expect(request.headers.authorization).toBeUndefined();
		});
		expect(result.items).toHaveLength(230);
		expect(new Set(result.items.map((item) => item.id))).toEqual(
			new Set(added.map((review) => review.id)),
		);
		const sample = added[17];
		const consumer = sample.consumer as IDataObject;
		expect(result.items.find((item) => item.id === sample.id)).toEqual({
			id: sample.id,
			stars: 4,
			content: 'Warm and soft.',
			language: sample.language,
			locale: sample.locale,
			createdAt: sample.createdAt,
			sku: SCARF,
			productName: 'Wool Scarf',
			consumerName: consumer.name,
			businessUnitId: buId,
			reply: null,
		});
	});

	test('public by product URL with stars and language filters and a limit: one request', async () => {
		const url = await productLink('TEE-BLK-M');
		const expected = await publicApi(
			`/product-reviews/business-units/${buId}/reviews?productUrl=${encodeURIComponent(url)}&stars=4,5&language=en&perPage=5`,
		);
		const result = await run('getAll', {
			businessUnit: byId(buId),
			source: 'public',
			productUrl: url,
			limit: 5,
			simplify: false,
			filters: { stars: [5, 4], language: 'en' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query).toEqual({
			productUrl: url,
			stars: '4,5',
			language: 'en',
			perPage: '5',
			page: '1',
		});
		expect(result.items).toEqual(expected.productReviews);
		expect(result.items).toHaveLength(5);
	});

	test('public without SKU or product URL fails naming both fields, before any request', async () => {
		const result = await run('getAll', {
			businessUnit: byId(buId),
			source: 'public',
			returnAll: true,
		});
		expect(result.error?.message).toBe('SKU or Product URL: set at least one of them');
		expect(result.allRequests).toHaveLength(0);
	});

	test('private: states and SKU filter, Bearer token, consumer email and reference ID', async () => {
		const archived = await addScarfReviews({
			count: 3,
			state: 'archived',
			email: 'scarf.buyer@mail.example.net',
		});
		await addScarfReviews({ count: 2 });
		const result = await run('getAll', {
			businessUnit: byId(buId),
			source: 'private',
			states: ['archived', 'underModeration'],
			returnAll: true,
			filters: { sku: ` ${SCARF} ` },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		const [request] = result.requests;
		expect(request).toMatchObject({
			method: 'GET',
			path: `/v1/private/product-reviews/business-units/${buId}/reviews`,
		});
		expect(request.query).toEqual({
			state: 'archived,underModeration',
			sku: SCARF,
			perPage: '100',
			page: '1',
		});
		expect(String(request.headers.authorization)).toMatch(/^Bearer \S+/);
		expect(result.items.map((item) => item.id).sort()).toEqual(
			archived.map((review) => review.id).sort(),
		);
		for (const item of result.items) {
			const source = archived.find((review) => review.id === item.id) as IDataObject;
			expect(item).toMatchObject({
				consumerEmail: 'scarf.buyer@mail.example.net',
				state: 'archived',
				referenceId: source.referenceId,
				conversationId: null,
				businessUnitId: buId,
			});
		}
	});

	test('private, Return All over every state: ⌈N/100⌉ requests, raw items with Simplify off', async () => {
		const total = info.businessUnits.find((unit) => unit.id === buId)?.productReviewCount ?? 0;
		expect(total).toBeGreaterThan(100);
		const result = await run('getAll', {
			businessUnit: byId(buId),
			source: 'private',
			states: ['published', 'unpublished', 'underModeration', 'archived'],
			returnAll: true,
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(Math.ceil(total / 100));
		expect(new Set(result.items.map((item) => item.id)).size).toBe(total);
		expect(result.items[0]).toHaveProperty('attributeRatings');
		expect((result.items[0].consumer as IDataObject).email).toEqual(expect.stringContaining('@'));
	});

	test('private with an API-key-only credential fails before any request', async () => {
		const result = await run(
			'getAll',
			{ businessUnit: byId(buId), source: 'private', returnAll: true },
			{ credential: apiKeyOnly },
		);
		expect(result.error?.message).toBe(
			'This operation reads or changes private data, which needs an access token',
		);
		expect(result.allRequests).toHaveLength(0);
	});
});

describe('Get', () => {
	test('reads the private review with a locale and flattens it', async () => {
		const [review] = await addScarfReviews({
			stars: 5,
			email: 'happy@mail.example.net',
			content: 'Lovely scarf.',
		});
		const result = await run('get', {
			reviewId: review.id as string,
			options: { locale: 'en-US' },
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'GET',
			path: `/v1/private/product-reviews/${review.id}`,
			query: { locale: 'en-US' },
		});
		expect(result.items).toEqual([
			expect.objectContaining({
				id: review.id,
				stars: 5,
				content: 'Lovely scarf.',
				sku: SCARF,
				productName: 'Wool Scarf',
				consumerEmail: 'happy@mail.example.net',
				state: 'published',
				conversationId: null,
			}),
		]);
	});

	test('continueOnFail: an invalid ID becomes an error item, the next item is still read', async () => {
		const [review] = await addScarfReviews();
		const result = await run(
			'get',
			{ reviewId: '={{ $json.reviewId }}' },
			{ input: [{ reviewId: 'not-an-id' }, { reviewId: review.id }], continueOnFail: true },
		);
		expect(result.requests).toHaveLength(1);
		expect(result.result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].error).toBe('Product Review ID: "not-an-id" is not a Trustpilot ID');
		expect(result.items[1].id).toBe(review.id);
	});
});

describe('Summaries and imported reviews', () => {
	beforeEach(async () => {
		await addScarfReviews({ count: 3, stars: 5 });
		await addScarfReviews({ count: 1, stars: 2 });
		await addScarfReviews({ count: 2, stars: 1, state: 'archived' });
	});

	test('Get Summary by SKU counts the published reviews (public, API key)', async () => {
		const result = await run(
			'getSummary',
			{ businessUnit: byId(buId), productBy: 'sku', sku: SCARF },
			{ credential: apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0]).toMatchObject({
			method: 'GET',
			path: `/v1/product-reviews/business-units/${buId}`,
			query: { sku: SCARF },
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].numberOfReviews).toMatchObject({
			total: 4,
			fiveStars: 3,
			twoStars: 1,
			oneStar: 0,
		});
	});

	test('Get Summary by product URL', async () => {
		const url = await productLink(SCARF);
		const result = await run(
			'getSummary',
			{ businessUnit: byId(buId), productBy: 'productUrl', productUrl: url },
			{ credential: apiKeyOnly },
		);
		expect(result.requests[0].query).toEqual({ productUrl: url });
		expect((result.items[0].numberOfReviews as IDataObject).total).toBe(4);
	});

	test('Get Batch Summaries POSTs the SKU list and returns one item per SKU', async () => {
		const result = await run(
			'getBatchSummaries',
			{ businessUnit: byId(buId), skus: `${SCARF}, TEE-BLK-M,${SCARF}` },
			{ credential: apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		const [request] = result.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v1/product-reviews/business-units/${buId}/batch-summaries`,
		});
		expect(request.body).toEqual({ skus: [SCARF, 'TEE-BLK-M'] });
		expect(String(request.headers['content-type'])).toContain('application/json');
		const summary = await publicApi(`/product-reviews/business-units/${buId}?sku=TEE-BLK-M`);
		expect(result.items.map((item) => item.sku)).toEqual([SCARF, 'TEE-BLK-M']);
		expect(result.items[1].numberOfReviews).toEqual(summary.numberOfReviews);
	});

	test('Get Batch Summaries is a read, so a 503 is retried', async () => {
		await emulator.client.addFault({
			match: { method: 'POST', pathRegex: '/batch-summaries$' },
			action: { status: 503, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const result = await run(
			'getBatchSummaries',
			{ businessUnit: byId(buId), skus: SCARF },
			{ credential: apiKeyOnly },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.items).toHaveLength(1);
	});

	test('Get Summaries (private): every reviewed SKU, perPage 1000; a limit asks for less', async () => {
		const all = await run('getSummaries', { businessUnit: byId(buId), returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.requests).toHaveLength(1);
		expect(all.requests[0]).toMatchObject({
			path: `/v1/private/product-reviews/business-units/${buId}/summaries`,
			query: { perPage: '1000', page: '1' },
		});
		expect(all.items.map((item) => item.sku)).toEqual([...info.skus].sort());
		expect(all.items.find((item) => item.sku === SCARF)?.numberOfReviews).toMatchObject({
			total: 4,
		});

		const limited = await run('getSummaries', { businessUnit: byId(buId), limit: 3 });
		expect(limited.requests[0].query).toEqual({ perPage: '3', page: '1' });
		expect(limited.items).toEqual(all.items.slice(0, 3));
	});

	test('Get Imported Reviews: every page of a SKU, stars filter sent comma-separated', async () => {
		const sku = info.importedReviewSkus[0];
		const expected = (
			await publicApi(
				`/product-reviews/business-units/${buId}/imported-reviews?sku=${sku}&perPage=100`,
			)
		).productReviews as IDataObject[];
		const all = await run(
			'getImportedReviews',
			{ businessUnit: byId(buId), sku, returnAll: true },
			{ credential: apiKeyOnly },
		);
		expect(all.error).toBeUndefined();
		expect(all.requests).toHaveLength(Math.ceil(expected.length / 100));
		expect(all.requests[0]).toMatchObject({
			path: `/v1/product-reviews/business-units/${buId}/imported-reviews`,
			query: { sku, perPage: '100', page: '1' },
		});
		expect(all.items).toEqual(expected);

		const low = await run(
			'getImportedReviews',
			{ businessUnit: byId(buId), sku, returnAll: true, filters: { stars: [2, 1] } },
			{ credential: apiKeyOnly },
		);
		expect(low.requests[0].query).toMatchObject({ stars: '1,2' });
		expect(low.items.map((item) => item.id)).toEqual(
			expected.filter((review) => Number(review.stars) <= 2).map((review) => review.id),
		);
	});
});

describe('Reply', () => {
	test('a review without conversation: create-conversation, then the comment (2 requests)', async () => {
		const review = await unansweredReview();
		const result = await run('reply', {
			reviewId: review.id as string,
			content: 'Sorry to hear that. We will send a softer one.',
		});
		expect(result.error).toBeUndefined();
		expect(
			result.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([
			`POST /v1/private/product-reviews/${review.id}/create-conversation 201`,
			expect.stringMatching(/^POST \/v1\/private\/conversations\/\w+\/comments 201$/),
		]);
		expect(result.requests[1].body).toEqual({
			content: 'Sorry to hear that. We will send a softer one.',
		});
		expect(
			result.requests.every((request) =>
				String(request.headers.authorization).startsWith('Bearer '),
			),
		).toBe(true);
		const conversation = (await conversations()).find(
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
		const [conversation] = await conversations();
		const result = await run('reply', {
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
		const after = (await conversations()).find(
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

	test('a review that already has a conversation: the 409 leads to its conversation, none is added', async () => {
		const before = await conversations();
		const [conversation] = before;
		const result = await run('reply', {
			reviewId: conversation.sourceId as string,
			content: 'Following up.',
		});
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
			'POST 409',
			'GET 200',
			'POST 201',
		]);
		expect(result.requests[2].path).toBe(`/v1/private/conversations/${conversation.id}/comments`);
		expect(await conversations()).toHaveLength(before.length);
		expect(result.items[0]).toMatchObject({
			conversationId: conversation.id,
			conversationStarted: false,
		});
	});

	test('a 5xx on create-conversation is not retried and says the outcome is unknown', async () => {
		const review = await unansweredReview();
		await emulator.client.addFault({
			match: { method: 'POST', pathRegex: '/create-conversation$' },
			action: { status: 503, headers: { 'Retry-After': '0' } },
			times: 1,
		});
		const result = await run('reply', { reviewId: review.id as string, content: 'Hello' });
		expect(result.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/^Outcome unknown: /);
	});

	test('an empty comment fails naming the field; continueOnFail replies to the next item', async () => {
		const review = await unansweredReview();
		const result = await run(
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
		expect(result.requests).toHaveLength(2);
	});

	test('an API-key-only credential fails before any request', async () => {
		const review = await unansweredReview();
		const result = await run(
			'reply',
			{ reviewId: review.id as string, content: 'Hi' },
			{ credential: apiKeyOnly },
		);
		expect(result.error?.message).toBe(
			'This operation reads or changes private data, which needs an access token',
		);
		expect(result.allRequests).toHaveLength(0);
	});
});

describe('Conversations', () => {
	test('Get Conversation by ID and by review ID; a review without one gives an empty item', async () => {
		const [conversation] = await conversations();
		const direct = await run('getConversation', {
			conversationBy: 'conversationId',
			conversationId: conversation.id as string,
		});
		expect(direct.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v1/private/conversations/${conversation.id}`,
		]);
		expect(direct.items).toEqual([{ ...conversation, hasConversation: true }]);

		const viaReview = await run('getConversation', {
			conversationBy: 'reviewId',
			reviewId: conversation.sourceId as string,
		});
		expect(viaReview.requests.map((request) => request.path)).toEqual([
			`/v1/private/product-reviews/${conversation.sourceId}`,
			`/v1/private/conversations/${conversation.id}`,
		]);
		expect(viaReview.items).toEqual(direct.items);

		const review = await unansweredReview();
		const none = await run('getConversation', {
			conversationBy: 'reviewId',
			reviewId: review.id as string,
		});
		expect(none.requests).toHaveLength(1);
		expect(none.items).toEqual([
			{ reviewId: review.id, conversationId: null, hasConversation: false, comments: [] },
		]);
	});

	test('Update Comment PUTs the new text', async () => {
		const [conversation] = await conversations();
		const [comment] = conversation.comments as IDataObject[];
		const result = await run('updateComment', {
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
			(await conversations()).find((entry) => entry.id === conversation.id)
				?.comments as IDataObject[]
		)[0];
		expect(stored).toMatchObject({
			content: 'Thanks a lot for your review!',
			integrationId: 'crm-7',
		});
		expect(result.items).toEqual([{ ...stored, conversationId: conversation.id }]);
	});

	test('Set Conversation State: empty 204 becomes a success item; a malformed ID is refused first', async () => {
		const [conversation] = await conversations();
		const result = await run('setConversationState', {
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

		const bad = await run('setConversationState', { conversationId: '../state', state: 'public' });
		expect(bad.error?.message).toBe('Conversation ID: "../state" is not a Trustpilot ID');
		expect(bad.allRequests).toHaveLength(0);
	});
});
