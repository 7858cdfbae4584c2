// Service Review › Get Many: ⌈N/100⌉ pagination and Limit, private vs public data, filters, a retried 429, guards.
import type { IDataObject } from 'n8n-workflow';

import {
	byId,
	errorOf,
	pairedIndexes,
	runServiceReview,
	useServiceReviewEmulator,
} from './support';

const env = useServiceReviewEmulator();
const { emulator } = env;

const reviewsPath = (buId: string, access: 'public' | 'private') =>
	access === 'private'
		? `/v1/private/business-units/${buId}/reviews`
		: `/v1/business-units/${buId}/reviews`;

describe('Get Many', () => {
	test('Return All reads every review of the main business unit in ⌈N/100⌉ requests, each once', async () => {
		const main = env.info.businessUnits.find((unit) => unit.id === env.info.mainBusinessUnit.id)!;
		// Reported reviews are left out unless "Include Reported Reviews" is on.
		const expected = main.reviewCount - main.reportedReviewCount;
		expect(expected).toBeGreaterThanOrEqual(2000);

		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(main.id),
			source: 'public',
			returnAll: true,
		});

		expect(errorOf(run)).toBeUndefined();
		expect(run.items).toHaveLength(expected);
		expect(new Set(run.items.map((item) => item.id)).size).toBe(expected);
		expect(run.requests).toHaveLength(Math.ceil(expected / 100));
		expect(
			run.requests.every((request) => request.method === 'GET' && request.host === 'api'),
		).toBe(true);
		expect(run.requests.every((request) => request.path === reviewsPath(main.id, 'public'))).toBe(
			true,
		);
		expect(run.requests.map((request) => request.query.page)).toEqual(
			run.requests.map((_, index) => String(index + 1)),
		);
		expect(run.requests.every((request) => request.query.perPage === '100')).toBe(true);
		expect(run.requests.every((request) => request.status === 200)).toBe(true);
		// Newest first by default.
		const dates = run.items.map((item) => Date.parse(String(item.createdAt)));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		// Simplified by default: public rows never carry private columns.
		expect(run.items.some((item) => 'consumerEmail' in item || 'referenceId' in item)).toBe(false);
		// pairedItem points at the one input item.
		expect(pairedIndexes(run).every((index) => index === 0)).toBe(true);
	});

	test('Limit 50 costs one request with perPage 50', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			source: 'public',
			returnAll: false,
			limit: 50,
		});
		expect(run.items).toHaveLength(50);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toEqual({ perPage: '50', page: '1', orderBy: 'createdat.desc' });
	});

	test('Return All and Simplify given as text by an expression ("false") are read as off', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			source: 'private',
			returnAll: '={{ "false" }}',
			limit: '={{ " 5 " }}',
			simplify: '={{ "FALSE" }}',
		});
		expect(errorOf(run)).toBeUndefined();
		// Text "false" is not Return All: one page of five, not every review of the unit.
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toMatchObject({ perPage: '5', page: '1' });
		expect(run.items).toHaveLength(5);
		// Text "FALSE" is not Simplify: the raw review (nested consumer, links) comes back.
		expect(run.items[0].consumer).toEqual(
			expect.objectContaining({ displayName: expect.any(String) }),
		);
		expect(run.items[0]).not.toHaveProperty('consumerName');
	});

	test('Return All given as something that is no switch fails before any request, naming it', async () => {
		const run = await runServiceReview(
			emulator,
			'getAll',
			{
				businessUnit: byId(env.info.mainBusinessUnit.id),
				returnAll: '={{ $json.all }}',
				limit: 5,
			},
			{ input: [{ all: false }, { all: 'nope' }, { all: ' False ' }], continueOnFail: true },
		);
		expect(run.items).toHaveLength(5 + 1 + 5);
		expect(run.items[5].error).toMatch(/^Return All: must be true or false, but is "nope"/);
		expect(run.items[5].details).toMatch(/item 2/);
		expect(pairedIndexes(run)).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
		// The bad item sent nothing: one list request for each good item.
		expect(run.requests).toHaveLength(2);
	});

	test('Limit 150 costs two full pages and stops', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			returnAll: false,
			limit: 150,
		});
		expect(run.items).toHaveLength(150);
		expect(run.requests.map((request) => [request.query.page, request.query.perPage])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
	});

	test('private source adds the consumer email and reference ID; public does not', async () => {
		const common = {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			returnAll: false,
			limit: 20,
			simplify: false,
		};
		const privateRun = await runServiceReview(emulator, 'getAll', { ...common, source: 'private' });
		const publicRun = await runServiceReview(
			emulator,
			'getAll',
			{ ...common, source: 'public' },
			{ mode: 'apiKey' },
		);

		expect(privateRun.requests.map((request) => request.path)).toEqual([
			reviewsPath(env.info.mainBusinessUnit.id, 'private'),
		]);
		expect(String(privateRun.requests[0].headers.authorization)).toMatch(/^Bearer /);
		expect(publicRun.requests.map((request) => request.path)).toEqual([
			reviewsPath(env.info.mainBusinessUnit.id, 'public'),
		]);
		expect(publicRun.requests[0].headers.authorization).toBeUndefined();

		// Same ordering, same reviews: only the private copy has the email.
		expect(privateRun.items.map((item) => item.id)).toEqual(publicRun.items.map((item) => item.id));
		// Documented private shape: top-level referralEmail (null for organic reviews), no consumer.email.
		const privateConsumers = privateRun.items.map((item) => item.consumer as IDataObject);
		expect(privateConsumers.some((consumer) => 'email' in consumer)).toBe(false);
		expect(privateRun.items.every((item) => 'referralEmail' in item)).toBe(true);
		expect(
			privateRun.items.some(
				(item) => typeof item.referralEmail === 'string' && item.referralEmail.includes('@'),
			),
		).toBe(true);
		expect(
			privateRun.items.every((item) => 'referenceId' in item && Array.isArray(item.tags)),
		).toBe(true);
		expect(publicRun.items.some((item) => 'email' in (item.consumer as IDataObject))).toBe(false);
		expect(publicRun.items.some((item) => 'referenceId' in item || 'tags' in item)).toBe(false);

		const simplified = await runServiceReview(emulator, 'getAll', {
			...common,
			source: 'private',
			simplify: true,
		});
		expect(simplified.items.map((item) => item.consumerEmail)).toEqual(
			privateRun.items.map((item) => item.referralEmail),
		);
	});

	test('every filter reaches the query string of the private list', async () => {
		const location = env.info.locations[0];
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			source: 'private',
			returnAll: false,
			limit: 10,
			orderBy: 'stars.asc',
			filters: {
				stars: [1, 2],
				language: 'en, da',
				tagGroup: 'generic',
				tagValue: 'Delivery',
				responded: false,
				includeReportedReviews: true,
				internalLocationId: location.id,
				startDateTime: '2022-01-01T00:00:00',
				endDateTime: '2024-06-30T12:30:00',
				referenceId: 'ORD-100001',
				referralEmail: 'someone@mail.example.net',
				reported: false,
				reviewSource: 'afs',
				username: 'Anna B.',
				findReviewer: 'notContacted',
				locationId: location.id,
				ignoreTagValueCase: true,
			},
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].status).toBe(200);
		expect(run.requests[0].query).toEqual({
			stars: '1,2',
			language: 'en,da',
			tagGroup: 'generic',
			tagValue: 'Delivery',
			responded: 'false',
			includeReportedReviews: 'true',
			internalLocationId: location.id,
			startDateTime: '2022-01-01T00:00:00',
			endDateTime: '2024-06-30T12:30:00',
			referenceId: 'ORD-100001',
			referralEmail: 'someone@mail.example.net',
			reported: 'false',
			source: 'afs',
			username: 'Anna B.',
			findReviewer: 'notContacted',
			locationId: location.id,
			ignoreTagValueCase: 'true',
			orderBy: 'stars.asc',
			perPage: '10',
			page: '1',
		});
	});

	test('filters select the reviews the emulator holds, and the public list ignores private-only filters', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			source: 'public',
			returnAll: true,
			orderBy: 'stars.asc',
			// referenceId is a private-only filter: hidden in the editor for the public list, never sent.
			filters: { stars: [1, 2], language: 'da', responded: true, referenceId: 'ORD-100001' },
		});
		expect(run.requests[0].query).toEqual({
			stars: '1,2',
			language: 'da',
			responded: 'true',
			orderBy: 'stars.asc',
			perPage: '100',
			page: '1',
		});
		expect(run.items.length).toBeGreaterThan(0);
		expect(run.items.every((item) => [1, 2].includes(item.stars as number))).toBe(true);
		expect(
			run.items.every((item) => item.language === 'da' && typeof item.replyText === 'string'),
		).toBe(true);
		const stars = run.items.map((item) => item.stars as number);
		expect(stars).toEqual([...stars].sort((a, b) => a - b));
	});

	test('a date with an offset is sent as UTC and bounds the reviews returned', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			source: 'private',
			returnAll: true,
			orderBy: 'createdat.asc',
			filters: { startDateTime: '2024-03-01T02:00:00+02:00', endDateTime: '2024-03-08T00:00:00Z' },
		});
		expect(run.requests[0].query).toMatchObject({
			startDateTime: '2024-03-01T00:00:00',
			endDateTime: '2024-03-08T00:00:00',
		});
		expect(run.items.length).toBeGreaterThan(0);
		const times = run.items.map((item) => Date.parse(String(item.createdAt)));
		expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2024, 2, 1));
		expect(Math.max(...times)).toBeLessThan(Date.UTC(2024, 2, 8));
	});

	test('an invalid Referral Email is rejected before any request, naming the field and item', async () => {
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			source: 'private',
			filters: { referralEmail: 'not-an-email' },
		});
		expect(errorOf(run)?.message).toMatch(/^Referral Email: .*not a valid email/);
		expect((errorOf(run) as unknown as { description: string }).description).toMatch(/item 1/);
		expect(run.requests).toHaveLength(0);
	});

	test('a 429 on a list page is retried after Retry-After and the list completes', async () => {
		const route = '/v1/business-units/{businessUnitId}/reviews';
		await emulator.client.addFault({
			match: { route },
			action: { status: 429, headers: { 'Retry-After': '0' } },
			skip: 1,
			times: 1,
		});
		const run = await runServiceReview(emulator, 'getAll', {
			businessUnit: byId(env.info.mainBusinessUnit.id),
			returnAll: false,
			limit: 250,
		});
		expect(errorOf(run)).toBeUndefined();
		expect(run.items).toHaveLength(250);
		expect(new Set(run.items.map((item) => item.id)).size).toBe(250);
		// Page 2 failed once with 429 and was asked again with the same query.
		expect(run.requests.map((request) => [request.query.page, request.status])).toEqual([
			['1', 200],
			['2', 429],
			['2', 200],
			['3', 200],
		]);
		expect(run.requests[1].query).toEqual(run.requests[2].query);
	});

	test('a private list with an API-key-only credential fails before any request', async () => {
		const run = await runServiceReview(
			emulator,
			'getAll',
			{ businessUnit: byId(env.info.mainBusinessUnit.id), source: 'private', limit: 5 },
			{ mode: 'apiKey' },
		);
		const error = errorOf(run)!;
		expect(error.message).toMatch(/private data/);
		expect((error as unknown as { description: string }).description).toMatch(/Client Credentials/);
		expect(run.requests).toHaveLength(0);
		expect(await emulator.client.requests()).toHaveLength(0);
	});

	test('a business unit given by domain is resolved once, then listed', async () => {
		const run = await runServiceReview(
			emulator,
			'getAll',
			{
				businessUnit: { __rl: true, mode: 'domain', value: env.info.mainBusinessUnit.domain },
				limit: 5,
			},
			{ input: [{}, {}] },
		);
		expect(run.items).toHaveLength(10);
		expect(run.requests.map((request) => request.path)).toEqual([
			'/v1/business-units/find',
			reviewsPath(env.info.mainBusinessUnit.id, 'public'),
			reviewsPath(env.info.mainBusinessUnit.id, 'public'),
		]);
		expect(pairedIndexes(run)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
	});

	test('a filter an expression gave as an object, or a switch that is none, fails before any request', async () => {
		const run = await runServiceReview(
			emulator,
			'getAll',
			{
				businessUnit: byId(env.info.mainBusinessUnit.id),
				source: 'private',
				limit: 5,
				filters: { tagValue: '={{ $json.tag }}', responded: '={{ $json.responded }}' },
			},
			{
				input: [
					{ tag: { value: 'vip' }, responded: true },
					{ tag: 'vip', responded: 'sometimes' },
					{ tag: ' vip ', responded: 'FALSE' },
				],
				continueOnFail: true,
			},
		);
		expect(run.items[0].error).toMatch(/^Tag Value: must be text, but the value is an object/);
		expect(run.items[1].error).toMatch(/^Replied: must be true or false, but is "sometimes"/);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toMatchObject({ tagValue: 'vip', responded: 'false' });
	});

	test('Order By from an expression is one of its choices, or refused before any request', async () => {
		const run = await runServiceReview(
			emulator,
			'getAll',
			{ businessUnit: byId(env.info.mainBusinessUnit.id), limit: 3, orderBy: '={{ $json.order }}' },
			{ input: [{ order: 'newest' }, { order: ' Stars.Desc ' }], continueOnFail: true },
		);
		expect(run.items[0].error).toBe(
			'Order By: "newest" is not one of createdat.desc, createdat.asc, stars.desc, stars.asc',
		);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toMatchObject({ orderBy: 'stars.desc' });
	});

	test('Find Reviewer Status from an expression is one of its two values, or refused before any request', async () => {
		const run = await runServiceReview(
			emulator,
			'getAll',
			{
				businessUnit: byId(env.info.mainBusinessUnit.id),
				source: 'private',
				limit: 3,
				filters: { findReviewer: '={{ $json.status }}' },
			},
			{ input: [{ status: 'pending' }, { status: ' NOTCONTACTED ' }], continueOnFail: true },
		);
		expect(run.items[0].error).toBe(
			'Find Reviewer Status: "pending" is not one of contacted, notContacted',
		);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].query).toMatchObject({ findReviewer: 'notContacted' });
		expect(run.requests[0].status).toBe(200);
	});
});
