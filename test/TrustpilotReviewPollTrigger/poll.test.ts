import { sleep, type IDataObject, type INodeParameters } from 'n8n-workflow';

import { useEmulator, type AuthMode } from '../harness/fixtures';
import { pollerFor, pollUntilEmpty, reviewIds, unitById } from '../harness/reviewSync';
import { allServiceReviews, businessUnitByDomain, versionKey } from './truth';
import { pollTriggerProperties } from '../../nodes/TrustpilotReviewPollTrigger/description';

const fixture = useEmulator();

const byDomain = (domain: string) => ({
	businessUnit: { __rl: true, mode: 'domain', value: domain },
});

const runner = (units: IDataObject[], extra: INodeParameters = {}, mode?: AuthMode) =>
	pollerFor(fixture, units, extra, mode);

const listRequests = (requests: Array<{ path: string }>) =>
	requests.filter((entry) => entry.path.endsWith('/reviews'));
const ids = reviewIds;
const byId = unitById;

describe('Review Poll Trigger: private service reviews', () => {
	it('starts "from now" silently, then emits new reviews of several business units with one request each', async () => {
		const second = await businessUnitByDomain(fixture, 'shop.example.org');
		const german = await businessUnitByDomain(fixture, 'example.de');
		const poller = await runner([byId(second.id), byId(german.id)]);

		const first = await poller.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([]);
		// Per unit: the reported ones alone (reported=true, read first so they can be merged in
		// creation order), then the list (reported ones included), so a server that ignores
		// includeReportedReviews cannot hide them.
		expect(first.requests.map((entry) => entry.path)).toEqual([
			`/v1/private/business-units/${second.id}/reviews`,
			`/v1/private/business-units/${second.id}/reviews`,
			`/v1/private/business-units/${german.id}/reviews`,
			`/v1/private/business-units/${german.id}/reviews`,
		]);
		expect(first.requests[1].query).toMatchObject({
			orderBy: 'createdat.asc',
			perPage: '100',
			includeReportedReviews: 'true',
		});
		expect(first.requests[0].query).toMatchObject({ orderBy: 'createdat.asc', reported: 'true' });
		expect(first.requests[0].query.startDateTime).toBe(first.requests[1].query.startDateTime);
		expect(String(first.requests[1].query.startDateTime)).toMatch(
			/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/,
		);

		const addedSecond = (
			await fixture.client.addReviews({
				businessUnitId: second.id,
				count: 3,
				email: 'buyer@example.com',
				referenceId: 'ORD-1',
			})
		).reviews;
		const addedGerman = (await fixture.client.addReviews({ businessUnitId: german.id, count: 2 }))
			.reviews;
		const next = await poller.poll();
		expect(next.error).toBeUndefined();
		expect(ids(next.items)).toEqual([...ids(addedSecond), ...ids(addedGerman)]);
		expect(next.items[0]).toMatchObject({
			businessUnitId: second.id,
			consumerEmail: 'buyer@example.com',
			referenceId: 'ORD-1',
			changeType: 'new',
		});
		expect(listRequests(next.requests)).toHaveLength(4);

		const quiet = await poller.poll();
		expect(quiet.items).toEqual([]);
		expect(quiet.requests).toHaveLength(4);
		expect(new Set(quiet.requests.map((entry) => entry.path)).size).toBe(2);
	});

	it('returns a sample on a manual run without moving the cursor', async () => {
		const second = await businessUnitByDomain(fixture, 'shop.example.org');
		const poller = await runner([byId(second.id)]);
		await poller.poll();
		const saved = poller.nodeState();
		await fixture.client.addReviews({ businessUnitId: second.id, count: 2 });
		const truth = await allServiceReviews(fixture, second.id);

		const manual = await poller.poll('manual');
		expect(manual.error).toBeUndefined();
		expect(ids(manual.items)).toEqual(ids(truth.slice(-5).reverse()));
		expect(manual.requests).toHaveLength(1);
		expect(manual.requests[0].query).toMatchObject({ orderBy: 'createdat.desc', perPage: '5' });
		expect(poller.nodeState()).toEqual(saved);

		// The two reviews shown by the sample still come with the next real poll.
		const next = await poller.poll();
		expect(ids(next.items)).toEqual(ids(truth.slice(-2)));
	});

	it('backfills from a date oldest first, Max Items per poll, each review exactly once', async () => {
		const second = await businessUnitByDomain(fixture, 'shop.example.org');
		const truth = await allServiceReviews(fixture, second.id);
		const startDate = String(truth[37].createdAt);
		const expected = truth.slice(37);
		const poller = await runner([byId(second.id)], {
			start: 'date',
			startDate,
			options: { maxItemsPerPoll: 40 },
		});
		const { emitted, sizes } = await pollUntilEmpty(poller);
		expect(sizes).toEqual([40, 40, 33, 0]);
		expect(ids(emitted)).toEqual(ids(expected));
		const quiet = await poller.poll();
		expect(quiet.requests).toHaveLength(2);
	});

	it('keeps the cursor when a poll fails mid-pagination, then delivers everything once, across a burst in one second', async () => {
		const german = await businessUnitByDomain(fixture, 'example.de');
		// 250 reviews created within about a quarter second: more than a page shares one second.
		// The emulator stamps them 1 ms apart from "now", so start early in a second to keep them in one.
		while (Date.now() % 1000 > 100) await sleep(10);
		const burst = await fixture.client.addReviews({ businessUnitId: german.id, count: 250 });
		const burstSeconds = new Set(
			burst.reviews.map((review) => String(review.createdAt).slice(0, 19)),
		);
		expect(burstSeconds.size).toBe(1);
		const truth = await allServiceReviews(fixture, german.id);
		const poller = await runner([byId(german.id)], {
			start: 'all',
			options: { maxItemsPerPoll: 1000 },
		});

		await fixture.client.addFault({
			match: { pathPrefix: `/v1/private/business-units/${german.id}/reviews` },
			action: { status: 500, body: { message: 'boom' } },
			skip: 2,
		});
		const failed = await poller.poll();
		expect(failed.error?.message).toMatch(/500|boom|Trustpilot/i);
		expect(failed.items).toEqual([]);
		expect(poller.saved).toEqual({});
		expect(poller.nodeState()).toEqual({});
		expect(listRequests(failed.requests)).toHaveLength(3);

		const recovered = await poller.poll();
		expect(recovered.error).toBeUndefined();
		expect(ids(recovered.items)).toEqual(ids(truth));
		expect(new Set(ids(recovered.items)).size).toBe(truth.length);
		const quiet = await poller.poll();
		expect(quiet.items).toEqual([]);
		// The newest second holds 250 reviews: the re-read window needs three pages of it, plus
		// the one request for reported reviews.
		expect(quiet.requests.length).toBeGreaterThanOrEqual(4);
		expect(quiet.requests.length).toBeLessThanOrEqual(5);
	});

	it('resolves a domain once and remembers it with the cursor', async () => {
		const german = await businessUnitByDomain(fixture, 'example.de');
		const poller = await runner([byDomain('example.de')]);
		const first = await poller.poll();
		expect(first.requests.map((entry) => entry.path)).toEqual([
			'/v1/business-units/find',
			`/v1/private/business-units/${german.id}/reviews`,
			`/v1/private/business-units/${german.id}/reviews`,
		]);
		poller.restart();
		const second = await poller.poll();
		expect(second.requests.map((entry) => entry.path)).toEqual([
			`/v1/private/business-units/${german.id}/reviews`,
			`/v1/private/business-units/${german.id}/reviews`,
		]);
	});

	it('emits an edited review again with "New and Updated", once per updatedAt', async () => {
		const german = await businessUnitByDomain(fixture, 'example.de');
		const poller = await runner([byId(german.id)], { event: 'newAndUpdated', simplify: false });
		await poller.poll();
		const [created] = (await fixture.client.addReviews({ businessUnitId: german.id })).reviews;
		const id = String(created.id);
		const asNew = await poller.poll();
		expect(asNew.items.map((item) => [item.id, item.changeType])).toEqual([[id, 'new']]);

		const edited = await fixture.client.patchReview(id, { stars: 1, text: 'Changed my mind.' });
		const asUpdated = await poller.poll();
		expect(asUpdated.items).toHaveLength(1);
		expect(asUpdated.items[0]).toMatchObject({
			id,
			changeType: 'updated',
			stars: 1,
			updatedAt: edited.updatedAt,
		});
		expect((await poller.poll()).items).toEqual([]);

		await fixture.client.patchReview(id, { title: 'Second edit' });
		const last = await fixture.client.patchReview(id, { title: 'Third edit' });
		const twice = await poller.poll();
		expect(twice.items.map(versionKey)).toEqual([versionKey(last)]);
	});
});

describe('Review Poll Trigger: newest-first lists', () => {
	it('follows public reviews with an API key: new ones oldest first, Max Items, one request when quiet', async () => {
		const second = await businessUnitByDomain(fixture, 'shop.example.org');
		const poller = await runner([byId(second.id)], { options: { maxItemsPerPoll: 3 } }, 'apiKey');
		const baseline = await poller.poll();
		expect(baseline.items).toEqual([]);
		expect(baseline.requests.map((entry) => entry.path)).toEqual([
			`/v1/business-units/${second.id}/reviews`,
		]);
		expect(baseline.requests[0].query).toMatchObject({ orderBy: 'createdat.desc' });

		const added = (await fixture.client.addReviews({ businessUnitId: second.id, count: 7 }))
			.reviews;
		const batches: string[][] = [];
		for (let poll = 0; poll < 4; poll++) batches.push(ids((await poller.poll()).items));
		expect(batches).toEqual([
			ids(added.slice(0, 3)),
			ids(added.slice(3, 6)),
			ids(added.slice(6)),
			[],
		]);
		const quiet = await poller.poll();
		expect(quiet.requests).toHaveLength(1);
		// Public reviews carry no email.
		expect(batches.flat()).toHaveLength(7);
	});

	it('follows private product reviews', async () => {
		const { mainBusinessUnit, skus } = await fixture.client.info();
		const poller = await runner([byId(mainBusinessUnit.id)], { reviewType: 'product' });
		expect((await poller.poll()).items).toEqual([]);
		const added = (
			await fixture.client.addProductReviews({
				businessUnitId: mainBusinessUnit.id,
				sku: skus[0],
				count: 4,
				email: 'p@example.com',
			})
		).productReviews;
		const next = await poller.poll();
		expect(ids(next.items)).toEqual(ids(added));
		expect(next.items[0]).toMatchObject({
			sku: skus[0],
			consumerEmail: 'p@example.com',
			changeType: 'new',
		});
		expect(next.requests[0].path).toBe(
			`/v1/private/product-reviews/business-units/${mainBusinessUnit.id}/reviews`,
		);
		const quiet = await poller.poll();
		expect(quiet.items).toEqual([]);
		expect(quiet.requests).toHaveLength(1);
	});
});

describe('Review Poll Trigger: settings', () => {
	it('explains missing business units and product reviews without SKUs on an API key', async () => {
		const empty = await runner([]);
		expect((await empty.poll()).error?.message).toMatch(/Business Units: add at least one/);

		const { mainBusinessUnit } = await fixture.client.info();
		const products = await runner([byId(mainBusinessUnit.id)], { reviewType: 'product' }, 'apiKey');
		const outcome = await products.poll();
		expect(outcome.error?.message).toMatch(/SKUs or an access token/);
		expect(outcome.requests).toHaveLength(0);

		const badId = await runner([byId('not-an-id')]);
		expect((await badId.poll()).error?.message).toMatch(/is not a Trustpilot ID/);
	});
});

describe('Review Poll Trigger: the cost notice', () => {
	it('states what quiet polls measure here, and the yearly totals for common schedules', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const quietRequests = async (mode: AuthMode) => {
			const poller = await runner([byId(unit.id)], {}, mode);
			await poller.poll();
			const quiet = await poller.poll();
			expect(quiet.error).toBeUndefined();
			expect(quiet.items).toEqual([]);
			return quiet.requests.length;
		};
		const privatePerPoll = await quietRequests('clientCredentials');
		const publicPerPoll = await quietRequests('apiKey');
		const notice = String(
			pollTriggerProperties.find((property) => property.name === 'costNotice')?.displayName,
		);
		expect(notice).toContain(`makes ${publicPerPoll} request per business unit`);
		expect(notice).toContain(`${privatePerPoll} for service reviews with Client Credentials`);
		const minutesPerYear = 365 * 24 * 60;
		const yearly = (everyMinutes: number) =>
			((minutesPerYear / everyMinutes) * privatePerPoll).toLocaleString('en-US');
		expect(notice).toContain(`every minute ${yearly(1)} (over tier 1's 200,000 and tier 2's`);
		expect(notice).toContain(`every 5 minutes ${yearly(5)} (over tier 1)`);
		expect(notice).toContain(`every 15 minutes ${yearly(15)},`);
		expect(notice).toContain(`every hour ${yearly(60)}.`);
		expect((minutesPerYear / 15) * privatePerPoll).toBeLessThan(200000);
	});
});
