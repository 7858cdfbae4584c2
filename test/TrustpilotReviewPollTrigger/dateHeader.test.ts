// The poll reads Trustpilot's clock from the `Date` header of its answers (see clockSkew.test.ts).
// That header is not Trustpilot's alone: a proxy or cache on the way may rewrite it, a broken one
// may send the epoch or garbage. One such answer must not make the trigger lose or repeat reviews.
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../harness/fixtures';
import { pollerFor, pollUntilEmpty, reviewIds, unitById } from '../harness/reviewSync';
import type { PollRunner } from './pollRunner';
import { businessUnitByDomain } from './truth';

const fixture = useEmulator();

/**
 * Polls once with every answer carrying this `Date` (a proxy on the way), then normally until
 * nothing is new: exactly the reviews `added` must come, once each.
 */
async function expectOnlyAddedAfterOnePollWithDate(
	poller: PollRunner,
	date: string,
	added: IDataObject[],
): Promise<void> {
	const fault = await fixture.client.addFault({
		match: { pathPrefix: '/v1/' },
		action: { headers: { date } },
		times: 0,
	});
	const skewed = await poller.poll();
	expect(skewed.error).toBeUndefined();
	await fixture.client.removeFault(fault);
	const { emitted } = await pollUntilEmpty(poller);
	expect(reviewIds([...skewed.items, ...emitted])).toEqual(reviewIds(added));
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600 * 1000).toUTCString();

describe('Review Poll Trigger: a wrong Date header in one answer', () => {
	it.each([
		['the epoch', 'Thu, 01 Jan 1970 00:00:00 GMT'],
		['garbage that Date.parse reads as 2000', '0'],
		['a week old (a stale cache)', hoursAgo(7 * 24)],
	])(
		'%s: the reviews written meanwhile come once, no old review comes again',
		async (_label, date) => {
			const unit = await businessUnitByDomain(fixture, 'example.de');
			const poller = await pollerFor(fixture, [unitById(unit.id)]);
			expect((await poller.poll()).items).toEqual([]);
			const added = (await fixture.client.addReviews({ businessUnitId: unit.id, count: 3 }))
				.reviews;
			await expectOnlyAddedAfterOnePollWithDate(poller, date, added);
		},
	);

	it('three hours old (a stale cache), with reviews from the last hours: none of them comes', async () => {
		const unit = await businessUnitByDomain(fixture, 'example.de');
		// Reviews written two hours ago, before the trigger is started.
		await fixture.client.addReviews({
			businessUnitId: unit.id,
			count: 5,
			since: Date.now() - 2 * 3600 * 1000,
		});
		const poller = await pollerFor(fixture, [unitById(unit.id)]);
		expect((await poller.poll()).items).toEqual([]);
		const added = (await fixture.client.addReviews({ businessUnitId: unit.id, count: 3 })).reviews;
		await expectOnlyAddedAfterOnePollWithDate(poller, hoursAgo(3), added);
	});
});

describe('Review Poll Trigger, "New and Updated": a stale Date header in one poll', () => {
	it('the second business unit of the poll emits no review from before its Watch Updates window', async () => {
		const first = await businessUnitByDomain(fixture, 'example.de');
		const second = await businessUnitByDomain(fixture, 'shop.example.org');
		// Two reviews of the second unit written an hour before the Watch Updates window (7 days).
		await fixture.client.addReviews({
			businessUnitId: second.id,
			count: 2,
			since: Date.now() - 7 * 24 * 3600 * 1000 - 3600 * 1000,
		});
		const poller = await pollerFor(fixture, [unitById(first.id), unitById(second.id)], {
			event: 'newAndUpdated',
		});
		expect((await poller.poll()).items).toEqual([]);
		const added = (await fixture.client.addReviews({ businessUnitId: second.id, count: 3 }))
			.reviews;
		await expectOnlyAddedAfterOnePollWithDate(poller, hoursAgo(3), added);
	});
});
