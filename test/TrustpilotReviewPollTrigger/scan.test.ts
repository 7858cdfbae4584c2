// Backfill cost and correctness of the Review Poll Trigger on an oldest-first (private) list:
// N reviews cost at most ⌈N/100⌉ pages plus one per poll, whether startDateTime is inclusive
// (default) or exclusive (variant start-exclusive), also when hundreds of reviews share one
// createdAt (variant created-whole-seconds) across page and poll boundaries, when reviews
// arrive during the backfill, and when the reviews are stamped ahead of the poll's clock.
// Page requests are counted from the emulator's request log; expected reviews come from the
// emulator's public list (truth.ts), never from the node.
import { sleep, type IDataObject } from 'n8n-workflow';

import type { EmulatorConfig } from '../harness/emulatorClient';
import { useEmulator } from '../harness/fixtures';
import { pollerFor, reviewIds, unitById } from '../harness/reviewSync';
import { activeVariants } from '../harness/variants';
import { PollRunner, type PollOutcome } from './pollRunner';
import { allServiceReviews, businessUnitByDomain } from './truth';

const fixture = useEmulator();

const BOUNDARIES = [[], ['start-exclusive']] as const;

async function useVariants(extra: readonly string[]) {
	const variants = [...new Set([...activeVariants(), ...extra])];
	await fixture.client.config({ variants } as Partial<EmulatorConfig>);
}

const backfillRunner = (businessUnitId: string, maxItemsPerPoll: number) =>
	pollerFor(fixture, [unitById(businessUnitId)], {
		start: 'all',
		simplify: false,
		options: { maxItemsPerPoll, lateWindowMinutes: 0 },
	});

/** Requests of the main list (not the one request per poll for reported reviews). */
const mainListPages = (outcome: PollOutcome) =>
	outcome.requests.filter(
		(entry) => entry.path.endsWith('/reviews') && String(entry.query.reported) !== 'true',
	).length;

/** Adds reviews that already exist: stamped 1 ms apart from `since`, all of them seconds in the past. */
async function addPastReviews(
	businessUnitId: string,
	count: number,
	since = Date.now() - count - 2000,
) {
	const { reviews } = await fixture.client.addReviews({ businessUnitId, count, since });
	const newest = Math.max(...reviews.map((review) => Date.parse(String(review.createdAt))));
	expect(newest).toBeLessThan(Date.now() - 1000);
}

interface Backfill {
	items: IDataObject[];
	polls: number;
	pages: number;
	quietPages: number;
}

/** Polls until a poll emits nothing; every poll must succeed. */
async function pollUntilQuiet(poller: PollRunner, between?: (poll: number) => Promise<void>) {
	const result: Backfill = { items: [], polls: 0, pages: 0, quietPages: 0 };
	for (let poll = 0; poll < 200; poll++) {
		const outcome = await poller.poll();
		expect(outcome.error).toBeUndefined();
		result.polls++;
		result.pages += mainListPages(outcome);
		if (outcome.items.length === 0) {
			result.quietPages = mainListPages(outcome);
			return result;
		}
		result.items.push(...outcome.items);
		await between?.(poll);
	}
	throw new Error('the backfill did not end within 200 polls');
}

const ids = reviewIds;

/** Each review of `truth` exactly once, in createdAt order (ties in any order). */
function expectEachOnceInOrder(items: IDataObject[], truth: IDataObject[]) {
	expect(new Set(ids(items)).size).toBe(items.length);
	expect([...ids(items)].sort()).toEqual([...ids(truth)].sort());
	const stamps = items.map((item) => Date.parse(String(item.createdAt)));
	for (let index = 1; index < stamps.length; index++)
		expect(stamps[index]).toBeGreaterThanOrEqual(stamps[index - 1]);
}

describe('Review Poll Trigger: backfill cost', () => {
	it.each(BOUNDARIES.map((variants) => [variants.join(',') || 'inclusive start', variants]))(
		'backfills 1,030 reviews 1 ms apart in ⌈N/100⌉ pages plus one per poll (%s)',
		async (_label, variants) => {
			await useVariants(variants);
			const unit = await businessUnitByDomain(fixture, 'example.de');
			await addPastReviews(unit.id, 1000);
			const truth = await allServiceReviews(fixture, unit.id);
			expect(truth).toHaveLength(1030);
			const poller = await backfillRunner(unit.id, 150);
			const run = await pollUntilQuiet(poller);
			expectEachOnceInOrder(run.items, truth);
			expect(ids(run.items)).toEqual(ids(truth));
			// 1,030 / 150 per poll: 7 polls that emit and the quiet one.
			expect(run.polls).toBe(8);
			expect(run.pages).toBeLessThanOrEqual(Math.ceil(1030 / 100) + run.polls);
			// The quiet poll asks once for the page it stopped on.
			expect(run.quietPages).toBe(1);
		},
	);

	it.each(BOUNDARIES.map((variants) => [variants.join(',') || 'inclusive start', variants]))(
		'250 reviews with one createdAt across page and poll boundaries: each once, still ⌈N/100⌉ + polls (%s)',
		async (_label, variants) => {
			await useVariants([...variants, 'created-whole-seconds']);
			const unit = await businessUnitByDomain(fixture, 'example.de');
			// From early in a second three seconds ago, so the whole burst is stamped with that second.
			const secondStart = Math.floor((Date.now() - 3000) / 1000) * 1000;
			await addPastReviews(unit.id, 250, secondStart + 100);
			const truth = await allServiceReviews(fixture, unit.id);
			const burst = truth.slice(30);
			expect(new Set(burst.map((review) => review.createdAt)).size).toBe(1);
			expect(String(burst[0].createdAt)).toMatch(/T\d{2}:\d{2}:\d{2}\.000Z$/);
			// 70 per poll: poll ends at 70, 140, 210 fall inside the tie, like page ends at 100 and 200.
			const poller = await backfillRunner(unit.id, 70);
			const run = await pollUntilQuiet(poller);
			expectEachOnceInOrder(run.items, truth);
			expect(run.pages).toBeLessThanOrEqual(Math.ceil(truth.length / 100) + run.polls);
			expect(run.quietPages).toBe(1);
		},
	);
});

describe('Review Poll Trigger: backfill while the list changes', () => {
	it.each(BOUNDARIES.map((variants) => [variants.join(',') || 'inclusive start', variants]))(
		'reviews that arrive between and during polls come once, none lost (%s)',
		async (_label, variants) => {
			await useVariants(variants);
			const unit = await businessUnitByDomain(fixture, 'example.de');
			await addPastReviews(unit.id, 500);
			const poller = await backfillRunner(unit.id, 120);
			// Pages answer slowly, so reviews added meanwhile land in the middle of a poll's pages.
			await fixture.client.addFault({
				match: { pathPrefix: `/v1/private/business-units/${unit.id}/reviews` },
				action: { latencyMs: 15 },
				times: 0,
			});
			let arrivals = 0;
			const run = await pollUntilQuiet(poller, async (poll) => {
				if (poll >= 4) return;
				arrivals += (await fixture.client.addReviews({ businessUnitId: unit.id, count: 3 })).count;
			});
			// One more backfill poll runs while reviews are added every few milliseconds.
			let adding = true;
			const adder = (async () => {
				while (adding) {
					arrivals += (await fixture.client.addReviews({ businessUnitId: unit.id, count: 7 }))
						.count;
					await sleep(5);
				}
			})();
			const during = await poller.poll();
			adding = false;
			await adder;
			expect(during.error).toBeUndefined();
			const rest = await pollUntilQuiet(poller);
			const truth = await allServiceReviews(fixture, unit.id);
			expect(truth).toHaveLength(530 + arrivals);
			expect(arrivals).toBeGreaterThan(12);
			expectEachOnceInOrder([...run.items, ...during.items, ...rest.items], truth);
		},
	);

	it('reviews stamped ahead of the poll clock (a fast bulk add) are each emitted once', async () => {
		const unit = await businessUnitByDomain(fixture, 'example.de');
		// 5,000 reviews 1 ms apart from "now": most are stamped seconds into the future.
		await fixture.client.addReviews({ businessUnitId: unit.id, count: 5000 });
		const added = Date.now();
		const truth = await allServiceReviews(fixture, unit.id);
		expect(Date.parse(String(truth[truth.length - 1].createdAt))).toBeGreaterThan(added + 1000);
		const poller = await backfillRunner(unit.id, 1000);
		const run = await pollUntilQuiet(poller);
		expectEachOnceInOrder(run.items, truth);
	});
});
