// The private sync reads the reported reviews of its window as well and merges them into the
// list (see scanAscending). A list answer that is cut short — one empty page, `reviews: null` —
// must not let those reported reviews carry the cursor past the list's reviews not read yet:
// before, one such answer during a backfill lost 103 of the 150 reviews for good.
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../harness/fixtures';
import { pollerFor, reviewIds, unitById } from '../harness/reviewSync';
import { allServiceReviews, businessUnitByDomain } from './truth';

const fixture = useEmulator();

describe('Review Poll Trigger: a list answer cut short during a private backfill', () => {
	it.each([
		['an empty page', { reviews: [], links: [] }],
		['reviews: null', { reviews: null, links: [] }],
	])('%s once: every review still comes, each once', async (_label, body) => {
		const unit = await businessUnitByDomain(fixture, 'shop.example.org');
		const truth = await allServiceReviews(fixture, unit.id);
		// The unit has reported reviews, read by their own request.
		expect(unit.reportedReviewCount).toBeGreaterThan(0);
		await fixture.client.addFault({
			match: { route: '/v1/private/business-units/{businessUnitId}/reviews' },
			action: { status: 200, body },
			// The reported reviews (asked for first) answer normally; the list's first page does not.
			skip: 1,
			times: 1,
		});
		const poller = await pollerFor(fixture, [unitById(unit.id)], {
			start: 'all',
			simplify: false,
			options: { maxItemsPerPoll: 10000 },
		});
		const emitted: IDataObject[] = [];
		for (let poll = 0; poll < 4; poll++) {
			const outcome = await poller.poll();
			expect(outcome.error).toBeUndefined();
			emitted.push(...outcome.items);
		}
		const ids = reviewIds(emitted);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(reviewIds(truth).sort());
	});
});
