import { useEmulator } from '../harness/fixtures';
import { callApi, requestToken, type JsonObject } from '../harness/emulatorClient';

interface ProductReview {
	id: string;
	stars: number;
	state?: string;
	language: string;
	createdAt: string;
	conversationId?: string | null;
	product?: { sku: string; name: string | null };
	consumer: { id: string; email?: string; name?: string; displayName?: string };
}
interface Summary {
	sku?: string;
	starsAverage: number;
	numberOfReviews: { total: number; oneStar: number; fiveStars: number };
}

const env = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });
let bearer: string;

beforeEach(async () => {
	const response = await requestToken(
		env.handle.apiUrl,
		{ grant_type: 'client_credentials' },
		env.info.account,
	);
	bearer = response.json.access_token;
});

const pub = () => ({ apikey: env.info.account.apiKey });
const priv = () => ({ apikey: env.info.account.apiKey, authorization: `Bearer ${bearer}` });
const json = () => ({ ...priv(), 'content-type': 'application/json' });
const asUser = () => ({ ...priv(), 'x-business-user-id': env.info.account.businessUser.id });
const publicBase = () =>
	`${env.handle.apiUrl}/product-reviews/business-units/${env.info.mainBusinessUnit.id}`;
const privateBase = () => `${env.handle.apiUrl}/private/product-reviews`;

describe('product reviews', () => {
	it('seeds at least 150 reviews over at least 6 SKUs in several states', async () => {
		const main = env.info.businessUnits.find((bu) => bu.id === env.info.mainBusinessUnit.id);
		expect(main?.productReviewCount).toBeGreaterThanOrEqual(150);
		const summaries = await callApi<{ summaries: Summary[] }>(
			`${privateBase()}/business-units/${env.info.mainBusinessUnit.id}/summaries`,
			{ headers: priv() },
		);
		expect(summaries.json.summaries.length).toBeGreaterThanOrEqual(6);
		const states = new Set<string>();
		for (const state of ['published', 'unpublished', 'underModeration', 'archived']) {
			const page = await callApi<{ productReviews: ProductReview[] }>(
				`${privateBase()}/business-units/${env.info.mainBusinessUnit.id}/reviews?state=${state}&perPage=100`,
				{ headers: priv() },
			);
			for (const review of page.json.productReviews) states.add(review.state ?? '');
		}
		expect(states).toEqual(new Set(['published', 'unpublished', 'underModeration', 'archived']));
	});

	it('requires sku or productUrl publicly and returns only published reviews without e-mails', async () => {
		expect((await callApi(`${publicBase()}/reviews`, { headers: pub() })).status).toBe(400);
		const sku = env.info.skus[0];
		const page = await callApi<{ productReviews: ProductReview[]; links: JsonObject[] }>(
			`${publicBase()}/reviews?sku=${sku}&perPage=100`,
			{ headers: pub() },
		);
		expect(page.status).toBe(200);
		expect(page.json.productReviews.length).toBeGreaterThan(0);
		// Recorded real shape (braze-inc/braze-docs): no product, no locale, no updatedAt.
		for (const review of page.json.productReviews) {
			expect(Object.keys(review).sort()).toEqual([
				'attachments',
				'attributeRatings',
				'consumer',
				'content',
				'createdAt',
				'firstCompanyComment',
				'id',
				'language',
				'stars',
			]);
		}
		expect(page.text).not.toContain('@');
		const summary = await callApi<Summary>(`${publicBase()}?sku=${sku}`, { headers: pub() });
		expect(summary.json.numberOfReviews.total).toBe(page.json.productReviews.length);
		const products = await callApi<{ products: Array<{ sku: string; link: string }> }>(
			`${env.handle.apiUrl}/private/business-units/${env.info.mainBusinessUnit.id}/products?skus=${sku}`,
			{ headers: priv() },
		);
		const byUrl = await callApi<{ productReviews: ProductReview[] }>(
			`${publicBase()}/reviews?productUrl=${encodeURIComponent(products.json.products[0].link)}&perPage=100`,
			{ headers: pub() },
		);
		expect(byUrl.json.productReviews.map((review) => review.id)).toEqual(
			page.json.productReviews.map((review) => review.id),
		);
	});

	it('serves batch summaries, imported reviews and their summary', async () => {
		const batch = await callApi<{ summaries: Summary[] }>(`${publicBase()}/batch-summaries`, {
			method: 'POST',
			headers: { ...pub(), 'content-type': 'application/json' },
			body: JSON.stringify({ skus: env.info.skus.slice(0, 3) }),
		});
		expect(batch.json.summaries.map((summary) => summary.sku)).toEqual(env.info.skus.slice(0, 3));
		const [importedSku] = env.info.importedReviewSkus;
		const imported = await callApi<{ productReviews: JsonObject[] }>(
			`${publicBase()}/imported-reviews?sku=${importedSku}&perPage=100`,
			{ headers: pub() },
		);
		expect(imported.json.productReviews.length).toBeGreaterThan(0);
		const importedSummary = await callApi<Summary>(
			`${publicBase()}/imported-reviews-summaries?sku=${importedSku}`,
			{ headers: pub() },
		);
		expect(importedSummary.json.numberOfReviews.total).toBe(imported.json.productReviews.length);
	});

	it('shows private details and creates invitation links', async () => {
		const page = await callApi<{ productReviews: ProductReview[] }>(
			`${privateBase()}/business-units/${env.info.mainBusinessUnit.id}/reviews?perPage=1`,
			{ headers: priv() },
		);
		const [review] = page.json.productReviews;
		expect(review.consumer.email).toMatch(/@/);
		const single = await callApi<ProductReview>(`${privateBase()}/${review.id}`, {
			headers: priv(),
		});
		expect(single.json.id).toBe(review.id);
		const link = await callApi<{ reviewLinkId: string; reviewUrl: string }>(
			`${privateBase()}/business-units/${env.info.mainBusinessUnit.id}/invitation-links`,
			{
				method: 'POST',
				headers: json(),
				body: JSON.stringify({
					consumer: { email: 'p@example.net', name: 'P' },
					referenceId: 'ORD-P',
					locale: 'en-US',
					products: [{ sku: env.info.skus[0], name: 'Tee' }],
				}),
			},
		);
		expect(link.status).toBe(200);
		expect(link.json.reviewUrl).toContain(link.json.reviewLinkId);
		expect((await env.client.state()).productInvitationLinks).toHaveLength(1);
	});
});

describe('conversations', () => {
	async function reviewWithoutConversation(): Promise<ProductReview> {
		const page = await callApi<{ productReviews: ProductReview[] }>(
			`${privateBase()}/business-units/${env.info.mainBusinessUnit.id}/reviews?perPage=100`,
			{ headers: priv() },
		);
		const review = page.json.productReviews.find((item) => item.conversationId === null);
		if (!review) throw new Error('no product review without a conversation');
		return review;
	}

	it('creates a conversation once, comments, updates, switches state', async () => {
		const review = await reviewWithoutConversation();
		// A client_credentials token has no user: writes acting as one need x-business-user-id.
		const anonymous = await callApi(`${privateBase()}/${review.id}/create-conversation`, {
			method: 'POST',
			headers: priv(),
		});
		expect(anonymous.status).toBe(403);
		expect(JSON.stringify(anonymous.json)).toContain('x-business-user-id');
		const created = await callApi<{ conversationId: string }>(
			`${privateBase()}/${review.id}/create-conversation`,
			{ method: 'POST', headers: asUser() },
		);
		expect(created.status).toBe(201);
		const { conversationId } = created.json;
		const again = await callApi<{ conversationId: string }>(
			`${privateBase()}/${review.id}/create-conversation`,
			{ method: 'POST', headers: asUser() },
		);
		expect(again.status).toBe(409);
		expect(again.json.conversationId).toBe(conversationId);

		const base = `${env.handle.apiUrl}/private/conversations/${conversationId}`;
		const comment = await callApi<{
			commentId: string;
			createdAt: string;
			author: JsonObject;
			content: string;
		}>(`${base}/comments`, {
			method: 'POST',
			headers: { ...json(), 'x-business-user-id': env.info.account.businessUser.id },
			body: JSON.stringify({ content: 'Thanks for the review' }),
		});
		expect(comment.status).toBe(201);
		expect(comment.json).toEqual({
			commentId: expect.stringMatching(/^[0-9a-f]{24}$/),
			createdAt: expect.any(String),
			author: { id: env.info.account.businessUser.id, type: 'businessUser' },
			content: 'Thanks for the review',
		});
		const updated = await callApi<{ content: string }>(
			`${base}/comments/${comment.json.commentId}`,
			{
				method: 'PUT',
				headers: { ...json(), ...asUser() },
				body: JSON.stringify({ content: 'Edited' }),
			},
		);
		expect(updated.json.content).toBe('Edited');
		expect(
			(
				await callApi<{ content: string }>(`${base}/comments/${comment.json.commentId}`, {
					headers: priv(),
				})
			).json.content,
		).toBe('Edited');

		const publicUrl = `${env.handle.apiUrl}/conversations/${conversationId}`;
		expect((await callApi(publicUrl, { headers: pub() })).status).toBe(200);
		const toPrivate = await callApi(`${base}/state`, {
			method: 'POST',
			headers: { ...json(), ...asUser() },
			body: JSON.stringify({ state: 'private' }),
		});
		expect(toPrivate.status).toBe(204);
		expect((await callApi(publicUrl, { headers: pub() })).status).toBe(404);
		expect(
			(
				await callApi(`${base}/state`, {
					method: 'POST',
					headers: { ...json(), ...asUser() },
					body: JSON.stringify({ state: 'hidden' }),
				})
			).status,
		).toBe(400);
		const stored = await callApi<{ state: string; comments: JsonObject[]; sourceId: string }>(
			base,
			{ headers: priv() },
		);
		expect(stored.json).toMatchObject({ state: 'private', sourceId: review.id });
		expect(stored.json.comments).toHaveLength(1);
		expect((await env.client.state()).conversations.map((item) => item.id)).toContain(
			conversationId,
		);
	});
});

describe('product catalogue', () => {
	it('upserts products by SKU', async () => {
		const url = `${env.handle.apiUrl}/private/business-units/${env.info.mainBusinessUnit.id}/products`;
		const before = await callApi<{ products: Array<{ sku: string }>; isLastPage: boolean }>(url, {
			headers: priv(),
		});
		expect(before.json.isLastPage).toBe(true);
		const upsert = await callApi<{ products: Array<{ id: string; sku: string; title: string }> }>(
			url,
			{
				method: 'POST',
				headers: json(),
				body: JSON.stringify({
					products: [
						{ sku: env.info.skus[0], title: 'Renamed tee' },
						{ sku: 'NEW-SKU-1', title: 'New thing', price: '9.99' },
					],
				}),
			},
		);
		expect(upsert.status).toBe(200);
		const after = await callApi<{ products: Array<{ sku: string; title: string }> }>(url, {
			headers: priv(),
		});
		expect(after.json.products).toHaveLength(before.json.products.length + 1);
		expect(after.json.products.find((product) => product.sku === env.info.skus[0])?.title).toBe(
			'Renamed tee',
		);
		expect(
			(
				await callApi(url, {
					method: 'POST',
					headers: json(),
					body: JSON.stringify({ products: [{ title: 'no sku' }] }),
				})
			).status,
		).toBe(400);
		expect((await env.client.state()).products.map((product) => product.sku)).toContain(
			'NEW-SKU-1',
		);
	});
});
