// Class 1 of issue 12: never a partial list, never a lost review. Odd upstream answers are
// injected through the emulator's admin API (faults); expected values come from the emulator's
// own state (test/TrustpilotReviewPollTrigger/truth.ts), never from the node under test.
import { sleep, type IDataObject, type INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { trustpilotCredential, useEmulator, type AuthMode } from '../harness/fixtures';
import { PollRunner } from '../TrustpilotReviewPollTrigger/pollRunner';
import { allServiceReviews, businessUnitByDomain } from '../TrustpilotReviewPollTrigger/truth';

const fixture = useEmulator();

async function runAction(parameters: INodeParameters, mode: AuthMode = 'clientCredentials') {
	const credential = await trustpilotCredential(fixture, mode);
	await fixture.client.clearRequests();
	const result = await runNode(
		{ type: 'trustpilot', parameters, credentials: credential.credentials, continueOnFail: true },
		[{}],
		credential.store,
	);
	const requests = (await fixture.client.requests()).filter(
		(entry) => !entry.path.includes('/oauth/'),
	);
	return { items: result.output.map((item) => item.json), requests };
}

const reviewsRoute = '/v1/private/business-units/{businessUnitId}/reviews';
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

function emptyLinkedPage(href: string) {
	return { reviews: [], links: [{ href, method: 'GET', rel: 'next-page' }] };
}

describe('an empty page that says more follow', () => {
	test('Return All: asked once more, then the full list (a glitch is not the end)', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		await fixture.client.addFault({
			match: { route: reviewsRoute },
			action: {
				status: 200,
				body: emptyLinkedPage(
					`${fixture.handle.apiUrl}/private/business-units/${unit.id}/reviews?page=2`,
				),
			},
			times: 1,
		});
		const run = await runAction({
			resource: 'serviceReview',
			operation: 'getAll',
			source: 'private',
			businessUnit: byId(unit.id),
			returnAll: true,
			simplify: false,
			filters: { includeReportedReviews: true },
		});
		const truth = await allServiceReviews(fixture, unit.id);
		expect(run.items[0].error).toBeUndefined();
		expect(truth.length).toBeGreaterThan(100);
		expect(run.items.map((item) => item.id).sort()).toEqual(
			truth.map((review) => review.id).sort(),
		);
		// Page 1 twice (the empty answer, then the real one), then page 2.
		expect(run.requests.map((entry) => entry.query.page)).toEqual(['1', '1', '2']);
	});

	test('Return All: still empty when asked again → a clear error, never a partial list', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		await fixture.client.addFault({
			match: { route: reviewsRoute },
			action: {
				status: 200,
				body: emptyLinkedPage(
					`${fixture.handle.apiUrl}/private/business-units/${unit.id}/reviews?page=3`,
				),
			},
			times: 2,
			skip: 1,
		});
		const run = await runAction({
			resource: 'serviceReview',
			operation: 'getAll',
			source: 'private',
			businessUnit: byId(unit.id),
			returnAll: true,
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0].error).toBe('Trustpilot sent an empty page that says more follow');
	});

	test('public backfill poll: the cursor does not jump past unread pages; the next poll delivers every review once', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const credential = await trustpilotCredential(fixture, 'apiKey');
		const poller = new PollRunner(fixture, credential, {
			reviewType: 'service',
			businessUnits: { unit: [{ businessUnit: byId(unit.id) }] },
			event: 'new',
			start: 'all',
			simplify: false,
			options: { maxItemsPerPoll: 10000 },
		} as INodeParameters);
		await fixture.client.addFault({
			match: { route: '/v1/business-units/{businessUnitId}/reviews' },
			action: {
				status: 200,
				body: emptyLinkedPage(`${fixture.handle.apiUrl}/business-units/${unit.id}/reviews?page=3`),
			},
			times: 2,
			skip: 1,
		});
		const first = await poller.poll();
		expect(first.error?.message).toBe('Trustpilot sent an empty page that says more follow');
		expect(first.items).toEqual([]);

		const second = await poller.poll();
		expect(second.error).toBeUndefined();
		const truth = await allServiceReviews(fixture, unit.id);
		expect(second.items.map((item) => item.id).sort()).toEqual(
			truth.map((review) => review.id).sort(),
		);
	});
});

describe('a list that repeats itself stops with an error', () => {
	test('page numbers: a server that ignores "page" makes Return All fail after two requests, not loop', async () => {
		const page = Array.from({ length: 100 }, (_, index) => ({
			id: `${'a'.repeat(20)}${String(index).padStart(4, '0')}`,
			name: { identifying: `shop${index}.example` },
		}));
		await fixture.client.addFault({
			match: { route: '/v1/business-units/search' },
			action: { status: 200, body: { businessUnits: page, links: [] } },
			times: 0,
		});
		const run = await runAction(
			{ resource: 'businessUnit', operation: 'search', query: 'shop', returnAll: true },
			'apiKey',
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].error).toBe('Trustpilot returned the same page twice');
		expect(run.requests).toHaveLength(2);
	});

	test('cursor: the same page under a new cursor is refused instead of returned twice', async () => {
		const units = Array.from({ length: 1000 }, (_, index) => ({
			id: `${'b'.repeat(20)}${String(index).padStart(4, '0')}`,
			displayName: `Unit ${index}`,
		}));
		await fixture.client.addFault({
			match: { route: '/v1/business-units/all' },
			action: { status: 200, body: { businessUnits: units, cursor: 'c1' } },
			times: 1,
		});
		await fixture.client.addFault({
			match: { route: '/v1/business-units/all' },
			action: { status: 200, body: { businessUnits: units, cursor: 'c2' } },
			times: 1,
		});
		const run = await runAction(
			{ resource: 'businessUnit', operation: 'getAll', returnAll: true },
			'apiKey',
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].error).toBe('Trustpilot returned the same page twice');
		expect(run.requests).toHaveLength(2);
	});
});

describe('the poll cursor never passes "now"', () => {
	test('a review dated years ahead (skewed source) is emitted once and does not hide later reviews', async () => {
		const unit = await businessUnitByDomain(fixture, 'example.de');
		const credential = await trustpilotCredential(fixture, 'clientCredentials');
		const poller = new PollRunner(fixture, credential, {
			reviewType: 'service',
			businessUnits: { unit: [{ businessUnit: byId(unit.id) }] },
			event: 'new',
			start: 'now',
			simplify: false,
			options: {},
		} as INodeParameters);
		expect((await poller.poll()).error).toBeUndefined();

		const future = {
			id: 'f'.repeat(24),
			createdAt: '2031-01-01T00:00:00.000Z',
			updatedAt: null,
			stars: 5,
			title: 'From the future',
			text: 'skewed clock',
		};
		await fixture.client.addFault({
			match: { route: reviewsRoute },
			action: { status: 200, body: { reviews: [future], links: [] } },
			times: 1,
		});
		const withFuture = await poller.poll();
		expect(withFuture.items.map((item) => item.id)).toEqual([future.id]);
		const cursor = ((poller.saved.node as IDataObject | undefined) ?? poller.saved) as IDataObject;
		expect(JSON.stringify(cursor)).not.toContain(String(Date.parse(future.createdAt)));

		await sleep(1100);
		const added = await fixture.client.addReviews({ businessUnitId: unit.id, count: 3 });
		const later = await poller.poll();
		expect(later.error).toBeUndefined();
		expect(later.items.map((item) => item.id).sort()).toEqual(
			added.reviews.map((review) => review.id).sort(),
		);
		// The next poll emits nothing again (the future review is remembered, not re-emitted).
		expect((await poller.poll()).items).toEqual([]);
	});
});

describe('position-based scans overlap and de-duplicate by id', () => {
	test('a review deleted while a public backfill is between pages does not make the next one slip past', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const credential = await trustpilotCredential(fixture, 'apiKey');
		const poller = new PollRunner(fixture, credential, {
			reviewType: 'service',
			businessUnits: { unit: [{ businessUnit: byId(unit.id) }] },
			event: 'new',
			start: 'all',
			simplify: false,
			options: { maxItemsPerPoll: 10000 },
		} as INodeParameters);
		const before = await allServiceReviews(fixture, unit.id);
		const newest = before[before.length - 1];
		// Page 2 waits a moment; meanwhile a review of page 1 is deleted (everything moves up by one).
		await fixture.client.addFault({
			match: { route: '/v1/business-units/{businessUnitId}/reviews' },
			action: { latencyMs: 700 },
			skip: 1,
			times: 1,
		});
		const polling = poller.poll();
		for (let waited = 0; waited < 5000; waited += 50) {
			const log = await fixture.client.requests();
			if (log.some((entry) => entry.path.endsWith('/reviews') && entry.status === 200)) break;
			await sleep(50);
		}
		await fixture.client.deleteReview(String(newest.id));
		const outcome = await polling;
		expect(outcome.error).toBeUndefined();
		const emitted = outcome.items.map((item) => String(item.id));
		expect(new Set(emitted).size).toBe(emitted.length);
		// Every review that exists now was delivered (the deleted one too: it was read first).
		expect(emitted.sort()).toEqual(before.map((review) => String(review.id)).sort());
	});
});

describe('numeric settings are checked where they are read', () => {
	test.each([0, 1.5, -3, '10abc'])(
		'Limit %p is an item error naming Limit; nothing is sent',
		async (limit) => {
			const unit = await businessUnitByDomain(fixture, 'shop.example.org');
			const run = await runAction(
				{
					resource: 'serviceReview',
					operation: 'getAll',
					source: 'public',
					businessUnit: byId(unit.id),
					returnAll: false,
					limit: typeof limit === 'string' ? `={{ "${limit}" }}` : `={{ ${limit} }}`,
				},
				'apiKey',
			);
			expect(run.items).toHaveLength(1);
			expect(String(run.items[0].error)).toMatch(
				/^Limit: must be a whole number at least 1, but is /,
			);
			expect(run.requests).toHaveLength(0);
		},
	);

	test.each([
		[
			{ lateWindowMinutes: -5 },
			/^Options → Late Review Window \(Minutes\): must be a number between 0 and 1440, but is -5$/,
		],
		[
			{ updateWindowDays: 0 },
			/^Options → Watch Updates for \(Days\): must be a number between 1 and 90, but is 0$/,
		],
		[
			{ maxItemsPerPoll: 0.5 },
			/^Options → Max Items per Poll: must be a whole number between 1 and 10000, but is 0.5$/,
		],
	])('poll option %p is refused before any request', async (options, message) => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const credential = await trustpilotCredential(fixture, 'apiKey');
		const poller = new PollRunner(fixture, credential, {
			reviewType: 'service',
			businessUnits: { unit: [{ businessUnit: byId(unit.id) }] },
			// Watch Updates for (Days) is shown, and read, only with "New and Updated".
			event: 'newAndUpdated',
			start: 'now',
			options,
		} as INodeParameters);
		const outcome = await poller.poll();
		expect(outcome.error?.message).toMatch(message);
		expect(outcome.requests).toHaveLength(0);
	});

	test('Start Date 2024-02-30 is refused, not rolled over to 1 March', async () => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const credential = await trustpilotCredential(fixture, 'apiKey');
		const poller = new PollRunner(fixture, credential, {
			reviewType: 'service',
			businessUnits: { unit: [{ businessUnit: byId(unit.id) }] },
			start: 'date',
			startDate: '2024-02-30T00:00:00',
			options: {},
		} as INodeParameters);
		const outcome = await poller.poll();
		expect(outcome.error?.message).toBe('Start Date: "2024-02-30T00:00:00" is not a calendar date');
		expect(outcome.requests).toHaveLength(0);
	});
});
