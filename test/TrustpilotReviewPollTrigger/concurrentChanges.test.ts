// The private (oldest-first) sync while the list changes under it: reviews deleted between two
// pages of one poll must not make a later review slip past the page boundary. Expected reviews
// come from the emulator's own list (truth.ts), never from the node.
import { sleep, type IDataObject } from 'n8n-workflow';

import { useEmulator } from '../harness/fixtures';
import { pollerFor, pollUntilEmpty, reviewIds, unitById } from '../harness/reviewSync';
import { allServiceReviews, businessUnitByDomain } from './truth';

const fixture = useEmulator();

const privateList = (businessUnitId: string) =>
	`/v1/private/business-units/${businessUnitId}/reviews`;

/** Waits until the emulator has answered `count` requests of the main (not reported) list. */
async function untilMainPagesServed(businessUnitId: string, count: number) {
	for (let waited = 0; waited < 10000; waited += 25) {
		const log = await fixture.client.requests({ pathPrefix: privateList(businessUnitId) });
		const served = log.filter(
			(entry) => String(entry.query.reported) !== 'true' && entry.status === 200,
		);
		if (served.length >= count) return;
		await sleep(25);
	}
	throw new Error(`page ${count} of the list was never answered`);
}

describe('Review Poll Trigger: reviews deleted between two pages of one poll', () => {
	it.each([1, 3])(
		'a private backfill loses no review when %i review(s) of page 1 are deleted before page 2',
		async (deletions) => {
			const unit = await businessUnitByDomain(fixture, 'shop.example.org');
			const before = await allServiceReviews(fixture, unit.id);
			expect(before.length).toBeGreaterThan(100);
			const poller = await pollerFor(fixture, [unitById(unit.id)], {
				start: 'all',
				simplify: false,
				options: { maxItemsPerPoll: 10000 },
			});
			// The reported list and page 1 answer at once; page 2 waits while reviews are deleted.
			await fixture.client.addFault({
				match: { pathPrefix: privateList(unit.id) },
				action: { latencyMs: 800 },
				skip: 2,
				times: 1,
			});
			const polling = poller.poll();
			await untilMainPagesServed(unit.id, 1);
			const deleted = before.slice(0, deletions).map((review) => String(review.id));
			for (const id of deleted) await fixture.client.deleteReview(id);
			const outcome = await polling;
			expect(outcome.error).toBeUndefined();
			const rest = await pollUntilEmpty(poller);
			const emitted = reviewIds([...outcome.items, ...rest.emitted] as IDataObject[]);
			expect(new Set(emitted).size).toBe(emitted.length);
			// Every review was delivered once: the deleted ones too (they were read on page 1).
			expect(emitted.sort()).toEqual(reviewIds(before).sort());
		},
	);
});
