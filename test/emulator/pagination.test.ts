import { startEmulator, type EmulatorHandle } from '../harness/emulator.cjs';
import {
	callApi,
	EmulatorClient,
	requestToken,
	type EmulatorInfo,
} from '../harness/emulatorClient';

interface Link {
	href: string;
	method: string;
	rel: string;
}
interface ReviewPage {
	links: Link[];
	reviews: Array<{ id: string; createdAt: string; stars: number }>;
}

let emulator: EmulatorHandle;
let admin: EmulatorClient;
let info: EmulatorInfo;
let bearer: string;

beforeAll(async () => {
	emulator = await startEmulator();
	admin = new EmulatorClient(emulator.adminUrl);
	info = await admin.reset({ config: { tokenRateLimit: null } });
	const response = await requestToken(
		emulator.apiUrl,
		{ grant_type: 'client_credentials' },
		info.account,
	);
	bearer = response.json.access_token;
});

afterAll(async () => {
	await emulator?.stop();
});

const publicHeaders = () => ({ apikey: info.account.apiKey });
const privateHeaders = () => ({ apikey: info.account.apiKey, authorization: `Bearer ${bearer}` });
const nextLink = (links: Link[]) =>
	links.find((entry) => entry.rel === 'next-page' && entry.method === 'GET');

describe('page-based lists', () => {
	it('walks all 2,345 private reviews exactly once, oldest first, through next-page links', async () => {
		const main = info.businessUnits.find((bu) => bu.id === info.mainBusinessUnit.id);
		expect(main?.reviewCount).toBe(2345);
		let url: string | undefined =
			`${emulator.apiUrl}/private/business-units/${info.mainBusinessUnit.id}/reviews?perPage=100&orderBy=createdat.asc&includeReportedReviews=true`;
		const seen: ReviewPage['reviews'] = [];
		let pages = 0;
		while (url) {
			const page: { status: number; json: ReviewPage } = await callApi<ReviewPage>(url, {
				headers: privateHeaders(),
			});
			expect(page.status).toBe(200);
			pages++;
			seen.push(...page.json.reviews);
			const next = nextLink(page.json.links);
			if (next) {
				const target = new URL(next.href);
				expect(target.origin).toBe(emulator.apiOrigin);
				expect(target.searchParams.get('perPage')).toBe('100');
				expect(target.searchParams.get('orderBy')).toBe('createdat.asc');
				expect(target.searchParams.get('page')).toBe(String(pages + 1));
			}
			url = next?.href;
		}
		expect(pages).toBe(24);
		expect(seen).toHaveLength(2345);
		expect(new Set(seen.map((review) => review.id)).size).toBe(2345);
		for (let i = 1; i < seen.length; i++) {
			expect(Date.parse(seen[i].createdAt)).toBeGreaterThan(Date.parse(seen[i - 1].createdAt));
		}
		expect(seen[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	it('hides reported reviews unless asked and orders newest first by default', async () => {
		const main = info.businessUnits.find((bu) => bu.id === info.mainBusinessUnit.id);
		const reported = main?.reportedReviewCount ?? 0;
		expect(reported).toBeGreaterThan(0);
		const last = await callApi<ReviewPage>(
			`${emulator.apiUrl}/business-units/${info.mainBusinessUnit.id}/reviews?perPage=100&page=24`,
			{ headers: publicHeaders() },
		);
		expect(last.json.reviews).toHaveLength((2345 - reported) % 100 || 100);
		const first = await callApi<ReviewPage>(
			`${emulator.apiUrl}/business-units/${info.mainBusinessUnit.id}/reviews`,
			{
				headers: publicHeaders(),
			},
		);
		expect(first.json.reviews).toHaveLength(20);
		const times = first.json.reviews.map((review) => Date.parse(review.createdAt));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(first.json.links.map((entry) => entry.rel)).toEqual(['self', 'next-page']);
	});

	it('enforces perPage and page ranges with 400 and returns an empty list past the end', async () => {
		const base = `${emulator.apiUrl}/business-units/${info.mainBusinessUnit.id}/reviews`;
		for (const query of ['perPage=101', 'perPage=0', 'perPage=abc', 'page=0']) {
			const response = await callApi(`${base}?${query}`, { headers: publicHeaders() });
			expect(response.status).toBe(400);
			expect(response.json).toMatchObject({
				errorCode: 400,
				message: expect.stringMatching(/^(perPage|page): /),
			});
		}
		const beyond = await callApi<ReviewPage>(`${base}?perPage=100&page=999`, {
			headers: publicHeaders(),
		});
		expect(beyond.status).toBe(200);
		expect(beyond.json.reviews).toEqual([]);
		expect(beyond.json.links.map((entry) => entry.rel)).toEqual(['self', 'prev-page']);
		const privateTooBig = await callApi(
			`${emulator.apiUrl}/private/business-units/${info.mainBusinessUnit.id}/reviews?perPage=500`,
			{ headers: privateHeaders() },
		);
		expect(privateTooBig.status).toBe(400);
	});

	it('pages business-unit search with the lower-case perpage of the official collection', async () => {
		const first = await callApi<{
			businessUnits: Array<{ id: string; displayName: string }>;
			links: Link[];
		}>(`${emulator.apiUrl}/business-units/search?query=coffee&perpage=5`, {
			headers: publicHeaders(),
		});
		expect(first.status).toBe(200);
		expect(first.json.businessUnits).toHaveLength(5);
		for (const unit of first.json.businessUnits)
			expect(unit.displayName.toLowerCase()).toContain('coffee');
		const next = nextLink(first.json.links);
		expect(next).toBeDefined();
		const second = await callApi<{ businessUnits: Array<{ id: string }> }>(next?.href ?? '', {
			headers: publicHeaders(),
		});
		expect(second.json.businessUnits.map((unit) => unit.id)).not.toContain(
			first.json.businessUnits[0].id,
		);
		expect(
			(
				await callApi(`${emulator.apiUrl}/business-units/search?perpage=5`, {
					headers: publicHeaders(),
				})
			).status,
		).toBe(400);
	});
});

describe('cursor lists', () => {
	it('walks /business-units/all with cursor until it is null', async () => {
		let cursor: string | null = null;
		const ids: string[] = [];
		let calls = 0;
		do {
			const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
			const page: {
				status: number;
				json: { businessUnits: Array<{ id: string }>; cursor: string | null };
			} = await callApi(`${emulator.apiUrl}/business-units/all?perPage=1000${query}`, {
				headers: publicHeaders(),
			});
			expect(page.status).toBe(200);
			ids.push(...page.json.businessUnits.map((unit) => unit.id));
			cursor = page.json.cursor;
			calls++;
		} while (cursor !== null);
		expect(ids.length).toBe(info.publicBusinessUnitCount);
		expect(ids.length).toBeGreaterThan(2500);
		expect(new Set(ids).size).toBe(ids.length);
		expect(calls).toBe(Math.ceil(ids.length / 1000));
		expect(ids).toContain(info.mainBusinessUnit.id);
		const tooBig = await callApi(`${emulator.apiUrl}/business-units/all?perPage=1001`, {
			headers: publicHeaders(),
		});
		expect(tooBig.status).toBe(400);
		const badCursor = await callApi(`${emulator.apiUrl}/business-units/all?cursor=garbage`, {
			headers: publicHeaders(),
		});
		expect(badCursor.status).toBe(400);
	});

	it('filters /business-units/all by country', async () => {
		const page = await callApi<{ businessUnits: Array<{ country: string }> }>(
			`${emulator.apiUrl}/business-units/all?country=DK,SE&perPage=1000`,
			{ headers: publicHeaders() },
		);
		expect(page.json.businessUnits.length).toBeGreaterThan(50);
		for (const unit of page.json.businessUnits) expect(['DK', 'SE']).toContain(unit.country);
	});

	it('walks /all-reviews with pageToken until nextPageToken is null, newest first', async () => {
		const second = info.businessUnits.find((bu) => bu.domain === 'shop.example.org');
		let token: string | null = null;
		const ids: string[] = [];
		const times: number[] = [];
		do {
			const query: string = token ? `&pageToken=${encodeURIComponent(token)}` : '';
			const page: {
				json: { reviews: Array<{ id: string; createdAt: string }>; nextPageToken: string | null };
			} = await callApi(
				`${emulator.apiUrl}/business-units/${second?.id}/all-reviews?perPage=40${query}`,
				{ headers: publicHeaders() },
			);
			ids.push(...page.json.reviews.map((review) => review.id));
			times.push(...page.json.reviews.map((review) => Date.parse(review.createdAt)));
			token = page.json.nextPageToken;
		} while (token !== null);
		expect(ids.length).toBe((second?.reviewCount ?? 0) - (second?.reportedReviewCount ?? 0));
		expect(new Set(ids).size).toBe(ids.length);
		expect([...times].sort((a, b) => b - a)).toEqual(times);
	});

	it('keeps pageToken pages stable when new reviews arrive mid-walk', async () => {
		const german = info.businessUnits.find((bu) => bu.domain === 'example.de');
		const url = `${emulator.apiUrl}/business-units/${german?.id}/all-reviews?perPage=10`;
		const first = await callApi<{ reviews: Array<{ id: string }>; nextPageToken: string }>(url, {
			headers: publicHeaders(),
		});
		await admin.addReviews({ businessUnitId: german?.id ?? '', count: 5 });
		const second = await callApi<{ reviews: Array<{ id: string }> }>(
			`${url}&pageToken=${encodeURIComponent(first.json.nextPageToken)}`,
			{ headers: publicHeaders() },
		);
		const firstIds = new Set(first.json.reviews.map((review) => review.id));
		for (const review of second.json.reviews) expect(firstIds.has(review.id)).toBe(false);
		expect(second.json.reviews).toHaveLength(10);
	});
});
