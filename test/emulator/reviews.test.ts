import { useEmulator } from '../harness/fixtures';
import { callApi, requestToken, type JsonObject } from '../harness/emulatorClient';

interface Review {
	id: string;
	stars: number;
	language: string;
	createdAt: string;
	updatedAt: string | null;
	title: string;
	text: string;
	companyReply: {
		text: string;
		createdAt: string;
		updatedAt: string | null;
		authorBusinessUserId: string;
	} | null;
	location: JsonObject | null;
	tags?: Array<{ group: string; value: string }>;
	consumer: { id: string; displayName: string; email?: string };
	referralEmail?: string | null;
	referenceId?: string | null;
	experiencedAt?: string | null;
	findReviewer?: { isEligible: boolean; requests: JsonObject[] };
}

const env = useEmulator({ resetWith: { config: { tokenRateLimit: null } } });
let bearer: string;

beforeEach(async () => {
	const response = await requestToken(
		env.handle.apiUrl,
		{
			grant_type: 'password',
			username: env.info.account.businessUser.email,
			password: env.info.account.businessUser.password,
		},
		env.info.account,
	);
	bearer = response.json.access_token;
});

const pub = () => ({ apikey: env.info.account.apiKey });
const priv = () => ({ apikey: env.info.account.apiKey, authorization: `Bearer ${bearer}` });
const json = () => ({ ...priv(), 'content-type': 'application/json' });
const reviewsUrl = (query: string, isPrivate = false) =>
	`${env.handle.apiUrl}${isPrivate ? '/private' : ''}/business-units/${env.info.mainBusinessUnit.id}/reviews?${query}`;

async function list(query: string, isPrivate = false): Promise<Review[]> {
	const response = await callApi<{ reviews: Review[] }>(reviewsUrl(query, isPrivate), {
		headers: isPrivate ? priv() : pub(),
	});
	expect(response.status).toBe(200);
	return response.json.reviews;
}

describe('seeded data', () => {
	it('spreads reviews over all star ratings and at least five languages, deterministically', async () => {
		const all = await list('perPage=100&includeReportedReviews=true');
		expect(all).toHaveLength(100);
		for (const stars of [1, 2, 3, 4, 5])
			expect((await list(`stars=${stars}&perPage=1`)).length).toBe(1);
		for (const language of ['en', 'da', 'de', 'fr', 'es', 'sv']) {
			const reviews = await list(`language=${language}&perPage=5`);
			expect(reviews.length).toBeGreaterThan(0);
			for (const review of reviews) expect(review.language).toBe(language);
		}
		const again = await env.client.reset({ config: { tokenRateLimit: null } });
		expect(again.mainBusinessUnit.id).toBe(env.info.mainBusinessUnit.id);
		expect(
			(await list('perPage=100&includeReportedReviews=true')).map((review) => review.id),
		).toEqual(all.map((review) => review.id));
	});

	it('renders empty values as null instead of omitting them', async () => {
		const reviews = await list('perPage=100', true);
		const withoutReply = reviews.find((review) => review.companyReply === null);
		const withReply = reviews.find((review) => review.companyReply !== null);
		const withoutLocation = reviews.find((review) => review.location === null);
		const organic = reviews.find((review) => review.referenceId === null);
		expect(withoutReply).toBeDefined();
		expect(withReply?.companyReply?.authorBusinessUserId).toBe(env.info.account.businessUser.id);
		expect(withoutLocation).toHaveProperty('location', null);
		expect(organic).toHaveProperty('referralEmail', null);
		for (const review of reviews) {
			for (const field of [
				'updatedAt',
				'experiencedAt',
				'companyReply',
				'location',
				'referralEmail',
				'referenceId',
				'invitation',
				'reportData',
			]) {
				expect(review).toHaveProperty(field);
			}
			// Documented private shape: the e-mail is top-level referralEmail; consumer has none.
			expect(Object.keys(review.consumer).sort()).toEqual([
				'displayLocation',
				'displayName',
				'id',
				'links',
				'numberOfReviews',
			]);
			expect(review.title).not.toBeNull();
		}
	});

	it('keeps e-mail addresses out of public responses', async () => {
		const response = await callApi(reviewsUrl('perPage=100'), { headers: pub() });
		expect(response.text).not.toMatch(/@mail\.example\.net/);
		expect(response.text).not.toContain('referralEmail');
	});
});

describe('filters', () => {
	it('filters by stars and language lists (comma-separated and repeated)', async () => {
		const reviews = await list('stars=1,2&language=de&language=fr&perPage=100');
		expect(reviews.length).toBeGreaterThan(0);
		for (const review of reviews) {
			expect([1, 2]).toContain(review.stars);
			expect(['de', 'fr']).toContain(review.language);
		}
		const bad = await callApi(reviewsUrl('stars=6'), { headers: pub() });
		expect(bad.status).toBe(400);
		expect(bad.json).toEqual({ errorCode: 400, message: expect.stringMatching(/^stars: /) });
	});

	it('orders by stars and by createdAt', async () => {
		const ascending = await list('orderBy=stars.asc&perPage=100');
		expect(ascending.every((review) => review.stars === 1)).toBe(true);
		const descending = await list('orderBy=stars.desc,createdat.asc&perPage=50');
		expect(descending.every((review) => review.stars === 5)).toBe(true);
		const times = descending.map((review) => Date.parse(review.createdAt));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect((await callApi(reviewsUrl('orderBy=random'), { headers: pub() })).status).toBe(400);
	});

	it('applies startDateTime inclusively and endDateTime exclusively on createdAt', async () => {
		const [anchor, next] = (await list('orderBy=createdat.asc&perPage=2&page=500', true)).map(
			(review) => review.createdAt,
		);
		const start = anchor.replace(/\.000Z$/, '');
		const inRange = await list(
			`startDateTime=${start}&endDateTime=${encodeURIComponent(next)}&orderBy=createdat.asc`,
			true,
		);
		expect(inRange.map((review) => review.createdAt)).toEqual([anchor]);
		const withOffset = await list(
			`startDateTime=${encodeURIComponent(anchor.replace('Z', '+00:00'))}&orderBy=createdat.asc&perPage=2`,
			true,
		);
		expect(withOffset[0].createdAt).toBe(anchor);
		const bad = await callApi(reviewsUrl('startDateTime=yesterday', true), { headers: priv() });
		expect(bad.status).toBe(400);
		expect(bad.json).toMatchObject({ message: expect.stringMatching(/^startDateTime: /) });
	});

	it('finds reviews by referenceId, tag and responded', async () => {
		const sample = (await list('perPage=100', true)).find(
			(review) => review.referenceId !== null && (review.tags ?? []).length > 0,
		);
		expect(sample).toBeDefined();
		const byReference = await list(`referenceId=${sample?.referenceId}`, true);
		expect(byReference.map((review) => review.id)).toEqual([sample?.id]);
		const tag = sample?.tags?.[0];
		const byTag = await list(
			`tagGroup=${tag?.group}&tagValue=${tag?.value?.toUpperCase()}&ignoreTagValueCase=true&perPage=100`,
			true,
		);
		expect(byTag.length).toBeGreaterThan(0);
		for (const review of byTag) expect(review.tags).toContainEqual(tag);
		const responded = await list('responded=true&perPage=100');
		expect(responded.every((review) => review.companyReply !== null)).toBe(true);
	});
});

describe('review writes', () => {
	async function firstPrivateReview(): Promise<Review> {
		return (await list('perPage=1&responded=false', true))[0];
	}

	it('replies (201, empty body), updates the reply, then deletes it', async () => {
		const review = await firstPrivateReview();
		const url = `${env.handle.apiUrl}/private/reviews/${review.id}/reply`;
		const body = { authorBusinessUserId: env.info.account.businessUser.id, message: 'Thank you!' };
		const created = await callApi(url, {
			method: 'POST',
			headers: json(),
			body: JSON.stringify(body),
		});
		expect(created.status).toBe(201);
		expect(created.text).toBe('');
		const afterCreate = await callApi<Review>(`${env.handle.apiUrl}/reviews/${review.id}`, {
			headers: pub(),
		});
		expect(afterCreate.json.companyReply).toMatchObject({
			text: 'Thank you!',
			authorBusinessUserId: env.info.account.businessUser.id,
		});
		const firstCreatedAt = afterCreate.json.companyReply?.createdAt;
		expect(
			(
				await callApi(url, {
					method: 'POST',
					headers: json(),
					body: JSON.stringify({ ...body, message: 'Edited' }),
				})
			).status,
		).toBe(201);
		const afterUpdate = await callApi<Review>(`${env.handle.apiUrl}/private/reviews/${review.id}`, {
			headers: priv(),
		});
		expect(afterUpdate.json.companyReply?.text).toBe('Edited');
		expect(afterUpdate.json.companyReply?.createdAt).toBe(firstCreatedAt);
		expect((await callApi(url, { method: 'DELETE', headers: priv() })).status).toBe(204);
		expect((await callApi(url, { method: 'DELETE', headers: priv() })).status).toBe(404);
		expect((await env.client.getReview(review.id)).companyReply).toBeNull();
	});

	it('validates replies: JSON only, message length, author of the unit', async () => {
		const review = await firstPrivateReview();
		const url = `${env.handle.apiUrl}/private/reviews/${review.id}/reply`;
		const form = await callApi(url, {
			method: 'POST',
			headers: { ...priv(), 'content-type': 'application/x-www-form-urlencoded' },
			body: 'message=hi',
		});
		expect(form.status).toBe(415);
		expect(form.json).toMatchObject({ errorCode: 415 });
		const send = (payload: JsonObject) =>
			callApi(url, { method: 'POST', headers: json(), body: JSON.stringify(payload) });
		expect(
			(await send({ authorBusinessUserId: env.info.account.businessUser.id, message: '' })).status,
		).toBe(400);
		expect(
			(
				await send({
					authorBusinessUserId: env.info.account.businessUser.id,
					message: 'x'.repeat(5001),
				})
			).status,
		).toBe(400);
		expect((await send({ message: 'hi' })).status).toBe(400);
		expect(
			(await send({ authorBusinessUserId: env.info.otherAccount.businessUser.id, message: 'hi' }))
				.status,
		).toBe(403);
		expect(
			(
				await send({
					authorBusinessUserId: env.info.account.businessUser.id,
					message: 'x'.repeat(5000),
				})
			).status,
		).toBe(201);
		const missing = await callApi(
			`${env.handle.apiUrl}/private/reviews/0123456789abcdef01234567/reply`,
			{
				method: 'POST',
				headers: json(),
				body: JSON.stringify({
					authorBusinessUserId: env.info.account.businessUser.id,
					message: 'hi',
				}),
			},
		);
		expect(missing.status).toBe(404);
	});

	it('adds (PUT), replaces (POST) and removes (DELETE) tags', async () => {
		const review = await firstPrivateReview();
		const url = `${env.handle.apiUrl}/private/reviews/${review.id}/tags`;
		const put = (method: string, tags: JsonObject[]) =>
			callApi(url, { method, headers: json(), body: JSON.stringify({ tags }) });
		expect((await put('POST', [{ group: 'generic', value: 'first' }])).status).toBe(204);
		expect(
			(
				await put('PUT', [
					{ group: 'generic', value: 'second' },
					{ group: 'generic', value: 'first' },
				])
			).status,
		).toBe(204);
		const afterAdd = await callApi<{ tags: JsonObject[] }>(url, { headers: priv() });
		expect(afterAdd.json.tags).toEqual([
			{ group: 'generic', value: 'first' },
			{ group: 'generic', value: 'second' },
		]);
		expect(
			(await callApi(`${url}?group=generic&value=first`, { method: 'DELETE', headers: priv() }))
				.status,
		).toBe(204);
		const afterDelete = await callApi<{ tags: JsonObject[] }>(url, { headers: priv() });
		expect(afterDelete.json.tags).toEqual([{ group: 'generic', value: 'second' }]);
		// Review tags may contain spaces (the docs filter by tagGroup=Group Name&tagValue=Tag Name).
		expect((await put('PUT', [{ group: 'Group Name', value: 'Tag Name' }])).status).toBe(204);
		const byTag = await list('tagGroup=generic&tagValue=second', true);
		expect(byTag.map((item) => item.id)).toEqual([review.id]);
		const bySpacedTag = await list(
			`tagGroup=${encodeURIComponent('Group Name')}&tagValue=${encodeURIComponent('Tag Name')}`,
			true,
		);
		expect(bySpacedTag.map((item) => item.id)).toEqual([review.id]);
		const buTags = await callApi<{ tags: JsonObject[] }>(
			`${env.handle.apiUrl}/private/business-units/${env.info.mainBusinessUnit.id}/tags`,
			{ headers: priv() },
		);
		expect(buTags.json.tags).toContainEqual({ group: 'generic', value: 'second' });
	});

	it('records Find Reviewer requests on the review and in the state', async () => {
		const review = await firstPrivateReview();
		const response = await callApi(
			`${env.handle.apiUrl}/private/reviews/${review.id}/find-reviewer`,
			{
				method: 'POST',
				headers: json(),
				body: JSON.stringify({
					message: 'Please share your order number',
					skipNotificationEmailToBusinessUser: true,
				}),
			},
		);
		expect(response.status).toBe(201);
		const state = await env.client.state();
		expect(state.findReviewerRequests).toEqual([
			expect.objectContaining({
				reviewId: review.id,
				message: 'Please share your order number',
				skipNotificationEmailToBusinessUser: true,
			}),
		]);
		const after = await callApi<Review>(`${env.handle.apiUrl}/private/reviews/${review.id}`, {
			headers: priv(),
		});
		expect(after.json.findReviewer?.requests).toEqual([
			expect.objectContaining({
				businessUserMessage: 'Please share your order number',
				status: 'requested',
			}),
		]);
		const contacted = await list('findReviewer=contacted&perPage=100', true);
		expect(contacted.map((item) => item.id)).toContain(review.id);
	});
});

describe('admin review management', () => {
	it('adds reviews "now" with strictly increasing createdAt after the seeded ones', async () => {
		const [newestSeeded] = await list('perPage=1&includeReportedReviews=true');
		const added = await env.client.addReviews({
			businessUnitId: env.info.mainBusinessUnit.id,
			count: 3,
			stars: 2,
			language: 'da',
			title: 'Admin title',
			referenceId: 'REF-ADMIN',
			email: 'admin-added@example.org',
			tags: [{ group: 'generic', value: 'added' }],
		});
		expect(added.reviews).toHaveLength(3);
		const times = added.reviews.map((review) => Date.parse(String(review.createdAt)));
		expect(times[0]).toBeGreaterThan(Date.parse(newestSeeded.createdAt));
		expect(times[1]).toBeGreaterThan(times[0]);
		expect(times[2]).toBeGreaterThan(times[1]);
		const [latest] = await list('perPage=1', true);
		expect(latest).toMatchObject({
			id: added.reviews[2].id,
			stars: 2,
			language: 'da',
			title: 'Admin title',
			referenceId: 'REF-ADMIN',
			referralEmail: 'admin-added@example.org',
		});
		expect(latest.referralEmail).toBe('admin-added@example.org');
		expect(latest.consumer).not.toHaveProperty('email');
		const byReference = await list('referenceId=REF-ADMIN', true);
		expect(byReference).toHaveLength(3);
	});

	it('patches a review (sets updatedAt) and deletes it', async () => {
		const [review] = await list('perPage=1', true);
		const patched = await env.client.patchReview(review.id, { stars: 1, text: 'Changed my mind' });
		expect(patched).toMatchObject({ stars: 1, text: 'Changed my mind' });
		expect(Date.parse(String(patched.updatedAt))).toBeGreaterThan(Date.parse(review.createdAt));
		const fetched = await callApi<Review>(`${env.handle.apiUrl}/reviews/${review.id}`, {
			headers: pub(),
		});
		expect(fetched.json.text).toBe('Changed my mind');
		await env.client.deleteReview(review.id);
		expect(
			(await callApi(`${env.handle.apiUrl}/reviews/${review.id}`, { headers: pub() })).status,
		).toBe(404);
		const unit = await callApi<{ numberOfReviews: { total: number } }>(
			`${env.handle.apiUrl}/business-units/${env.info.mainBusinessUnit.id}`,
			{ headers: pub() },
		);
		expect(unit.json.numberOfReviews.total).toBe(2344);
	});

	it('adds reviews that already exist: `since` stamps them 1 ms apart from then, never in the future', async () => {
		const unit = env.info.businessUnits.find((candidate) => candidate.domain === 'example.de')!;
		const since = Date.now() - 5 * 60000;
		const added = await env.client.addReviews({ businessUnitId: unit.id, count: 2500, since });
		const times = added.reviews.map((review) => Date.parse(String(review.createdAt)));
		expect(times[0]).toBe(since);
		expect(times[999]).toBe(since + 999);
		const newest = await callApi<{ reviews: Review[] }>(
			`${env.handle.apiUrl}/business-units/${unit.id}/reviews?orderBy=createdat.desc&perPage=1`,
			{ headers: pub() },
		);
		expect(Date.parse(newest.json.reviews[0].createdAt)).toBe(since + 2499);
		const future = await callApi(`${env.handle.adminUrl}/reviews`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			// 10 reviews from now would end 9 ms ahead, which a busy machine may already have passed
			// when the emulator reads the clock: these end 10 s ahead.
			body: JSON.stringify({ businessUnitId: unit.id, count: 20000, since: Date.now() - 10000 }),
		});
		expect(future.status).toBe(400);
		expect(future.text).toContain('would reach into the future');
		const garbage = await callApi(`${env.handle.adminUrl}/reviews`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ businessUnitId: unit.id, count: 10, since: 'yesterday-ish' }),
		});
		expect(garbage.status).toBe(400);
	});
});

describe('other review endpoints', () => {
	it('serves latest reviews by language with a count limit', async () => {
		const response = await callApi<{ reviews: Review[] }>(
			`${env.handle.apiUrl}/reviews/latest?language=sv&count=7`,
			{ headers: pub() },
		);
		expect(response.json.reviews).toHaveLength(7);
		for (const review of response.json.reviews) expect(review.language).toBe('sv');
		expect(
			(await callApi(`${env.handle.apiUrl}/reviews/latest?count=7`, { headers: pub() })).status,
		).toBe(400);
		expect(
			(
				await callApi(`${env.handle.apiUrl}/reviews/latest?language=en&count=101`, {
					headers: pub(),
				})
			).status,
		).toBe(400);
	});

	it('serves web links and likes of a review and business-unit profile data', async () => {
		const [review] = await list('perPage=1');
		const links = await callApi<{ reviewUrl: string }>(
			`${env.handle.apiUrl}/reviews/${review.id}/web-links?locale=da-DK`,
			{ headers: pub() },
		);
		expect(links.json.reviewUrl).toBe(`https://dk.trustpilot.com/reviews/${review.id}`);
		const likes = await callApi<{ numberOfLikes: number; likes: JsonObject[] }>(
			`${env.handle.apiUrl}/reviews/${review.id}/likes`,
			{ headers: pub() },
		);
		expect(likes.json.likes).toHaveLength(likes.json.numberOfLikes);
		const buLinks = await callApi(
			`${env.handle.apiUrl}/business-units/${env.info.mainBusinessUnit.id}/web-links`,
			{ headers: pub() },
		);
		expect(buLinks.status).toBe(400);
		const buLinksOk = await callApi<{ profileUrl: string }>(
			`${env.handle.apiUrl}/business-units/${env.info.mainBusinessUnit.id}/web-links?locale=en-US`,
			{ headers: pub() },
		);
		expect(buLinksOk.json.profileUrl).toBe('https://www.trustpilot.com/review/example.com');
		const profile = await callApi<JsonObject>(
			`${env.handle.apiUrl}/business-units/${env.info.mainBusinessUnit.id}/profileinfo`,
			{ headers: pub() },
		);
		expect(profile.json).toMatchObject({ isClaimed: true, facebookPageId: null });
		const consumer = await callApi<JsonObject>(
			`${env.handle.apiUrl}/consumers/${review.consumer.id}`,
			{ headers: pub() },
		);
		expect(consumer.json).toMatchObject({
			id: review.consumer.id,
			displayName: review.consumer.displayName,
		});
		expect(consumer.text).not.toContain('@');
		const consumerReviews = await callApi<{ reviews: Review[] }>(
			`${env.handle.apiUrl}/consumers/${review.consumer.id}/reviews`,
			{ headers: pub() },
		);
		expect(consumerReviews.json.reviews.map((item) => item.id)).toContain(review.id);
	});

	it('lists categories as a tree with business-unit membership', async () => {
		const roots = await callApi<{ categories: Array<{ categoryId: string }> }>(
			`${env.handle.apiUrl}/categories`,
			{ headers: pub() },
		);
		expect(roots.json.categories.map((category) => category.categoryId)).toContain(
			'shopping_fashion',
		);
		const children = await callApi<{ categories: Array<{ categoryId: string }> }>(
			`${env.handle.apiUrl}/categories?parentId=shopping_fashion`,
			{ headers: pub() },
		);
		expect(children.json.categories.map((category) => category.categoryId)).toContain(
			'clothing_store',
		);
		// country is documented as required for Get category.
		const noCountry = await callApi(`${env.handle.apiUrl}/categories/clothing_store`, {
			headers: pub(),
		});
		expect(noCountry.status).toBe(400);
		expect(noCountry.json).toEqual({ errorCode: 400, message: 'country: is required' });
		const category = await callApi<{ parentId: string; businessUnitCount: number }>(
			`${env.handle.apiUrl}/categories/clothing_store?country=US`,
			{ headers: pub() },
		);
		expect(category.json.parentId).toBe('shopping_fashion');
		// Documented shape: {totalNumberOfBusinesses, businessUnits:[{businessUnitId, …}]}, perPage ≤ 100, no links.
		expect(
			(
				await callApi(`${env.handle.apiUrl}/categories/clothing_store/business-units?perPage=101`, {
					headers: pub(),
				})
			).status,
		).toBe(400);
		const members = await callApi<{
			totalNumberOfBusinesses: number;
			businessUnits: Array<JsonObject>;
		}>(`${env.handle.apiUrl}/categories/clothing_store/business-units?country=US&perPage=100`, {
			headers: pub(),
		});
		expect(Object.keys(members.json).sort()).toEqual(['businessUnits', 'totalNumberOfBusinesses']);
		expect(members.json.totalNumberOfBusinesses).toBe(category.json.businessUnitCount);
		expect(Object.keys(members.json.businessUnits[0]).sort()).toEqual([
			'businessUnitId',
			'categories',
			'displayName',
			'identifyingName',
			'location',
			'logoUrl',
			'numberOfReviews',
			'rank',
			'trustScore',
		]);
		const defaultPage = await callApi<{ businessUnits: JsonObject[] }>(
			`${env.handle.apiUrl}/categories/clothing_store/business-units?country=US`,
			{ headers: pub() },
		);
		expect(defaultPage.json.businessUnits).toHaveLength(
			Math.min(20, category.json.businessUnitCount),
		);
		const all: JsonObject[] = [];
		for (let page = 1; all.length < members.json.totalNumberOfBusinesses; page += 1) {
			const next = await callApi<{ businessUnits: JsonObject[] }>(
				`${env.handle.apiUrl}/categories/clothing_store/business-units?country=US&perPage=100&page=${page}`,
				{ headers: pub() },
			);
			expect(next.json.businessUnits.length).toBeGreaterThan(0);
			all.push(...next.json.businessUnits);
		}
		expect(all.map((unit) => unit.businessUnitId)).toContain(env.info.mainBusinessUnit.id);
		const ofUnit = await callApi<{ categories: Array<{ categoryId: string }> }>(
			`${env.handle.apiUrl}/business-units/${env.info.mainBusinessUnit.id}/categories`,
			{ headers: pub() },
		);
		expect(ofUnit.json.categories.map((item) => item.categoryId)).toEqual([
			'clothing_store',
			'shoe_store',
		]);
	});
});
