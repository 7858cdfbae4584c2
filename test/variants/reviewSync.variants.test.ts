// Review sync under the undocumented behaviours: private lists that hide reported reviews unless
// asked (default) or ignore includeReportedReviews (variant reported-flag-ignored), and a
// startDateTime that is inclusive (default) or exclusive (variant start-exclusive). Runs in
// npm test with the defaults and in npm run test:variants under each variant.
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../harness/fixtures';
import { pollerFor, pollUntilEmpty, reviewIds, unitById } from '../harness/reviewSync';
import { activeVariants } from '../harness/variants';
import { allServiceReviews, businessUnitByDomain } from '../TrustpilotReviewPollTrigger/truth';

const fixture = useEmulator();

const runner = (businessUnitId: string, extra: INodeParameters = {}) =>
	pollerFor(fixture, [unitById(businessUnitId)], { simplify: false, ...extra });

const ids = reviewIds;

describe(`review sync (variants: ${activeVariants().join(', ') || 'default'})`, () => {
	it('emits reviews that are reported before the first poll sees them, once', async () => {
		const german = await businessUnitByDomain(fixture, 'example.de');
		const poller = await runner(german.id);
		expect((await poller.poll()).items).toEqual([]);

		const plain = (await fixture.client.addReviews({ businessUnitId: german.id, count: 2 }))
			.reviews;
		const reported = (
			await fixture.client.addReviews({ businessUnitId: german.id, reported: true })
		).reviews;
		const later = (await fixture.client.addReviews({ businessUnitId: german.id })).reviews;
		expect(reported[0].reportData).not.toBeNull();

		const next = await poller.poll();
		expect(next.error).toBeUndefined();
		expect(new Set(ids(next.items))).toEqual(new Set(ids([...plain, ...reported, ...later])));
		expect(ids(next.items)).toHaveLength(4);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('backfills every review (reported ones included) exactly once across the startDateTime boundary', async () => {
		const second = await businessUnitByDomain(fixture, 'shop.example.org');
		const truth = await allServiceReviews(fixture, second.id);
		// Mark a few reviews reported, among them the first one of the backfill (the boundary review).
		for (const index of [40, 41, 90])
			await fixture.client.patchReview(String(truth[index].id), { reported: true });
		const startDate = String(truth[40].createdAt);
		const expected = (await allServiceReviews(fixture, second.id)).slice(40);
		const poller = await runner(second.id, {
			start: 'date',
			startDate,
			options: { maxItemsPerPoll: 30 },
		});
		const { emitted, sizes } = await pollUntilEmpty(poller);
		// Reported reviews count towards Max Items and keep their place in the oldest-first order,
		// also when they come only from the separate reported=true request.
		const full = Math.floor(expected.length / 30);
		const rest = expected.length - full * 30;
		expect(sizes).toEqual([...Array(full).fill(30), ...(rest > 0 ? [rest] : []), 0]);
		expect(ids(emitted)).toEqual(ids(expected));
	});
});
